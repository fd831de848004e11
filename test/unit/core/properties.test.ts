/**
 * Properties over all doubles (fast-check's fc.double(): ±0, subnormals, huge values, ±∞,
 * NaN): no finite input gives NaN, no input gives a wrong sign where the sign is known, finite
 * inputs of moderate size give finite results, and GELU's symmetries hold.
 */
import * as assert from 'node:assert/strict';
import fc from 'fast-check';
import { activations, erf, erfc, type FunctionId, FUNCTION_IDS, normalCdf, normalPdf } from '../../../src/core';

const RUNS = 2500;

/** −1, 0 or +1 when the sign of f^(order)(x) is known, undefined when it is not (or is near a root). */
type SignRule = (x: number) => -1 | 0 | 1 | undefined;

const sgn = (x: number): -1 | 0 | 1 => (x > 0 ? 1 : x < 0 ? -1 : 0);
const nonNegative: SignRule = () => 1;
const signOfX: SignRule = (x) => sgn(x);
const minusSignOfX: SignRule = (x) => (sgn(x) === 0 ? 0 : sgn(x) === 1 ? -1 : 1);
/** Sign known outside (lo, hi): +1 between the roots, −1 outside them, for a function with roots lo < hi. */
const bump =
  (lo: number, hi: number): SignRule =>
  (x) =>
    x > lo + 1e-3 && x < hi - 1e-3 ? 1 : x < lo - 1e-3 || x > hi + 1e-3 ? -1 : undefined;
/** +1 above the root r, −1 below it. */
const above =
  (r: number): SignRule =>
  (x) =>
    x > r + 1e-3 ? 1 : x < r - 1e-3 ? -1 : undefined;

/** Known signs of f, f′, f″ (0 counts as agreeing with any sign: results may underflow). */
const SIGNS: Record<FunctionId, [SignRule, SignRule | undefined, SignRule | undefined]> = {
  gelu: [signOfX, above(-0.7517915246935645), bump(-Math.SQRT2, Math.SQRT2)],
  gelu_tanh: [signOfX, above(-0.7524614220710163), bump(-1.4185040087908283, 1.4185040087908283)],
  gelu_sigmoid: [signOfX, above(-0.751154255441289), bump(-1.4097281319127306, 1.4097281319127306)],
  silu: [signOfX, above(-1.2784645427610737), bump(-2.3993572805154675, 2.3993572805154675)],
  mish: [signOfX, above(-1.1924312145154952), bump(-2.256376396360793, 1.4905711794854284)],
  softplus: [nonNegative, nonNegative, nonNegative],
  sigmoid: [nonNegative, nonNegative, minusSignOfX],
  tanh: [signOfX, nonNegative, minusSignOfX],
  elu: [signOfX, nonNegative, nonNegative],
  selu: [signOfX, nonNegative, nonNegative],
  relu: [nonNegative, nonNegative, nonNegative],
  leaky_relu: [signOfX, nonNegative, nonNegative],
  relu6: [nonNegative, nonNegative, nonNegative],
  hardswish: [(x) => (x > -3 ? sgn(x) : 0), (x) => (x > -1.5 ? 1 : x < -1.5 && x >= -3 ? -1 : 0), nonNegative],
  relu2: [nonNegative, nonNegative, nonNegative],
  // Roots of f near −2.45 and of f′ near −0.981; f′ jumps at ε = −1e−6 (β > 0 to β − αₙ < 0) and at 0.
  xielu: [
    (x) => (x > 0 || x < -2.5 ? 1 : x > -2.4 ? -1 : undefined),
    (x) => (x > 0 ? 1 : x < -0.99 ? -1 : x > -0.97 && x <= -1e-6 ? 1 : x > -1e-6 ? -1 : undefined),
    nonNegative,
  ],
  snake: [signOfX, nonNegative, undefined],
  celu: [signOfX, nonNegative, nonNegative],
  softsign: [signOfX, nonNegative, minusSignOfX],
  hardtanh: [signOfX, nonNegative, nonNegative],
  hard_sigmoid: [nonNegative, nonNegative, nonNegative],
  log_sigmoid: [() => -1, nonNegative, () => -1],
  tanhshrink: [signOfX, nonNegative, signOfX],
  softshrink: [(x) => (Math.abs(x) <= 0.5 ? 0 : sgn(x)), nonNegative, nonNegative],
  hardshrink: [(x) => (Math.abs(x) <= 0.5 ? 0 : sgn(x)), nonNegative, nonNegative],
  sparse_plus: [nonNegative, nonNegative, nonNegative],
  squareplus: [nonNegative, nonNegative, nonNegative],
  laplace: [nonNegative, nonNegative, (x) => (x < 0.707106 ? 1 : x > 0.707108 ? -1 : undefined)],
  gelu_ibert: [signOfX, undefined, undefined],
};

/** Functions with an x² term: finite only for |x| below about 1.3e154. */
const QUADRATIC: ReadonlySet<FunctionId> = new Set(['relu2', 'xielu']);

describe('core properties over all doubles', function () {
  this.timeout(20000);

  for (const id of FUNCTION_IDS) {
    it(`${id}: NaN only for NaN, finite for |x| ≤ 1e300, known signs`, function () {
      const fn = activations[id];
      fc.assert(
        fc.property(fc.double(), (x) => {
          const ys = [fn.f(x), fn.df(x), fn.d2f(x)];
          ys.forEach((y, order) => {
            if (Number.isNaN(x)) {
              assert.ok(Number.isNaN(y), `order ${order}: NaN in, ${y} out`);
              return;
            }
            // Snake's derivatives oscillate without a limit at ±∞: NaN there is the answer.
            if (id === 'snake' && order > 0 && !Number.isFinite(x)) return;
            assert.ok(!Number.isNaN(y), `order ${order} at ${x}: NaN`);
            if (Math.abs(x) <= (QUADRATIC.has(id) ? 1e150 : 1e300)) assert.ok(Number.isFinite(y), `order ${order} at ${x}: ${y}`);
            const rule = SIGNS[id][order];
            const want = rule?.(x);
            if (want !== undefined && want !== 0 && y !== 0) assert.equal(sgn(y), want, `order ${order} at ${x}: ${y}`);
            // A zero of either sign (f(−0) = −0 where f is odd at 0).
            if (want === 0) assert.ok(y === 0, `order ${order} at ${x}: ${y}`);
          });
        }),
        { numRuns: RUNS },
      );
    });
  }

  it('bounded functions stay in their ranges', function () {
    fc.assert(
      fc.property(fc.double({ noNaN: true }), (x) => {
        const s = activations.sigmoid.f(x);
        const t = activations.tanh.f(x);
        assert.ok(s >= 0 && s <= 1 && Math.abs(t) <= 1 && activations.relu6.f(x) <= 6);
        assert.ok(activations.sigmoid.df(x) <= 0.25 && activations.tanh.df(x) <= 1 && activations.softplus.df(x) <= 1);
      }),
      { numRuns: RUNS },
    );
  });

  it('GELU(x) − GELU(−x) = x and GELU′(x) + GELU′(−x) = 1 (to rounding)', function () {
    const g = activations.gelu;
    fc.assert(
      fc.property(fc.double({ min: -40, max: 40, noNaN: true }), (x) => {
        const d = g.f(x) - g.f(-x);
        assert.ok(Math.abs(d - x) <= 2 ** -51 * Math.abs(x) + 1e-300, `x=${x}: ${d}`);
        const s = g.df(x) + g.df(-x);
        assert.ok(Math.abs(s - 1) <= 2 ** -51, `x=${x}: ${s}`);
        assert.equal(g.d2f(x), g.d2f(-x));
      }),
      { numRuns: RUNS },
    );
  });

  it('erf, erfc, Φ and φ: symmetries, ranges and no NaN', function () {
    fc.assert(
      fc.property(fc.double(), (z) => {
        const vals = [erf(z), erfc(z), normalCdf(z), normalPdf(z)];
        if (Number.isNaN(z)) {
          assert.ok(vals.every(Number.isNaN));
          return;
        }
        assert.ok(!vals.some(Number.isNaN), `${z}: ${vals}`);
        assert.ok(Object.is(erf(-z), -erf(z)), `erf odd at ${z}`);
        assert.ok(Math.abs(erf(z)) <= 1 && erfc(z) >= 0 && erfc(z) <= 2, `${z}`);
        assert.ok(normalCdf(z) >= 0 && normalCdf(z) <= 1 && normalPdf(z) >= 0, `${z}`);
        assert.equal(normalPdf(z), normalPdf(-z));
        if (Math.abs(z) < 30) {
          assert.ok(Math.abs(erfc(z) + erfc(-z) - 2) <= 2 ** -51, `erfc at ${z}`);
          assert.ok(Math.abs(normalCdf(z) + normalCdf(-z) - 1) <= 2 ** -52, `Φ at ${z}`);
        }
      }),
      { numRuns: RUNS },
    );
  });
});
