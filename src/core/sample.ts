/**
 * Sampling and batch evaluation for plots and tables.
 */
import { activations } from './activations';
import { checkParams } from './params';
import type { Curve, FunctionId, Order, Params } from './types';
import { FUNCTION_IDS } from './types';

/** Thrown by the core for arguments it cannot work with; the message is a sentence for the user. */
export class CoreArgumentError extends RangeError {
  override readonly name = 'CoreArgumentError';
}

/** Largest sample count the core allocates in one call (about 128 MiB of doubles). */
export const MAX_SAMPLES = 1 << 24;

/**
 * `n` evenly spaced points from `a` to `b` inclusive: xᵢ = a + i·(b − a)/(n − 1), with the
 * ends exactly `a` and `b` (n = 1 gives `[a]`, n = 0 an empty array). Each point is computed
 * from `i` directly (no accumulated rounding), and the sequence is monotone in the direction
 * from a to b.
 * @throws {CoreArgumentError} when `a` or `b` is not finite, or `n` is not an integer in
 * [0, {@link MAX_SAMPLES}].
 */
export function linspace(a: number, b: number, n: number): Float64Array {
  if (!Number.isFinite(a) || !Number.isFinite(b)) {
    throw new CoreArgumentError(`The interval ends must be finite numbers (got ${a} and ${b}).`);
  }
  if (!Number.isInteger(n) || n < 0 || n > MAX_SAMPLES) {
    throw new CoreArgumentError(`The number of points must be an integer from 0 to ${MAX_SAMPLES} (got ${n}).`);
  }
  const out = new Float64Array(n);
  if (n === 0) return out;
  if (n === 1) {
    out[0] = a;
    return out;
  }
  const m = n - 1;
  const lo = Math.min(a, b);
  const hi = Math.max(a, b);
  // (b − a) may overflow for ends of opposite sign near ±MAX_VALUE: interpolate by weights then.
  const span = b - a;
  const h = span / m;
  const finiteSpan = Number.isFinite(span);
  for (let i = 1; i < m; i++) {
    const v = finiteSpan ? a + i * h : a * (1 - i / m) + b * (i / m);
    // Rounding can push a point past an end or its neighbour; clamp, then keep monotone.
    out[i] = v < lo ? lo : v > hi ? hi : v;
  }
  out[0] = a;
  out[m] = b;
  for (let i = 1; i < m; i++) {
    const prev = out[i - 1]!;
    if (a < b ? out[i]! < prev : out[i]! > prev) out[i] = prev;
  }
  return out;
}

/**
 * Evaluates derivative `order` of activation `id` with parameters `params` (missing keys take
 * their defaults) at every element of `xs`, into `out` when given (it must have `xs.length`
 * elements) or a new array. Accuracy is that of the registry functions.
 * @throws {CoreArgumentError} for an unknown id, an order other than 0, 1, 2, or a wrong `out` length.
 */
export function evaluate(id: FunctionId, order: Order, xs: Float64Array, params?: Params, out?: Float64Array): Float64Array {
  const fn = activations[id];
  if (fn === undefined) {
    throw new CoreArgumentError(`Unknown function "${String(id)}". Known: ${FUNCTION_IDS.join(', ')}.`);
  }
  if (order !== 0 && order !== 1 && order !== 2) {
    throw new CoreArgumentError(`The derivative order must be 0, 1 or 2 (got ${String(order)}).`);
  }
  if (out !== undefined && out.length !== xs.length) {
    throw new CoreArgumentError(`The output array has ${out.length} elements; ${xs.length} are needed.`);
  }
  return fn.batch(xs, order, params, out);
}

/**
 * Samples derivative `order` of `id` at `n` evenly spaced points of [a, b] (see {@link linspace}).
 * @throws {CoreArgumentError} as {@link linspace} and {@link evaluate} do.
 */
export function sampleCurve(id: FunctionId, order: Order, a: number, b: number, n: number, params?: Params): Curve & { readonly xs: Float64Array } {
  const xs = linspace(a, b, n);
  return { fn: id, order, xs, y: evaluate(id, order, xs, params) };
}

/**
 * The full parameter object of `id`: every {@link ParamSpec} key, taken from `params` when given
 * and from the default otherwise; unknown keys are dropped.
 * @throws {CoreArgumentError} with checkParams' sentences (params.ts) when a value is not a
 * finite number inside its spec's [min, max] or the values do not go together (xIELU αₙ ≤ β):
 * refused, never clamped.
 */
export function resolveParams(id: FunctionId, params?: Params): Record<string, number> {
  const specs = activations[id].params;
  const known = Object.fromEntries(Object.entries(params ?? {}).filter(([key]) => specs.some((s) => s.key === key)));
  const problems = checkParams(id, known);
  if (problems.length > 0) throw new CoreArgumentError(problems.join(' '));
  const out: Record<string, number> = {};
  for (const spec of specs) out[spec.key] = known[spec.key] ?? spec.default;
  return out;
}
