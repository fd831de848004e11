import * as assert from 'node:assert/strict';
import * as core from '../../../src/core';
import { activations } from '../../../src/core/activations';
import { IMPLEMENTATION_IDS, implementations } from '../../../src/core/implementations';
import { FORMATS, roundToFormat } from '../../../src/core/precision';
import { advise, sweep, sweepInputs } from '../../../src/core/sweep';

describe('Implementations: what the formulas compute in a format', () => {
  it('the core exports implementations (id → label, fn, evaluate) and sweep, with the ids of the issue', () => {
    assert.deepEqual(Object.keys(core.implementations).sort(), [...IMPLEMENTATION_IDS].sort());
    for (const id of IMPLEMENTATION_IDS) {
      const impl = core.implementations[id];
      assert.equal(typeof impl.label, 'string');
      assert.ok(impl.fn in activations, `${id}.fn = ${impl.fn}`);
      assert.equal(typeof impl.evaluate(1, 'float16', 'per-op'), 'number');
    }
    const s = core.sweep('gelu_tanh', 'float8_e4m3fn', 'per-op');
    assert.deepEqual(Object.keys(s).sort(), ['argMax', 'count', 'inf', 'maxUlp', 'meanUlp', 'nan', 'wrongSign', 'zeroWhereNonzero']);
  });

  it('1 + tanh(u) is exactly 0 in bfloat16 at x = −7, so the tanh form flushes to zero where the x·σ(2u) rewrite does not', () => {
    const exact = roundToFormat(activations.gelu_tanh.f(-7), 'bfloat16');
    assert.notEqual(exact, 0);
    assert.ok(implementations.gelu_tanh.evaluate(-7, 'bfloat16', 'per-op') === 0);
    const rewritten = implementations.gelu_tanh_sigmoid.evaluate(-7, 'bfloat16', 'per-op');
    assert.ok(rewritten < 0 && Math.abs(rewritten / exact - 1) < 0.2, `${rewritten} vs ${exact}`);
  });

  it('float16 x³ overflows at x = 50 in per-op arithmetic but fp32-opmath keeps it; both give x', () => {
    assert.equal(roundToFormat(50 * 50 * 50, 'float16'), Infinity);
    assert.equal(implementations.gelu_tanh.evaluate(50, 'float16', 'per-op'), 50);
    assert.equal(implementations.gelu_tanh.evaluate(50, 'float16', 'fp32-opmath'), 50);
  });

  it('llama.cpp GELU: 0 at and below −10, x at and above 10, the float16 table in between', () => {
    assert.equal(implementations.gelu_ggml.evaluate(-10, 'float32', 'per-op'), 0);
    assert.equal(implementations.gelu_ggml.evaluate(10, 'float32', 'per-op'), 10);
    assert.equal(implementations.gelu_ggml.evaluate(12.3, 'float32', 'per-op'), Math.fround(12.3));
    const y = implementations.gelu_ggml.evaluate(1.0001, 'float32', 'per-op');
    assert.equal(y, roundToFormat(y, 'float16'));
    assert.ok(Math.abs(y - activations.gelu_tanh.f(1)) < 2 ** -10);
    // The quick GELU table has no thresholds: a bfloat16 input past float16's range is ±∞ there.
    assert.ok(Number.isNaN(implementations.gelu_quick_ggml.evaluate(-1e6, 'bfloat16', 'per-op')));
  });

  it('per-op and fp32-opmath are the same computation for float32 and float64', () => {
    for (const id of IMPLEMENTATION_IDS) {
      for (const x of [-20, -3.3, -0.1, 0.7, 5.5]) {
        assert.ok(Object.is(implementations[id].evaluate(x, 'float32', 'per-op'), implementations[id].evaluate(x, 'float32', 'fp32-opmath')));
      }
    }
  });

  it('every result is a value of its format', () => {
    for (const format of FORMATS) {
      for (const id of IMPLEMENTATION_IDS) {
        for (const x of [-9, -2.5, -0.01, 0, 0.3, 3, 30]) {
          const y = implementations[id].evaluate(x, format, 'per-op');
          assert.ok(Object.is(roundToFormat(y, format), y) || Number.isNaN(y), `${id} ${format} ${x}: ${y}`);
        }
      }
    }
  });
});

describe('Sweeps: every input of a format', () => {
  it('counts every finite bfloat16, float16 and FP8 value and at least 10⁶ float32 samples across all exponents', () => {
    assert.equal(sweepInputs('bfloat16').length, 65536 - 256);
    assert.equal(sweepInputs('float16').length, 65536 - 2048);
    const f32 = sweepInputs('float32');
    assert.ok(f32.length >= 1e6);
    let tiny = 0;
    let huge = 0;
    for (const x of f32) {
      assert.equal(Math.fround(x), x);
      if (Math.abs(x) < 2 ** -126) tiny++;
      if (Math.abs(x) >= 2 ** 127) huge++;
    }
    assert.ok(tiny > 1000 && huge > 1000);
  });

  it('the tanh form in bfloat16 flushes hundreds of negative inputs to zero; the sigmoid rewrite almost none', () => {
    const tanh = sweep('gelu_tanh', 'bfloat16', 'per-op');
    const sig = sweep('gelu_tanh_sigmoid', 'bfloat16', 'per-op');
    assert.equal(tanh.count, 65280);
    assert.ok(tanh.zeroWhereNonzero > 100, String(tanh.zeroWhereNonzero));
    assert.ok(sig.zeroWhereNonzero < 10, String(sig.zeroWhereNonzero));
    assert.ok(tanh.maxUlp > sig.maxUlp);
    assert.ok(tanh.argMax < 0);
  });

  it('fp32-opmath softplus (PyTorch form) in bfloat16 is correctly rounded everywhere; per-op float16 overflows exp', () => {
    assert.equal(sweep('softplus_torch', 'bfloat16', 'fp32-opmath').maxUlp, 0);
    const h = sweep('softplus_torch', 'float16', 'per-op');
    assert.ok(h.inf > 0);
  });

  it('against exact GELU the tanh form is measured by a different yardstick than against itself', () => {
    const own = sweep('gelu_tanh', 'float16', 'fp32-opmath');
    const gelu = sweep('gelu_tanh', 'float16', 'fp32-opmath', 'gelu');
    assert.ok(own.maxUlp <= 2);
    assert.ok(gelu.maxUlp > 100);
  });
});

describe('Tolerance advisor', () => {
  it('an implementation against itself needs atol = rtol = 0', () => {
    const a = advise({ actual: { id: 'gelu_erf', format: 'float32', mode: 'per-op' }, expected: { id: 'gelu_erf', format: 'float32', mode: 'per-op' }, inputs: { kind: 'normal', sigma: 1, n: 1000 } });
    assert.equal(a.maxAbs, 0);
    assert.equal(a.atol, 0);
    assert.equal(a.rtol, 0);
  });

  it('llama.cpp GELU in bfloat16 against PyTorch float32: the pair it finds covers the largest difference, and each assertion says where it comes from', () => {
    const a = advise({ actual: { id: 'gelu_ggml', format: 'bfloat16', mode: 'per-op' }, expected: { id: 'gelu_erf', format: 'float32', mode: 'per-op' }, inputs: { kind: 'normal', sigma: 1, n: 20_000 } });
    assert.ok(a.atol !== undefined && a.rtol !== undefined);
    assert.ok(a.maxAbs > 1e-3 && a.maxAbs <= a.atol + a.rtol * 10);
    assert.match(a.assertions.torch, /^# GELU Lab tolerance advisor: gelu_ggml bfloat16 per-op vs gelu_erf float32 per-op.*\ntorch\.testing\.assert_close\(/);
    assert.match(a.assertions.numpy, /np\.testing\.assert_allclose\(/);
    assert.match(a.assertions.jax, /jnp\.allclose\(/);
  });

  it('says clearly when the input set is unusable', () => {
    assert.throws(() => advise({ actual: { id: 'silu', format: 'float16', mode: 'per-op' }, expected: { id: 'silu', format: 'float32', mode: 'per-op' }, inputs: { kind: 'uniform', lo: 1, hi: 1 } }), RangeError);
    assert.throws(() => advise({ actual: { id: 'silu', format: 'float16', mode: 'per-op' }, expected: { id: 'silu', format: 'float32', mode: 'per-op' }, inputs: { kind: 'normal', sigma: -1 } }), RangeError);
  });
});
