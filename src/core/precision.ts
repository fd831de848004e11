/**
 * Floating-point formats, the one place the core defines them: every value is a double that the
 * format represents exactly, obtained by one correct rounding (round to nearest, ties to even).
 * Also the ulp of a value in a format and the exact binary exponent ⌊log₂|x|⌋.
 */
import { activations } from './activations';
import { type FunctionId, isEntryOf, type Order, type Params } from './types';

/**
 * Every binary format the lab knows, by the names PyTorch and ml_dtypes use. float8_e4m3fn and
 * float8_e5m2 are the OCP 8-bit formats (OCP 8-bit Floating Point Specification (OFP8), rev. 1.0,
 * 2023): E4M3 has no infinities, one NaN pattern per sign (S.1111.111) and a largest finite
 * value of 448; E5M2 follows IEEE conventions (±∞, NaNs) with a largest finite value of 57344.
 */
export const FORMATS = ['float64', 'float32', 'bfloat16', 'float16', 'float8_e4m3fn', 'float8_e5m2'] as const;

export type Format = (typeof FORMATS)[number];

export function isFormat(value: unknown): value is Format {
  return isEntryOf(FORMATS, value);
}

/** The formats the plot offers (protocol.ts lists the same four); a subset of {@link Format}. */
export const PRECISIONS = ['float64', 'float32', 'bfloat16', 'float16'] as const satisfies readonly Format[];

export type Precision = (typeof PRECISIONS)[number];

/** The numbers of a format, for labels, axis limits and rounding. */
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
  /** Binary exponent of the smallest normal (subnormals share its quantum). */
  readonly emin: number;
  /** Whether the format encodes ±∞ (false for float8_e4m3fn: overflow gives NaN, or saturates). */
  readonly infinities: boolean;
}

function info(bits: number, p: number, emin: number, max: number, infinities: boolean): PrecisionInfo {
  return { bits, precision: p, max, minNormal: 2 ** emin, minSubnormal: 2 ** (emin - p + 1), epsilon: 2 ** (1 - p), emin, infinities };
}

export const FORMAT_INFO: Readonly<Record<Format, PrecisionInfo>> = {
  float64: info(64, 53, -1022, Number.MAX_VALUE, true),
  float32: info(32, 24, -126, (2 - 2 ** -23) * 2 ** 127, true),
  bfloat16: info(16, 8, -126, (2 - 2 ** -7) * 2 ** 127, true),
  float16: info(16, 11, -14, 65504, true),
  // OFP8 E4M3: bias 7; the exponent field 1111 holds normals too, except S.1111.111 (NaN): 1.75·2⁸.
  float8_e4m3fn: info(8, 4, -6, 448, false),
  // OFP8 E5M2: bias 15, IEEE conventions: 1.75·2¹⁵.
  float8_e5m2: info(8, 3, -14, 57344, true),
};

/** {@link FORMAT_INFO} restricted to the plot's formats. */
export const PRECISION_INFO: Readonly<Record<Precision, PrecisionInfo>> = FORMAT_INFO;

const F64 = new Float64Array(1);
const U32 = new Uint32Array(F64.buffer);
/** Index of the high (sign, exponent) word of a double in {@link U32}. */
const HI = new Uint8Array(new Uint16Array([1]).buffer)[0] === 1 ? 1 : 0;

/**
 * ⌊log₂|a|⌋ for finite a ≠ 0, exact: read from the double's exponent field (subnormal doubles
 * are scaled by 2⁶⁴ first). The one place the core computes a binary exponent.
 */
export function floorLog2(a: number): number {
  F64[0] = a;
  const e = (U32[HI]! >>> 20) & 0x7ff;
  if (e !== 0) return e - 1023;
  F64[0] = a * 2 ** 64;
  return ((U32[HI]! >>> 20) & 0x7ff) - 1023 - 64;
}

/** 2^i for i in −1100 … 1100 at index i + 1100 (exact; 0 below 2⁻¹⁰⁷⁴, ∞ above 2¹⁰²³). */
const POW2 = new Float64Array(2201);
for (let i = 0; i < POW2.length; i++) POW2[i] = 2 ** (i - 1100);

/**
 * What rounding does with a value beyond the largest finite one. `'ieee'`: ±∞ where the format
 * has infinities, NaN where it has none (the OFP8 non-saturating conversion, what PyTorch's and
 * ml_dtypes' casts to float8_e4m3fn do); `'saturate'`: ±max (the OFP8 saturating conversion).
 */
export type Overflow = 'ieee' | 'saturate';

/**
 * One correct rounding of x to `format`: quantum 2^(max(e, emin) − p + 1) for e = ⌊log₂|x|⌋ (so
 * subnormals get the fixed smallest quantum), ties to even, exponent unbounded above; a result
 * above the largest finite value overflows as `overflow` says (float8_e4m3fn: values above 464,
 * the midpoint of 448 and the NaN pattern, become NaN; 464 itself rounds to even, 448). Infinite
 * x: ±∞ where the format has them, else NaN (`'ieee'`) or ±max (`'saturate'`, also for formats
 * with infinities, as OFP8 specifies). ±0 and NaN are kept; a negative x that rounds to zero
 * gives −0. The division and multiplication by the quantum are exact (powers of two).
 */
export function roundToFormat(x: number, format: Format, overflow: Overflow = 'ieee'): number {
  if (format === 'float64') return x;
  if (format === 'float32' && overflow === 'ieee') return Math.fround(x);
  return (overflow === 'ieee' ? ROUNDERS : SATURATING)[format](x);
}

/**
 * The rounding of {@link roundToFormat} for one format, with its constants bound. For |x| with
 * exponent e (at least emin), adding C = 2^(e − p + 53) and subtracting it again leaves |x|
 * rounded to a multiple of the quantum 2^(e − p + 1), ties to even: |x| < 2^(e+1) ≤ C, so x + C
 * lies in [C, 2C) where the double's ulp is that quantum, and the subtraction is exact.
 */
export function rounderOf(format: Format, overflow: Overflow = 'ieee'): (x: number) => number {
  if (format === 'float64') return (x) => x;
  if (format === 'float32' && overflow === 'ieee') return Math.fround;
  const { precision: p, emin, minNormal, max, infinities } = FORMAT_INFO[format];
  const beyond = overflow === 'saturate' ? max : infinities ? Infinity : NaN;
  const shift = 53 - p + 1100;
  const cMin = POW2[emin + shift]!;
  /** From here on every value overflows (and C would overflow too). */
  const limit = 2 * POW2[floorLog2(max) + 1100]!;
  return (x) => {
    if (x === 0 || x !== x) return x;
    const a = x < 0 ? -x : x;
    let r: number;
    if (a === Infinity) {
      r = overflow === 'saturate' || !infinities ? beyond : a;
    } else if (a >= limit) {
      r = beyond;
    } else {
      let c = cMin;
      if (a >= minNormal) {
        F64[0] = a;
        c = POW2[((U32[HI]! >>> 20) & 0x7ff) - 1023 + shift]!;
      }
      r = a + c - c;
      if (r > max) r = beyond;
    }
    return x < 0 ? -r : r;
  };
}

const ROUNDERS: Readonly<Record<Format, (x: number) => number>> = {
  float64: (x) => x,
  float32: rounderOf('float32'),
  bfloat16: rounderOf('bfloat16'),
  float16: rounderOf('float16'),
  float8_e4m3fn: rounderOf('float8_e4m3fn'),
  float8_e5m2: rounderOf('float8_e5m2'),
};

const SATURATING: Readonly<Record<Format, (x: number) => number>> = {
  float64: (x) => x,
  float32: rounderOf('float32', 'saturate'),
  bfloat16: rounderOf('bfloat16', 'saturate'),
  float16: rounderOf('float16', 'saturate'),
  float8_e4m3fn: rounderOf('float8_e4m3fn', 'saturate'),
  float8_e5m2: rounderOf('float8_e5m2', 'saturate'),
};

/**
 * Unit in the last place of r in `format`: 2^(max(⌊log₂|r|⌋, emin) − p + 1), so the smallest
 * subnormal for r = 0 and for subnormal r. For float64 it is the reference README's metric
 * (never below 2⁻¹⁰⁷⁴). NaN for non-finite r.
 */
export function ulpIn(r: number, format: Format): number {
  const a = Math.abs(r);
  if (!(a < Infinity)) return NaN;
  const f = FORMAT_INFO[format];
  const e = a < f.minNormal ? f.emin : floorLog2(a);
  return 2 ** (e - f.precision + 1);
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
  return roundToFormat(x, 'bfloat16');
}

/**
 * Nearest IEEE binary16 (11 significand bits): largest finite 65504, 65520 and beyond round to
 * ±∞, smallest subnormal 2⁻²⁴, ties to even; ±0, ±∞ and NaN unchanged.
 */
export function roundToFloat16(x: number): number {
  return roundToFormat(x, 'float16');
}

/** Rounds `x` to format `p` (`float64`: unchanged). */
export function roundTo(x: number, p: Format): number {
  return roundToFormat(x, p);
}

/** {@link roundTo} over an array, into `out` (same length) or a new array. */
export function roundArray(xs: Float64Array, p: Format, out?: Float64Array): Float64Array {
  const res = out ?? new Float64Array(xs.length);
  if (p === 'float64') {
    res.set(xs);
  } else if (p === 'float32') {
    for (let i = 0; i < xs.length; i++) res[i] = Math.fround(xs[i] as number);
  } else {
    for (let i = 0; i < xs.length; i++) res[i] = roundToFormat(xs[i] as number, p);
  }
  return res;
}

/**
 * Derivative `order` of `id` "in precision p" the way a kernel storing tensors in p sees it:
 * the input rounded to p, the function evaluated in double, the result rounded to p.
 * (Real kernels also compute in p or with their own approximations; this isolates the storage
 * rounding; implementations.ts models the arithmetic.) For p = float64 it is the registry
 * function itself.
 */
export function evaluateInPrecision(id: FunctionId, order: Order, x: number, p: Format, params?: Params): number {
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
  p: Format,
  params?: Params,
  out?: Float64Array,
): Float64Array {
  const xr = roundArray(xs, p);
  const y = activations[id].batch(xr, order, params, out);
  return roundArray(y, p, y);
}
