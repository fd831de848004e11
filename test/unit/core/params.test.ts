/** The one parameter check (src/core/params.ts) the plot, hovers and snippets share. */
import * as assert from 'node:assert/strict';
import { activations, checkParams, FUNCTION_IDS, GATED_IDS, GATED_SPECS } from '../../../src/core';

describe('core parameter check', function () {
  it('accepts every default, missing keys, and every value inside the ranges', function () {
    for (const id of FUNCTION_IDS) {
      assert.deepEqual(checkParams(id), [], id);
      assert.deepEqual(checkParams(id, Object.fromEntries(activations[id].params.map((p) => [p.key, p.default]))), [], id);
    }
    for (const id of GATED_IDS) assert.deepEqual(checkParams(id, Object.fromEntries(GATED_SPECS[id].params.map((p) => [p.key, p.default]))), [], id);
    assert.deepEqual(checkParams('hard_sigmoid', { h: 2.5 }), [], 'Keras 2 / ONNX hard sigmoid');
    assert.deepEqual(checkParams('snake', { eps: 1e-9 }), [], 'BigVGAN Snake');
  });

  it('refuses a value outside its range with the range in the message, for every parameter', function () {
    for (const id of FUNCTION_IDS) {
      for (const p of activations[id].params) {
        for (const v of [p.min - 1, p.max + 1]) {
          const problems = checkParams(id, { [p.key]: v });
          assert.equal(problems.length, 1, `${id}.${p.key} = ${v}`);
          assert.ok(problems[0]!.includes(`between ${p.min} and ${p.max} (got ${v})`), problems[0]);
        }
      }
    }
    assert.match(checkParams('swiglu_oai', { limit: 100 })[0]!, /limit must be between 0\.5 and 20 \(got 100\)/);
    assert.match(checkParams('celu', { alpha: Infinity })[0]!, /finite number/);
    assert.match(checkParams('celu', { alpha: '2' })[0]!, /finite number/);
  });

  it('refuses xIELU with αn ≤ β, and other combinations a formula cannot take, instead of fixing them', function () {
    assert.match(checkParams('xielu', { alphaN: 0.5, beta: 0.5 })[0]!, /αn must be greater than β \(got αn = 0\.5, β = 0\.5\)/);
    assert.match(checkParams('xielu', { beta: 1 })[0]!, /αn must be greater than β/);
    assert.deepEqual(checkParams('xielu', { alphaN: 1.2, beta: 1 }), []);
    assert.match(checkParams('hardtanh', { min: 0, max: 0 })[0]!, /min must be below max/);
    assert.match(checkParams('geglu', { tanh: 0.5 })[0]!, /must be 0 or 1/);
  });

  it('names unknown keys, own properties only (constructor, __proto__ are words people type)', function () {
    assert.match(checkParams('relu', { alpha: 1 })[0]!, /ReLU has no parameters/);
    assert.match(checkParams('elu', { constructor: 1 })[0]!, /no parameter "constructor" \(it has alpha\)/);
    assert.match(checkParams('elu', JSON.parse('{"__proto__": 1}') as Record<string, unknown>)[0]!, /no parameter "__proto__"/);
    assert.deepEqual(checkParams('elu', {}), []);
  });
});
