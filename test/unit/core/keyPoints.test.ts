import * as assert from 'node:assert/strict';
import fc from 'fast-check';
import { activations } from '../../../src/core/activations';
import { bisectSignChange, findKeyPoints, signChanges } from '../../../src/core/keyPoints';
import type { Activation } from '../../../src/core/types';

// Reference values computed with mpmath at 40 digits (findroot of the derivative, then f there).
const GELU_MIN_X = Number('-0.7517915246935644574579');
const GELU_MIN_F = Number('-0.1699712074799036616939');
const SILU_MIN_X = Number('-1.278464542761073795109');

const near = (actual: number, expected: number, tolerance: number, what: string): void => {
  assert.ok(Math.abs(actual - expected) <= tolerance, `${what}: ${actual} differs from ${expected} by more than ${tolerance}`);
};

describe('key points (src/core/keyPoints.ts)', () => {
  it('finds exact GELU\'s one minimum at x ≈ −0.75179, f ≈ −0.16997, to a few ulps', () => {
    const points = findKeyPoints(activations.gelu, undefined, -40, 40);
    const extrema = points.filter((p) => p.kind !== 'inflection');
    assert.equal(extrema.length, 1);
    const [min] = extrema;
    assert.equal(min?.kind, 'minimum');
    near(min?.x ?? NaN, GELU_MIN_X, 4e-16, 'x of the minimum');
    near(min?.f ?? NaN, GELU_MIN_F, 4e-17, 'f at the minimum');
    near(min?.df ?? NaN, 0, 1e-16, 'f′ at the minimum');
  });

  it('finds GELU\'s inflections at ±√2', () => {
    const inflections = findKeyPoints(activations.gelu, undefined, -6, 6).filter((p) => p.kind === 'inflection');
    assert.equal(inflections.length, 2);
    near(inflections[0]?.x ?? NaN, -Math.SQRT2, 4e-16, 'left inflection');
    near(inflections[1]?.x ?? NaN, Math.SQRT2, 4e-16, 'right inflection');
  });

  it('shows the shift of each approximation: tanh and sigmoid minima lie near, not on, GELU\'s', () => {
    const min = (fn: Activation) => findKeyPoints(fn, undefined, -3, 3).find((p) => p.kind === 'minimum');
    const tanh = min(activations.gelu_tanh);
    const quick = min(activations.gelu_sigmoid);
    assert.ok(tanh && quick);
    assert.ok(Math.abs(tanh.x - GELU_MIN_X) > 1e-4 && Math.abs(tanh.x - GELU_MIN_X) < 1e-2, `tanh approximation minimum ${tanh.x}`);
    assert.ok(Math.abs(quick.x - GELU_MIN_X) > 1e-4 && Math.abs(quick.x - GELU_MIN_X) < 1e-2, `QuickGELU minimum ${quick.x}`);
  });

  it('follows parameters: Swish-β has its minimum at x*/β', () => {
    fc.assert(
      fc.property(fc.double({ min: 0.25, max: 10, noNaN: true }), (beta) => {
        const points = findKeyPoints(activations.silu, { beta }, -40, 40).filter((p) => p.kind === 'minimum');
        assert.equal(points.length, 1);
        near(points[0]?.x ?? NaN, SILU_MIN_X / beta, 1e-13 / beta, `minimum for β = ${beta}`);
      }),
      { numRuns: 40 },
    );
  });

  it('returns points where f′ really changes sign and f is locally extreme', () => {
    fc.assert(
      fc.property(fc.constantFrom('gelu', 'gelu_tanh', 'gelu_sigmoid', 'silu', 'mish', 'hardswish' as const), (id) => {
        const fn = activations[id];
        for (const p of findKeyPoints(fn, undefined, -10, 10)) {
          const h = 1e-6;
          if (p.kind === 'inflection') {
            assert.ok(fn.d2f(p.x - h) * fn.d2f(p.x + h) <= 0, `${id}: f″ changes sign around ${p.x}`);
          } else {
            const sign = p.kind === 'minimum' ? 1 : -1;
            assert.ok(sign * (fn.f(p.x - 1e-3) - p.f) >= 0 && sign * (fn.f(p.x + 1e-3) - p.f) >= 0, `${id}: ${p.kind} at ${p.x}`);
          }
        }
      }),
      { numRuns: 12 },
    );
  });

  it('finds Hardswish\'s minimum at −1.5 and no inflection (f″ only jumps between 0 and 1/3)', () => {
    const points = findKeyPoints(activations.hardswish, undefined, -6, 6);
    assert.deepEqual(points.map((p) => p.kind), ['minimum']);
    near(points[0]?.x ?? NaN, -1.5, 2e-16, 'Hardswish minimum');
    near(points[0]?.f ?? NaN, -0.375, 1e-16, 'Hardswish minimum value');
  });

  it('finds nothing on the flat stretches of ReLU, ReLU6, Leaky ReLU and ELU', () => {
    for (const id of ['relu', 'relu6', 'leaky_relu', 'elu', 'selu', 'softplus'] as const) {
      assert.deepEqual(findKeyPoints(activations[id], undefined, -40, 40), [], id);
    }
  });

  it('counts a kink where f′ flips sign: Leaky ReLU with a negative slope has its minimum at 0', () => {
    const points = findKeyPoints(activations.leaky_relu, { slope: -0.5 }, -3, 2);
    assert.equal(points.length, 1);
    assert.equal(points[0]?.kind, 'minimum');
    near(points[0]?.x ?? NaN, 0, 1e-300, 'kink');
  });

  it('puts inflections of odd-symmetric derivatives exactly at 0 (sigmoid, tanh)', () => {
    for (const id of ['sigmoid', 'tanh'] as const) {
      for (const [a, b] of [[-3, 7], [-40, 40], [-0.3, 0.1]] as const) {
        const points = findKeyPoints(activations[id], undefined, a, b);
        assert.deepEqual(points.map((p) => [p.kind, p.x]), [['inflection', 0]], `${id} on [${a}, ${b}]`);
      }
    }
  });

  it('keeps to the range it is given', () => {
    const right = findKeyPoints(activations.gelu, undefined, 0, 5);
    assert.deepEqual(right.map((p) => p.kind), ['inflection']);
    assert.deepEqual(findKeyPoints(activations.gelu, undefined, 2, 30), []);
  });

  it('answers an empty list for an empty or non-finite interval, without throwing', () => {
    assert.deepEqual(findKeyPoints(activations.gelu, undefined, 1, -1), []);
    assert.deepEqual(findKeyPoints(activations.gelu, undefined, NaN, 1), []);
    assert.deepEqual(findKeyPoints(activations.gelu, undefined, -Infinity, 1), []);
  });

  describe('signChanges', () => {
    it('takes an exact zero at a grid point as the root, and skips runs of zeros', () => {
      assert.deepEqual(signChanges((x) => x, -1, 1, 4), [{ x: 0, rising: true }]);
      const plateau = (x: number) => (x < -0.5 ? -1 : x > 0.5 ? 1 : 0);
      assert.deepEqual(signChanges(plateau, -1, 1, 16), []);
    });

    it('ignores NaN values instead of reporting roots next to them', () => {
      const g = (x: number) => (Math.abs(x) < 0.1 ? NaN : x);
      assert.deepEqual(signChanges(g, -1, 1, 64), []);
    });

    it('bisects to adjacent doubles', () => {
      const r = bisectSignChange((x) => x * x - 2, 1, 2);
      assert.ok(Math.abs(r - Math.SQRT2) <= 2.3e-16, `${r}`);
    });
  });
});
