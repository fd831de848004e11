/**
 * Exact decimal arithmetic for the constants baked into generated code.
 *
 * The reference values (and the core) take a constant such as QuickGELU's k = 1.702 or the
 * tanh approximation's √(2/π)·0.044715 as the exact real number, not as the nearest double.
 * In the deep tail the exponent argument k·x reaches several hundred, so the constant's own
 * rounding (up to 2⁻⁵³ relative) moves the result by hundreds of ulps. Generated code therefore
 * carries such a constant as an unevaluated sum hi + lo of two machine numbers; this module
 * computes those pairs at generation time, exactly, with BigInt decimals.
 */

/** An exact decimal number: mant · 10^exp. */
export interface Real {
  readonly mant: bigint;
  readonly exp: number;
}

/** High-precision mathematical constants (70 significant digits, from mpmath). */
export const MATH = {
  rsqrt2: '0.7071067811865475244008443621048490392848359376884740365883398689953662',
  sqrt2OverPi: '0.7978845608028653558798921198687637369517172623298693153318516593413159',
  twoOverSqrtPi: '1.128379167095512573896158903121545171688101258657997713688171443421285',
  invSqrt2Pi: '0.3989422804014326779399460599343818684758586311649346576659258296706579',
  piOver4: '0.7853981633974483096156608458198757210492923498437764552437361480769541',
  sqrt2: '1.414213562373095048801688724209698078569671875376948073176679737990732',
} as const;

/** Parses a decimal literal (`-1.702`, `4.4715e-2`) exactly. Throws on anything else. */
export function real(text: string): Real {
  const m = /^([+-]?)(\d*)(?:\.(\d*))?(?:[eE]([+-]?\d+))?$/.exec(text.trim());
  if (!m || ((m[2] ?? '') === '' && (m[3] ?? '') === '')) throw new Error(`not a decimal literal: ${text}`);
  const digits = `${m[2] ?? ''}${m[3] ?? ''}`;
  const mant = BigInt(digits) * (m[1] === '-' ? -1n : 1n);
  return { mant, exp: Number(m[4] ?? '0') - (m[3] ?? '').length };
}

/** The exact value of a finite double: m·2^e = m·5^(−e)·10^e for e < 0. */
export function realOfDouble(v: number): Real {
  if (!Number.isFinite(v)) throw new Error(`not finite: ${v}`);
  if (v === 0) return { mant: 0n, exp: 0 };
  const buf = new DataView(new ArrayBuffer(8));
  buf.setFloat64(0, Math.abs(v));
  const bits = buf.getBigUint64(0);
  const expBits = Number((bits >> 52n) & 0x7ffn);
  let mant = bits & ((1n << 52n) - 1n);
  let e: number;
  if (expBits === 0) e = -1074;
  else {
    mant |= 1n << 52n;
    e = expBits - 1075;
  }
  const sign = v < 0 ? -1n : 1n;
  if (e >= 0) return { mant: sign * mant * (1n << BigInt(e)), exp: 0 };
  return { mant: sign * mant * 5n ** BigInt(-e), exp: e };
}

const align = (a: Real, b: Real): [bigint, bigint, number] => {
  const exp = Math.min(a.exp, b.exp);
  return [a.mant * 10n ** BigInt(a.exp - exp), b.mant * 10n ** BigInt(b.exp - exp), exp];
};
export const add = (a: Real, b: Real): Real => {
  const [x, y, exp] = align(a, b);
  return { mant: x + y, exp };
};
export const sub = (a: Real, b: Real): Real => {
  const [x, y, exp] = align(a, b);
  return { mant: x - y, exp };
};
export const mul = (a: Real, b: Real): Real => ({ mant: a.mant * b.mant, exp: a.exp + b.exp });
export const scale = (a: Real, k: number): Real => mul(a, real(String(k)));

/** The value as an exact decimal string in exponent form (`17020e-4`). */
export function decimalString(a: Real): string {
  return `${a.mant}e${a.exp}`;
}

/** The double nearest to `a` (JavaScript's decimal parsing rounds correctly). */
export function toDouble(a: Real): number {
  return Number(decimalString(a));
}

/** Machine precision a snippet computes in. */
export type ScalarType = 'double' | 'float';

/** Rounds a double to the precision (float: IEEE binary32, round to nearest even). */
export function roundTo(v: number, precision: ScalarType): number {
  return precision === 'float' ? Math.fround(v) : v;
}

/** hi + lo with hi the constant rounded to the precision and lo the rounded remainder. */
export interface Split {
  readonly hi: number;
  readonly lo: number;
}

/** Splits an exact constant into a head and a tail in the given precision. */
export function split(a: Real, precision: ScalarType): Split {
  const hi = roundTo(toDouble(a), precision);
  const lo = roundTo(toDouble(sub(a, realOfDouble(hi))), precision);
  return { hi, lo };
}

/**
 * The shortest decimal that reads back as `v` in the precision: for doubles JavaScript's own
 * `String`, for floats the fewest significant digits that round to the same binary32.
 * Always has a `.` or an exponent, so every language reads it as floating point (`1e-17` is a
 * floating literal in C, Go, Rust, Java, Fortran, Julia, Python, R and MATLAB alike).
 */
export function literal(v: number, precision: ScalarType): string {
  if (!Number.isFinite(v)) throw new Error(`literal of non-finite ${v}`);
  let s: string;
  if (precision === 'float') {
    s = String(v);
    for (let digits = 1; digits <= 9; digits++) {
      const candidate = v.toPrecision(digits);
      if (Math.fround(Number(candidate)) === v) {
        s = String(Number(candidate));
        break;
      }
    }
  } else {
    s = String(v);
  }
  if (Object.is(v, -0)) s = '-0';
  if (!/[.e]/.test(s)) s = `${s}.0`;
  return s;
}
