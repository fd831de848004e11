/**
 * Error of an approximation against exact GELU (or of any registry function against it), for
 * plots and hovers: signed absolute, relative and ulp errors per point, and their maxima.
 */
import { activations } from './activations';
import { ulpIn } from './precision';
import { CoreArgumentError } from './sample';
import type { FunctionId, Order, Params } from './types';

/** The largest error magnitude of one kind, and where it occurs (first index on ties). */
export interface ErrorMax {
  /** max |error| over the points (NaN errors are skipped); 0 when there are none. */
  readonly value: number;
  /** The x of that point; NaN when there is none (no points, or only NaN errors). */
  readonly x: number;
  /** Its index in xs; −1 when there is none. */
  readonly index: number;
}

export interface ApproxError {
  /** Signed absolute error yᵢ − eᵢ, with y the approximation and e exact GELU. */
  readonly abs: Float64Array;
  /**
   * Signed relative error (yᵢ − eᵢ)/|eᵢ|. Where eᵢ = 0 (x = 0, or the exact value underflows):
   * 0 when yᵢ = 0 too (the limit as x → 0 for every GELU approximation), else ±Infinity.
   */
  readonly rel: Float64Array;
  /** Signed error in units in the last place of eᵢ: (yᵢ − eᵢ)/ulp(eᵢ), see {@link ulpOf}. */
  readonly ulp: Float64Array;
  readonly maxAbs: ErrorMax;
  readonly maxRel: ErrorMax;
  readonly maxUlp: ErrorMax;
}

/**
 * ulp(r) = 2^(⌊log₂|r|⌋ − 52), never below 2⁻¹⁰⁷⁴ (the metric of the reference README):
 * {@link ulpIn} for float64. ulp(0) = 2⁻¹⁰⁷⁴; ulp(±∞) = ulp(NaN) = NaN.
 */
export function ulpOf(r: number): number {
  return ulpIn(r, 'float64');
}

function track(max: { value: number; x: number; index: number }, v: number, x: number, i: number): void {
  const m = Math.abs(v);
  if (m > max.value || max.index < 0) {
    max.value = m;
    max.x = x;
    max.index = i;
  }
}

/**
 * Error of derivative `order` of `id` (with `params`) against the same derivative of exact GELU
 * at every x of `xs`. Exact GELU is the registry's `gelu`, within 1 ulp of the true value, so
 * errors of an ulp or two are at the resolution of the comparison. Non-finite values: an error
 * with an infinite or NaN operand is NaN unless both are equal, and NaN errors are left out of
 * the maxima. Relative error where the exact value is 0 (x = 0, or an underflowed tail): 0 when
 * the approximation is 0 too, ±Infinity otherwise.
 * @throws {CoreArgumentError} for an unknown id or order.
 */
export function approximationError(id: FunctionId, xs: Float64Array, params?: Params, order: Order = 0): ApproxError {
  const fn = activations[id];
  if (fn === undefined) throw new CoreArgumentError(`Unknown function "${String(id)}".`);
  if (order !== 0 && order !== 1 && order !== 2) {
    throw new CoreArgumentError(`The derivative order must be 0, 1 or 2 (got ${String(order)}).`);
  }
  const n = xs.length;
  const y = fn.batch(xs, order, params);
  const e = activations.gelu.batch(xs, order);
  const abs = new Float64Array(n);
  const rel = new Float64Array(n);
  const ulp = new Float64Array(n);
  const maxAbs = { value: 0, x: NaN, index: -1 };
  const maxRel = { value: 0, x: NaN, index: -1 };
  const maxUlp = { value: 0, x: NaN, index: -1 };
  for (let i = 0; i < n; i++) {
    const yi = y[i] as number;
    const ei = e[i] as number;
    const xi = xs[i] as number;
    const d = yi === ei ? 0 : yi - ei;
    abs[i] = d;
    rel[i] = d === 0 ? 0 : ei === 0 ? (d > 0 ? Infinity : -Infinity) : d / Math.abs(ei);
    ulp[i] = d === 0 ? 0 : d / ulpOf(ei);
    if (d === d) {
      track(maxAbs, d, xi, i);
      track(maxRel, rel[i] as number, xi, i);
      track(maxUlp, ulp[i] as number, xi, i);
    }
  }
  return { abs, rel, ulp, maxAbs, maxRel, maxUlp };
}
