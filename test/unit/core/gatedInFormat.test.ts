import * as assert from 'node:assert/strict';
import { gatedInFormat } from '../../../src/core/gatedInFormat';
import { implementations } from '../../../src/core/implementations';

describe('core: gated units in a narrow format (op by op)', () => {
  it('computes the gpt-oss kernel with its clamps and +1 in the format, and GEGLU in the tanh form when asked', () => {
    // Far above the clamps, float32: y = 7·σ(1.702·7)·(7 + 1) rounded op by op.
    const r = (v: number): number => Math.fround(v);
    const want = r(r(7 * r(1 / (1 + Math.exp(-r(r(1.702) * 7))))) * 8);
    assert.ok(Math.abs(gatedInFormat('swiglu_oai', 50, 30, {}, 'float32') - want) <= 2 ** -20 * want);
    assert.equal(gatedInFormat('swiglu_oai', 50, 30, {}, 'float32'), gatedInFormat('swiglu_oai', 9, 8, {}, 'float32'));
    assert.equal(gatedInFormat('reglu', -3, 5, {}, 'bfloat16'), 0);
    const tanhForm = gatedInFormat('geglu', 1.5, 1, { tanh: 1 }, 'float16');
    assert.equal(tanhForm, implementations.gelu_tanh.evaluate(1.5, 'float16', 'per-op'));
    assert.equal(gatedInFormat('geglu', 1.5, 1, {}, 'float16'), implementations.gelu_erf.evaluate(1.5, 'float16', 'per-op'));
  });
});
