/**
 * Rounding to float32, bfloat16 and float16: known bit patterns, ties to even, overflow,
 * subnormals, NaN and signed zeros, a property against an independent bit-level rounding, and
 * evaluation "in precision p".
 */
import * as assert from 'node:assert/strict';
import fc from 'fast-check';
import {
  activations,
  evaluateArrayInPrecision,
  evaluateInPrecision,
  PRECISION_INFO,
  roundArray,
  roundTo,
  roundToBfloat16,
  roundToFloat16,
  roundToFloat32,
} from '../../../src/core';

const view = new DataView(new ArrayBuffer(8));

/** Independent reference for normal-range results: round the float64 significand bits, ties to even. */
function roundBits(x: number, precision: number): number {
  view.setFloat64(0, x);
  const bits = view.getBigUint64(0);
  const drop = BigInt(53 - precision);
  const half = 1n << (drop - 1n);
  const low = bits & ((1n << drop) - 1n);
  let kept = bits >> drop;
  if (low > half || (low === half && (kept & 1n) === 1n)) kept += 1n;
  view.setBigUint64(0, kept << drop);
  return view.getFloat64(0);
}

describe('core precision emulation', function () {
  it('float16: largest finite, overflow at the tie 65520, subnormals, ties to even', function () {
    assert.equal(roundToFloat16(65504), 65504);
    assert.equal(roundToFloat16(65519.99), 65504);
    assert.equal(roundToFloat16(65520), Infinity);
    assert.equal(roundToFloat16(-65520), -Infinity);
    assert.equal(roundToFloat16(1e300), Infinity);
    assert.equal(roundToFloat16(2 ** -24), 2 ** -24);
    assert.equal(roundToFloat16(2 ** -25), 0);
    assert.equal(roundToFloat16(2 ** -25 * (1 + 2 ** -30)), 2 ** -24);
    assert.equal(roundToFloat16(3 * 2 ** -25), 2 ** -23);
    assert.equal(roundToFloat16(2 ** -14), 2 ** -14);
    assert.equal(roundToFloat16(1 + 2 ** -11), 1);
    assert.equal(roundToFloat16(1 + 3 * 2 ** -11), 1 + 2 ** -9);
    assert.equal(roundToFloat16(0.1), 0.0999755859375);
    assert.equal(roundToFloat16(Math.PI), 3.140625);
    assert.ok(Object.is(roundToFloat16(-1e-10), -0));
    assert.ok(Object.is(roundToFloat16(-0), -0));
    assert.ok(Number.isNaN(roundToFloat16(NaN)));
  });

  it('bfloat16: float32 range, 8 significant bits, one rounding (no double rounding via float32)', function () {
    assert.equal(roundToBfloat16(1 + 2 ** -8), 1);
    assert.equal(roundToBfloat16(1 + 3 * 2 ** -8), 1 + 2 ** -6);
    // Through float32 this would be 1 + 2^-8 (a tie), then 1: one correct rounding gives 1 + 2^-7.
    assert.equal(roundToBfloat16(1 + 2 ** -8 + 2 ** -40), 1 + 2 ** -7);
    assert.equal(roundToBfloat16(3.3895313892515355e38), 3.3895313892515355e38);
    assert.equal(roundToBfloat16((2 - 2 ** -8) * 2 ** 127), Infinity);
    assert.equal(roundToBfloat16(2 ** -133), 2 ** -133);
    assert.equal(roundToBfloat16(2 ** -134), 0);
    assert.equal(roundToBfloat16(3 * 2 ** -134), 2 ** -132);
    assert.equal(roundToBfloat16(0.1), 0.10009765625);
    assert.equal(roundToBfloat16(Math.PI), 3.140625);
    assert.equal(roundToBfloat16(-Infinity), -Infinity);
    assert.ok(Number.isNaN(roundToBfloat16(NaN)));
  });

  it('float32 is Math.fround: ties to even, overflow, subnormals', function () {
    assert.equal(roundToFloat32(16777217), 16777216);
    assert.equal(roundToFloat32(16777219), 16777220);
    assert.equal(roundToFloat32(3.4028235677973366e38), Infinity);
    assert.equal(roundToFloat32(2 ** -149), 2 ** -149);
    assert.equal(roundToFloat32(2 ** -150), 0);
    assert.equal(roundTo(0.1, 'float64'), 0.1);
  });

  it('agrees with a bit-level rounding for normal-range values (property)', function () {
    fc.assert(
      fc.property(fc.double({ noNaN: true, noDefaultInfinity: true, min: -6e4, max: 6e4 }), (x) => {
        if (Math.abs(x) >= 2 ** -14) assert.equal(roundToFloat16(x), roundBits(x, 11));
        if (Math.abs(x) >= 2 ** -126) assert.equal(roundToBfloat16(x), roundBits(x, 8));
        assert.equal(roundToFloat32(x), Math.fround(x));
      }),
      { numRuns: 3000 },
    );
  });

  it('is idempotent and monotone (property)', function () {
    fc.assert(
      fc.property(fc.double({ noNaN: true }), fc.double({ noNaN: true }), (a, b) => {
        for (const p of ['float32', 'bfloat16', 'float16'] as const) {
          const r = roundTo(a, p);
          assert.ok(Object.is(roundTo(r, p), r));
          if (a <= b) assert.ok(roundTo(a, p) <= roundTo(b, p));
        }
      }),
      { numRuns: 2000 },
    );
  });

  it('describes each format', function () {
    assert.equal(PRECISION_INFO.float16.max, 65504);
    assert.equal(roundToFloat16(PRECISION_INFO.float16.max), PRECISION_INFO.float16.max);
    assert.equal(roundToBfloat16(PRECISION_INFO.bfloat16.max), PRECISION_INFO.bfloat16.max);
    assert.equal(roundToFloat32(PRECISION_INFO.float32.max), PRECISION_INFO.float32.max);
    for (const p of ['float32', 'bfloat16', 'float16'] as const) {
      const i = PRECISION_INFO[p];
      assert.equal(roundTo(1 + i.epsilon, p), 1 + i.epsilon);
      assert.equal(roundTo(i.minSubnormal, p), i.minSubnormal);
      assert.equal(roundTo(i.minSubnormal / 2, p), 0);
    }
  });

  it('rounds arrays, and evaluates "in precision p" (round input, compute in double, round output)', function () {
    const xs = new Float64Array([0.1, -2.5, 65520, NaN, -0]);
    const r = roundArray(xs, 'float16');
    assert.deepEqual([...r], [0.0999755859375, -2.5, Infinity, NaN, -0]);
    assert.equal(roundArray(xs, 'float64')[0], 0.1);
    assert.equal(evaluateInPrecision('gelu', 0, 1, 'float16'), 0.84130859375);
    assert.equal(evaluateInPrecision('gelu', 0, 0.1, 'bfloat16'), roundToBfloat16(activations.gelu.f(roundToBfloat16(0.1))));
    assert.equal(evaluateInPrecision('gelu', 1, 0.3, 'float64'), activations.gelu.df(0.3));
    const ys = evaluateArrayInPrecision('gelu_tanh', 0, new Float64Array([-1, 0.5, 3]), 'float32');
    assert.deepEqual([...ys], [-1, 0.5, 3].map((x) => Math.fround(activations.gelu_tanh.f(x))));
  });
});
