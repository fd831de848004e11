/**
 * Emulation of narrower floating-point formats: every value is a double that the format can
 * represent exactly, obtained by one correct rounding (round to nearest, ties to even).
 */
import { activations } from './activations';
import type { FunctionId, Order, Params } from './types';

export type Precision = 'float64' | 'float32' | 'bfloat16' | 'float16';

export const PRECISIONS: readonly Precision[] = ['float64', 'float32', 'bfloat16', 'float16'];

/** The numbers of a format, for labels and axis limits. */
export interface PrecisionInfo {
  /** Storage size in bits. */
  readonly bits: number;
  /** Significand bits, the implicit one included. */
  readonly precision: number;
  /** Largest finite value. */
  readonly max: number;
  /** Smallest positive normal value. */
  readonly minNormal: number;
  /** Smallest positive subnormal value. */
  readonly minSubnormal: number;
  /** Distance from 1 to the next larger value. */
  readonly epsilon: number;
}

export const PRECISION_INFO: Readonly<Record<Precision, PrecisionInfo>> = {
  float64: { bits: 64, precision: 53, max: Number.MAX_VALUE, minNormal: 2 ** -1022, minSubnormal: 2 ** -1074, epsilon: 2 ** -52 },
  float32: { bits: 32, precision: 24, max: (2 - 2 ** -23) * 2 ** 127, minNormal: 2 ** -126, minSubnormal: 2 ** -149, epsilon: 2 ** -23 },
  bfloat16: { bits: 16, precision: 8, max: (2 - 2 ** -7) * 2 ** 127, minNormal: 2 ** -126, minSubnormal: 2 ** -133, epsilon: 2 ** -7 },
  float16: { bits: 16, precision: 11, max: 65504, minNormal: 2 ** -14, minSubnormal: 2 ** -24, epsilon: 2 ** -10 },
};

/** A binary format: `p` significand bits (implicit bit included), exponents emin..emax of normals. */
interface Format {
  readonly p: number;
  readonly emin: number;
  readonly emax: number;
}

const FORMATS: Readonly<Record<'bfloat16' | 'float16', Format>> = {
  bfloat16: { p: 8, emin: -126, emax: 127 },
  float16: { p: 11, emin: -14, emax: 15 },
};

/** ⌊log₂ a⌋ for a finite a > 0, exact. */
function exponentOf(a: number): number {
  let e = Math.floor(Math.log2(a));
  const p = 2 ** e;
  if (p > a) e -= 1;
  else if (p * 2 <= a) e += 1;
  return e;
}

/** Rounds a non-negative double below 2⁵³ to the nearest integer, ties to even. */
function roundHalfEven(y: number): number {
  const f = Math.floor(y);
  const d = y - f;
  if (d > 0.5) return f + 1;
  if (d < 0.5) return f;
  return f % 2 === 0 ? f : f + 1;
}

/**
 * One correct rounding of x to the format: quantum 2^(max(e, emin) − p + 1) for the binary
 * exponent e of |x| (so subnormals get the fixed smallest quantum), ties to even, and values
 * that round past the largest finite number become ±∞. The division and multiplication by the
 * quantum are exact (powers of two, no overflow for these formats).
 */
function roundToFormat(x: number, fmt: Format): number {
  if (x === 0 || !Number.isFinite(x)) return x;
  const a = Math.abs(x);
  const e = Math.max(exponentOf(a), fmt.emin);
  const quantum = 2 ** (e - fmt.p + 1);
  const r = roundHalfEven(a / quantum) * quantum;
  const max = (2 - 2 ** (1 - fmt.p)) * 2 ** fmt.emax;
  const res = r > max ? Infinity : r;
  return x < 0 ? -res : res;
}

/** Nearest float32 (Math.fround: ties to even, subnormals, overflow to ±∞, NaN kept). */
export function roundToFloat32(x: number): number {
  return Math.fround(x);
}

/**
 * Nearest bfloat16 (8 significand bits, float32's exponent range), rounding the double once,
 * ties to even; beyond the largest finite (3.3895313892515355e38) rounds to ±∞ as IEEE does;
 * subnormals down to 2⁻¹³³; ±0, ±∞ and NaN unchanged.
 */
export function roundToBfloat16(x: number): number {
  return roundToFormat(x, FORMATS.bfloat16);
}

/**
 * Nearest IEEE binary16 (11 significand bits): largest finite 65504, 65520 and beyond round to
 * ±∞, smallest subnormal 2⁻²⁴, ties to even; ±0, ±∞ and NaN unchanged.
 */
export function roundToFloat16(x: number): number {
  return roundToFormat(x, FORMATS.float16);
}

/** Rounds `x` to precision `p` (`float64`: unchanged). */
export function roundTo(x: number, p: Precision): number {
  switch (p) {
    case 'float64':
      return x;
    case 'float32':
      return Math.fround(x);
    case 'bfloat16':
      return roundToFormat(x, FORMATS.bfloat16);
    case 'float16':
      return roundToFormat(x, FORMATS.float16);
  }
}

/** {@link roundTo} over an array, into `out` (same length) or a new array. */
export function roundArray(xs: Float64Array, p: Precision, out?: Float64Array): Float64Array {
  const res = out ?? new Float64Array(xs.length);
  if (p === 'float64') {
    res.set(xs);
  } else if (p === 'float32') {
    for (let i = 0; i < xs.length; i++) res[i] = Math.fround(xs[i] as number);
  } else {
    const fmt = FORMATS[p];
    for (let i = 0; i < xs.length; i++) res[i] = roundToFormat(xs[i] as number, fmt);
  }
  return res;
}

/**
 * Derivative `order` of `id` "in precision p" the way a kernel storing tensors in p sees it:
 * the input rounded to p, the function evaluated in double, the result rounded to p.
 * (Real kernels also compute in p or with their own approximations; this isolates the storage
 * rounding.) For p = float64 it is the registry function itself.
 */
export function evaluateInPrecision(id: FunctionId, order: Order, x: number, p: Precision, params?: Params): number {
  const fn = activations[id];
  const xr = roundTo(x, p);
  const y = order === 0 ? fn.f(xr, params) : order === 1 ? fn.df(xr, params) : fn.d2f(xr, params);
  return roundTo(y, p);
}

/** {@link evaluateInPrecision} over an array, into `out` (same length) or a new array. */
export function evaluateArrayInPrecision(
  id: FunctionId,
  order: Order,
  xs: Float64Array,
  p: Precision,
  params?: Params,
  out?: Float64Array,
): Float64Array {
  const xr = roundArray(xs, p);
  const y = activations[id].batch(xr, order, params, out);
  return roundArray(y, p, y);
}
