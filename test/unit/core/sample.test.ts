/**
 * Sampling (linspace, batch evaluation, parameter resolution) and approximation error
 * against exact GELU.
 */
import * as assert from 'node:assert/strict';
import fc from 'fast-check';
import {
  activations,
  approximationError,
  CoreArgumentError,
  evaluate,
  linspace,
  MAX_SAMPLES,
  resolveParams,
  sampleCurve,
  ulpOf,
  type FunctionId,
} from '../../../src/core';

describe('core sampling', function () {
  it('linspace: inclusive ends, exact grid points, degenerate counts', function () {
    assert.deepEqual([...linspace(0, 1, 5)], [0, 0.25, 0.5, 0.75, 1]);
    assert.deepEqual([...linspace(-4, 4, 3)], [-4, 0, 4]);
    assert.deepEqual([...linspace(2, -2, 3)], [2, 0, -2]);
    assert.deepEqual([...linspace(3, 7, 1)], [3]);
    assert.equal(linspace(3, 7, 0).length, 0);
    const wide = linspace(-Number.MAX_VALUE, Number.MAX_VALUE, 5);
    assert.ok(wide.every(Number.isFinite));
    assert.equal(wide[0], -Number.MAX_VALUE);
    assert.equal(wide[4], Number.MAX_VALUE);
    assert.equal(wide[2], 0);
  });

  it('linspace: monotone, ends exact, inside the interval (property)', function () {
    fc.assert(
      fc.property(fc.double({ noNaN: true, noDefaultInfinity: true }), fc.double({ noNaN: true, noDefaultInfinity: true }), fc.integer({ min: 2, max: 300 }), (a, b, n) => {
        const xs = linspace(a, b, n);
        assert.equal(xs.length, n);
        assert.equal(xs[0], a);
        assert.equal(xs[n - 1], b);
        for (let i = 1; i < n; i++) {
          if (a <= b) assert.ok(xs[i]! >= xs[i - 1]!);
          else assert.ok(xs[i]! <= xs[i - 1]!);
        }
      }),
      { numRuns: 500 },
    );
  });

  it('rejects bad arguments with a clear CoreArgumentError', function () {
    const bad: [number, number, number][] = [
      [NaN, 1, 10],
      [0, Infinity, 10],
      [0, 1, -1],
      [0, 1, 2.5],
      [0, 1, MAX_SAMPLES + 1],
      [0, 1, NaN],
    ];
    for (const [a, b, n] of bad) {
      assert.throws(() => linspace(a, b, n), (e: unknown) => e instanceof CoreArgumentError && e.message.length > 10);
    }
    const xs = linspace(-1, 1, 4);
    assert.throws(() => evaluate('nope' as FunctionId, 0, xs), CoreArgumentError);
    assert.throws(() => evaluate('gelu', 3 as 0, xs), CoreArgumentError);
    assert.throws(() => evaluate('gelu', 0, xs, undefined, new Float64Array(3)), CoreArgumentError);
  });

  it('evaluates (id, order, params) over points, into a given array or a new one', function () {
    const xs = linspace(-6, 6, 101);
    const out = new Float64Array(xs.length);
    assert.equal(evaluate('silu', 1, xs, { beta: 2 }, out), out);
    xs.forEach((x, i) => assert.equal(out[i], activations.silu.df(x, { beta: 2 })));
    const curve = sampleCurve('gelu', 2, -3, 3, 7);
    assert.deepEqual([...curve.xs], [-3, -2, -1, 0, 1, 2, 3]);
    curve.xs.forEach((x, i) => assert.equal(curve.y[i], activations.gelu.d2f(x)));
  });

  it('resolves parameters: defaults for missing or non-finite, clamped to the range, unknown keys dropped', function () {
    assert.deepEqual(resolveParams('gelu_tanh'), { c: 0.044715 });
    assert.deepEqual(resolveParams('gelu_tanh', { c: 0.05, other: 3 }), { c: 0.05 });
    assert.throws(() => resolveParams('gelu_tanh', { c: 7 }), /c must be between 0 and 0\.1 \(got 7\)/);
    assert.throws(() => resolveParams('silu', { beta: NaN }), /β must be a finite number/);
    assert.throws(() => resolveParams('xielu', { alphaN: 0.4 }), /αn must be greater than β/);
    assert.deepEqual(resolveParams('relu', { beta: 2 }), {});
  });
});

describe('core approximation error against exact GELU', function () {
  it('gives signed absolute, relative and ulp errors with their maxima and where', function () {
    const xs = linspace(-5, 5, 10001);
    const err = approximationError('gelu_tanh', xs);
    xs.forEach((x, i) => {
      const e = activations.gelu.f(x);
      const d = activations.gelu_tanh.f(x) - e;
      assert.equal(err.abs[i], d);
      assert.equal(err.rel[i], e === 0 ? 0 : d / Math.abs(e));
      assert.equal(err.ulp[i], d / ulpOf(e));
    });
    // The tanh form's largest error, 4.7323552e-4 at x ≈ ±2.6989 (mpmath), is on this grid's
    // scale: the grid step is 0.001.
    assert.ok(Math.abs(err.maxAbs.value - 4.7323552e-4) < 2e-9, `${err.maxAbs.value}`);
    assert.ok(Math.abs(Math.abs(err.maxAbs.x) - 2.699) < 2e-3, `${err.maxAbs.x}`);
    assert.equal(err.abs[err.maxAbs.index], err.abs.reduce((m, v) => (Math.abs(v) > Math.abs(m) ? v : m), 0));
  });

  it('is zero for exact GELU and defines the relative error at x = 0 as 0 (both exactly 0)', function () {
    const xs = new Float64Array([-1, 0, 1]);
    const self = approximationError('gelu', xs);
    assert.deepEqual([...self.abs, ...self.rel, ...self.ulp], new Array(9).fill(0));
    assert.equal(self.maxAbs.value, 0);
    const q = approximationError('gelu_sigmoid', xs);
    assert.equal(q.rel[1], 0);
    assert.ok(q.rel[0]! !== 0);
  });

  it('finds the QuickGELU maximum error and supports derivatives and parameters', function () {
    const xs = linspace(-6, 6, 12001);
    const q = approximationError('gelu_sigmoid', xs);
    // mpmath: max |x·σ(1.702x) − GELU(x)| = 0.0203348722 at x ≈ ±2.2704.
    assert.ok(Math.abs(q.maxAbs.value - 0.0203348722) < 1e-8, `${q.maxAbs.value}`);
    const d = approximationError('gelu_tanh', xs, undefined, 1);
    assert.ok(d.maxAbs.value > 0 && d.maxAbs.value < 0.01);
    const c0 = approximationError('gelu_tanh', xs, { c: 0 });
    assert.ok(c0.maxAbs.value > 10 * approximationError('gelu_tanh', xs).maxAbs.value);
  });

  it('ulpOf follows the reference metric', function () {
    assert.equal(ulpOf(1), 2 ** -52);
    assert.equal(ulpOf(-1.5), 2 ** -52);
    assert.equal(ulpOf(0.999), 2 ** -53);
    assert.equal(ulpOf(0), 2 ** -1074);
    assert.equal(ulpOf(1e-310), 2 ** -1074);
    assert.equal(ulpOf(2 ** -1022), 2 ** -1074);
    assert.ok(Number.isNaN(ulpOf(Infinity)));
  });
});
