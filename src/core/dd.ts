/**
 * Error-free transformations and double-double kernels of the numeric core (internal).
 *
 * A double-double is an unevaluated sum hi + lo of two doubles with |lo| ≤ ulp(hi), good for
 * about 106 bits. Kernels return their results in the register file {@link R} instead of
 * allocating: R[0] is the head, R[1] the tail and, for exponentials, R[2] a binary exponent.
 * Read the registers right after the call; the next kernel call overwrites them.
 * JavaScript has no fused multiply-add, so exact products use Veltkamp–Dekker splitting.
 */
import { EXP2_HI, EXP2_LO, INV_LN2_64, LN2_64_HI, LN2_64_LO } from './coefficients';

/** Result registers (see the module comment). */
export const R = new Float64Array(3);

/** 2^27 + 1: the Veltkamp splitting constant for doubles. */
export const SPLIT = 134217729;

/**
 * a·b = R[0] + R[1] exactly (R[0] = fl(a·b)), for |a|, |b| < 2^995 and no underflow of the
 * partial products (otherwise R[1] is only approximate, with an absolute error below 2^-1000).
 */
export function twoProd(a: number, b: number): void {
  const p = a * b;
  let c = SPLIT * a;
  const ah = c - (c - a);
  const al = a - ah;
  c = SPLIT * b;
  const bh = c - (c - b);
  const bl = b - bh;
  R[0] = p;
  R[1] = ((ah * bh - p) + ah * bl + al * bh) + al * bl;
}

/** a + b = R[0] + R[1] exactly (R[0] = fl(a + b)), any finite a, b. */
export function twoSum(a: number, b: number): void {
  const s = a + b;
  const bb = s - a;
  R[0] = s;
  R[1] = (a - (s - bb)) + (b - bb);
}

/** (ah + al)·(bh + bl) as a double-double in R[0], R[1], relative error below 2^-100. */
export function mul22(ah: number, al: number, bh: number, bl: number): void {
  twoProd(ah, bh);
  const p = R[0]!;
  const e = R[1]! + (ah * bl + al * bh);
  const h = p + e;
  R[0] = h;
  R[1] = e - (h - p);
}

/** (ah + al) + (bh + bl) as a double-double in R[0], R[1]. */
export function add22(ah: number, al: number, bh: number, bl: number): void {
  twoSum(ah, bh);
  const s = R[0]!;
  const e = R[1]! + al + bl;
  const h = s + e;
  R[0] = h;
  R[1] = e - (h - s);
}

/** (ah + al)/(bh + bl) as a double-double in R[0], R[1], relative error about 2^-104. */
export function div22(ah: number, al: number, bh: number, bl: number): void {
  const q = ah / bh;
  twoProd(q, bh);
  // Remainder (a − q·b) is small; its leading part is exact.
  const r = ((ah - R[0]!) - R[1]! + al - q * bl) / bh;
  const h = q + r;
  R[0] = h;
  R[1] = r - (h - q);
}

/** 1.5·2^52: adding and subtracting it rounds a double of magnitude below 2^51 to an integer. */
export const ROUNDER = 6755399441055744;

/** POW2[i] = 2^(i − 1022), i = 0..2045: every normal power of two. */
export const POW2 = new Float64Array(2046);
{
  POW2[1022] = 1;
  for (let i = 1023; i < 2046; i++) POW2[i] = POW2[i - 1]! * 2;
  for (let i = 1021; i >= 0; i--) POW2[i] = POW2[i + 1]! / 2;
}
const TWO_M128 = 2 ** -128;

/**
 * v·2^m with a single rounding (into the subnormal range if it gets there), for integer m up
 * to 2046 and |v| in [2^-100, 2^100] — the range the exponential kernels produce; below
 * m = −1150 the result is a signed zero.
 */
export function ldexp(v: number, m: number): number {
  if (m >= -1022) {
    if (m <= 1023) return v * POW2[m + 1022]!;
    return v * POW2[2045]! * POW2[m - 1023 + 1022]!;
  }
  if (m < -1150) return v * 0;
  return v * POW2[m + 128 + 1022]! * TWO_M128;
}

/**
 * exp(a + b) = 2^R[2]·(R[0] + R[1]), with R[0] in [0.99, 2.02) and a relative error below
 * 2^-59, for a in [−800, 709.8] and |b| ≤ 2^-30 (b carries the tail of a double-double argument).
 * Outside that range the caller must not call it (it returns garbage, never throws).
 *
 * Method: a = k·ln2/64 + r, |r| ≤ ln2/128, exp(a + b) = 2^(k>>6)·2^((k&63)/64)·exp(r + b), the
 * table value as a double-double, exp(r) − 1 by its Taylor polynomial to degree 6 (truncation
 * below 2^-65).
 */
export function expKernel(a: number, b: number): void {
  // k = round(a·64/ln2), ties to even, by the 1.5·2^52 shifter (faster than Math.round).
  const kd = (a * INV_LN2_64 + ROUNDER) - ROUNDER;
  const k = kd | 0;
  const r = (a - kd * LN2_64_HI) - (kd * LN2_64_LO - b);
  const p = r + r * r * (0.5 + r * (0.16666666666666666 + r * (0.041666666666666664 + r * (0.008333333333333333 + r * 0.001388888888888889))));
  const j = k & 63;
  const th = EXP2_HI[j]!;
  const q = th * p + EXP2_LO[j]! * (1 + p);
  const h = th + q;
  R[0] = h;
  R[1] = (th - h) + q;
  R[2] = k >> 6;
}

/**
 * exp(a + b) = 2^R[2]·(R[0] + R[1]) like {@link expKernel}, but with a relative error below
 * 2^-68: the reduced argument and exp(r) − 1 are carried as double-doubles. For formulas that
 * cancel (near the roots of derivatives), where E's own error would be magnified.
 */
export function expKernelDD(a: number, b: number): void {
  const kd = (a * INV_LN2_64 + ROUNDER) - ROUNDER;
  const k = kd | 0;
  const r1 = a - kd * LN2_64_HI;
  const r2 = kd * LN2_64_LO - b;
  const rh = r1 - r2;
  const bb = rh - r1;
  const rl = (r1 - (rh - bb)) + (-r2 - bb);
  // exp(r) − 1 = r + r²/2 + … + r^7/7!, |r| ≤ 0.0055: truncation below 2^-75.
  const q = rl + rh * rl + rh * rh * (0.5 + rh * (0.16666666666666666 + rh * (0.041666666666666664 + rh * (0.008333333333333333 + rh * (0.001388888888888889 + rh * 0.0001984126984126984)))));
  const ph = rh + q;
  const pl = q - (ph - rh);
  const j = k & 63;
  const th = EXP2_HI[j]!;
  const tl = EXP2_LO[j]!;
  // th·(1 + ph + pl) + tl·(1 + ph), with th·ph exact.
  const m1 = th * ph;
  let c = SPLIT * th;
  const t1 = c - (c - th);
  const t2 = th - t1;
  c = SPLIT * ph;
  const p1 = c - (c - ph);
  const p2 = ph - p1;
  const m2 = ((t1 * p1 - m1) + t1 * p2 + t2 * p1) + t2 * p2;
  const h = th + m1;
  const e = (th - h) + m1 + (m2 + th * pl + tl + tl * ph);
  const hh = h + e;
  R[0] = hh;
  R[1] = e - (hh - h);
  R[2] = k >> 6;
}

/** 1/k! for k = 0..13, rounded to double (the Taylor coefficients of exp). */
const INV_FACT = [1, 1, 0.5, 0.16666666666666666, 0.041666666666666664, 0.008333333333333333, 0.001388888888888889,
  0.0001984126984126984, 0.0000248015873015873, 0.0000027557319223985893, 2.755731922398589e-7,
  2.505210838544172e-8, 2.08767569878681e-9, 1.6059043836821613e-10] as const;

/**
 * exp(x) − 1 as a double-double in R[0], R[1], relative error below 2^-60, for x in
 * [−800, 709]. Far below 0 the result is −1 + eˣ with eˣ kept in the tail while representable.
 */
export function expm1DD(x: number): void {
  if (x < -745) {
    // eˣ is below half the smallest subnormal.
    R[0] = -1;
    R[1] = 0;
    return;
  }
  const ax = Math.abs(x);
  if (ax < 0.125) {
    // x + x²/2 + … + x^12/12!, with x² exact: the rounding errors stay below 2^-61·|x|.
    twoProd(x, x);
    const s = R[0]!;
    const se = R[1]!;
    const t = 0.5 * s + (0.5 * se + s * x * (INV_FACT[3] + x * (INV_FACT[4] + x * (INV_FACT[5] + x * (INV_FACT[6]
      + x * (INV_FACT[7] + x * (INV_FACT[8] + x * (INV_FACT[9] + x * (INV_FACT[10] + x * (INV_FACT[11] + x * INV_FACT[12]))))))))));
    const h = x + t;
    R[0] = h;
    R[1] = t - (h - x);
    return;
  }
  expKernelDD(x, 0);
  const m = R[2]!;
  const eh = ldexp(R[0]!, m);
  const el = ldexp(R[1]!, m);
  // eh − 1 is exact for eh in [1/2, 2]; otherwise twoSum keeps the rounding error.
  twoSum(eh, -1);
  const s = R[0]!;
  const e = R[1]! + el;
  const h = s + e;
  R[0] = h;
  R[1] = e - (h - s);
}

/** The low part of 1/6 = 0.1666… (its double) + 1/(3·2^55), exactly. */
const INV_6_LO = 1 / (3 * 2 ** 55);

/**
 * eˣ − 1 − x in R[0] + R[1]. For |x| < 1/8 it is x²/2 + x³·(1/6 + x/24 + …) with x², x³ and
 * 1/6 carried in double-double, so the relative error stays near 2^−100 even where the result
 * (≈ x²/2) cancels against a linear term (xIELU near its root x ≈ −2β/αₙ); elsewhere
 * `expm1DD(x) − x`, whose absolute error 2^−61·|x| is then far below the result.
 */
export function expm1MinusXDD(x: number): void {
  if (!(Math.abs(x) < 0.125)) {
    expm1DD(x);
    add22(R[0]!, R[1]!, -x, 0);
    return;
  }
  twoProd(x, x);
  const s = R[0]!;
  const se = R[1]!;
  // 1/24 + x/120 + …: its rounding is below 2^−53·|x|/4 of the 1/6 it is added to.
  const q = INV_FACT[4]! + x * (INV_FACT[5]! + x * (INV_FACT[6]! + x * (INV_FACT[7]! + x * (INV_FACT[8]! + x * (INV_FACT[9]! + x * (INV_FACT[10]! + x * (INV_FACT[11]! + x * INV_FACT[12]!)))))));
  twoSum(INV_FACT[3]!, x * q);
  const ph = R[0]!;
  const pl = R[1]! + INV_6_LO;
  // x³ = (s + se)·x.
  twoProd(s, x);
  const ch = R[0]!;
  const cl = R[1]! + se * x;
  mul22(ch, cl, ph, pl);
  add22(0.5 * s, 0.5 * se, R[0]!, R[1]!);
}
