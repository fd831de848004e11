/**
 * The error function family and exact GELU with its derivatives, within 1 ulp over all doubles
 * (most results correctly rounded), the far tails included.
 *
 * Everything rests on one smooth function, the scaled normal tail
 *
 *     C(t) = Φ(−t)·exp(t²/2),   t ≥ 0   (C(0) = 1/2, C(t) ≈ 1/(t√(2π)) for large t),
 *
 * through A(t) = t·C(t) and B(t) = C(t) − t/√(2π), approximated by polynomials fitted for this
 * project (scripts/gen-coefficients.py): on [1/2, 12) one polynomial per piece of width 1/4, past
 * 12 a polynomial in 1/t² (for t·C(t)), and below 1/2 the Taylor-like forms of Φ and GELU′ in
 * x². The Gaussian factor e = exp(−t²/2) is computed from the exact square of t (a
 * double-double argument), so neither the rounding of t² nor that of x/√2 is amplified by the
 * exponential. With t = |x|:
 *
 *     GELU(x)  = x·Φ(x)        = −e·A(t)  (x < 0),   x − e·A(x)  (x > 0)
 *     GELU′(x) = Φ(x) + x·φ(x) =  e·B(t)  (x < 0),   1 − e·B(x)  (x > 0)
 *     GELU″(x) = φ(x)·(2 − x²),  2 − x² formed exactly
 *     Φ(−t)    = e·C(t),   erfc(z) = 2·Φ(−z√2) = 2·exp(−z²)·C(z√2)
 *
 * B vanishes at t ≈ 0.7518 (GELU′(−0.7518) = 0); its two pieces there are centred at the root
 * and summed in double-double, so GELU′ keeps its relative accuracy near the root too.
 */
import {
  A_TABLE, B_TABLE, ERF_SMALL, EXP2_H26, EXP2_L26, G_TAIL, GELU_DF_SMALL, INV_LN2_64, INV_SQRT_2PI_HI, INV_SQRT_2PI_LO,
  LN2_64_HI, LN2_64_LO, PHI_SMALL, SQRT2_HI, SQRT2_LO,
} from './coefficients';
import { expKernel, ldexp, POW2, R, ROUNDER, SPLIT, twoProd, twoSum } from './dd';

// The per-element paths below write exact products and sums out inline (`c = SPLIT·a; a1 = c −
// (c − a)` …): they are dd.ts's twoProd and twoSum, their one definition, kept in registers
// instead of round trips through R. The rare paths (geluValueRare, geluDerivativeRare) call them.

const K_HI = INV_SQRT_2PI_HI;
const K_LO = INV_SQRT_2PI_LO;

/** Beyond this |x| every result that carries the Gaussian factor (t²·exp(−t²/2) at most) underflows. */
const T_MAX = 39.5;

/**
 * Registers of the internal kernels, in a typed array because storing a double into a closure
 * variable allocates: REG[0] + REG[1] is a polynomial result (A, B, C, G, P…) as a
 * double-double, and 2^REG[4]·(REG[2] + REG[3]) the Gaussian factor.
 */
const REG = new Float64Array(5);

/** Sets REG[2..4] to exp(−t²/2), from the exact square of t (t < 39.5). */
function gauss(t: number): void {
  const c = SPLIT * t;
  const th = c - (c - t);
  const tl = t - th;
  const p = t * t;
  const q = ((th * th - p) + 2 * th * tl) + tl * tl;
  expKernel(-0.5 * p, -0.5 * q);
  REG[2] = R[0]!;
  REG[3] = R[1]!;
  REG[4] = R[2]!;
}

/** Sets REG[2..4] to exp(−z²) (z < 28). */
function gauss2(z: number): void {
  const c = SPLIT * z;
  const zh = c - (c - z);
  const zl = z - zh;
  const p = z * z;
  const q = ((zh * zh - p) + 2 * zh * zl) + zl * zl;
  expKernel(-p, -q);
  REG[2] = R[0]!;
  REG[3] = R[1]!;
  REG[4] = R[2]!;
}

/** Sets REG[0..1] to A(t) = t·C(t) for t in [1/2, 12) from its table row (relative error ≈ 2^-56). */
function aTable(t: number): void {
  const b = (((t * 4) | 0) - 2) * 13;
  const T = A_TABLE;
  const s = t - T[b]!;
  const v =
    s *
    (T[b + 3]! +
      s *
        (T[b + 4]! +
          s * (T[b + 5]! + s * (T[b + 6]! + s * (T[b + 7]! + s * (T[b + 8]! + s * (T[b + 9]! + s * (T[b + 10]! + s * (T[b + 11]! + s * T[b + 12]!)))))))));
  const h = T[b + 1]!;
  const r = h + v;
  REG[0] = r;
  REG[1] = (h - r) + v + T[b + 2]!;
}

/** Sets REG[0..1] to G(w) = t·C(t), w = 1/t², for t in [8, 40]. */
function gTail(w: number): void {
  const T = G_TAIL;
  const v =
    w *
    (T[3]! +
      w *
        (T[4]! +
          w *
            (T[5]! +
              w * (T[6]! + w * (T[7]! + w * (T[8]! + w * (T[9]! + w * (T[10]! + w * (T[11]! + w * (T[12]! + w * (T[13]! + w * (T[14]! + w * T[15]!))))))))))));
  const h = T[1]!;
  const r = h + v;
  REG[0] = r;
  REG[1] = (h - r) + v + T[2]!;
}

/**
 * Sets REG[0..1] to the one-row polynomial T at u: c0 (double-double) + u·(c1 + u·(…)), for
 * PHI_SMALL (Φ(x) = 1/2 + x·P(x²)), GELU_DF_SMALL (GELU′(x) = 1/2 + x·D(x²)) and ERF_SMALL
 * (erf(z) = z·E(z²)).
 */
function smallPoly(T: Float64Array, u: number): void {
  let q = T[T.length - 1]!;
  for (let i = T.length - 2; i >= 3; i--) q = q * u + T[i]!;
  const v = u * q;
  const h = T[1]!;
  const r = h + v;
  REG[0] = r;
  REG[1] = (h - r) + v + T[2]!;
}

/** Sets REG[0..1] to C(t) = A(t)/t for t in [1/2, 39.5) (A from its table, or G past 12). */
function cOf(t: number): void {
  if (t < 12) aTable(t);
  else gTail(1 / (t * t));
  // (REG[0] + REG[1])/t with one correction step.
  const q = REG[0]! / t;
  const c = SPLIT * q;
  const qh = c - (c - q);
  const ql = q - qh;
  const d = SPLIT * t;
  const th = d - (d - t);
  const tl = t - th;
  const p = q * t;
  const pe = ((qh * th - p) + qh * tl + ql * th) + ql * tl;
  const rem = ((REG[0]! - p) - pe + REG[1]!) / t;
  REG[0] = q;
  REG[1] = rem;
}

/** Product of the double-doubles (ah + al)·(bh + bl), rounded once, then scaled by 2^m. */
function mulScale(ah: number, al: number, bh: number, bl: number, m: number): number {
  const p = ah * bh;
  let c = SPLIT * ah;
  const a1 = c - (c - ah);
  const a2 = ah - a1;
  c = SPLIT * bh;
  const b1 = c - (c - bh);
  const b2 = bh - b1;
  const e = ((a1 * b1 - p) + a1 * b2 + a2 * b1) + a2 * b2 + (ah * bl + al * bh);
  return ldexp(p + e, m);
}

/**
 * erf(z) = 2/√π·∫₀ᶻ e^(−s²) ds.
 *
 * Domain: every double; erf(±∞) = ±1, erf(NaN) = NaN, erf(−0) = −0.
 * Method: |z| ≤ 0.84: z·E(z²) with a fitted polynomial E, in double-double; beyond,
 * ±(1 − erfc(|z|)).
 * Accuracy: within 1 ulp (typically below 0.6 ulp) over all doubles.
 */
export function erf(z: number): number {
  const a = Math.abs(z);
  if (a < 2 ** -1000) {
    // ±0 unchanged; otherwise scaled so that the products below stay exact (Veltkamp
    // splitting fails on subnormals), then scaled back with a single rounding.
    return a === 0 ? z : erf(z * 2 ** 100) * 2 ** -100;
  }
  if (a <= 0.84) {
    smallPoly(ERF_SMALL, z * z);
    // z·(REG[0] + REG[1]) with one rounding.
    const p = z * REG[0]!;
    let c = SPLIT * z;
    const z1 = c - (c - z);
    const z2 = z - z1;
    c = SPLIT * REG[0]!;
    const c1 = c - (c - REG[0]!);
    const c2 = REG[0]! - c1;
    return p + ((((z1 * c1 - p) + z1 * c2 + z2 * c1) + z2 * c2) + z * REG[1]!);
  }
  if (!(a < 6)) {
    if (a === a) return z > 0 ? 1 : -1;
    return NaN;
  }
  erfcPositive(a);
  const r = 1 - (REG[0]! + REG[1]!);
  return z > 0 ? r : -r;
}

/** Sets REG[0..1] to erfc(z) as a double-double, for z in [0.3536, 27.3) (so that z·√2 ≥ 1/2). */
function erfcPositive(z: number): void {
  // t = z·√2 as a double-double; C(t) ≈ C(th) + tl·C′(th) with C′(t) = t·C(t) − 1/√(2π).
  const p = z * SQRT2_HI;
  let c = SPLIT * z;
  const z1 = c - (c - z);
  const z2 = z - z1;
  c = SPLIT * SQRT2_HI;
  const s1 = c - (c - SQRT2_HI);
  const s2 = SQRT2_HI - s1;
  const tl = (((z1 * s1 - p) + z1 * s2 + z2 * s1) + z2 * s2) + z * SQRT2_LO;
  const th = p;
  cOf(th);
  const corr = tl * (th * REG[0]! - K_HI);
  const h = REG[0]! + corr;
  const l = (REG[0]! - h) + corr + REG[1]!;
  gauss2(z);
  const eh = REG[2]!;
  const el = REG[3]!;
  const m = REG[4]!;
  // 2·e·C, kept as a double-double (scaling by a power of two is exact while normal).
  const pr = eh * h;
  c = SPLIT * eh;
  const e1 = c - (c - eh);
  const e2 = eh - e1;
  c = SPLIT * h;
  const h1 = c - (c - h);
  const h2 = h - h1;
  const err = ((e1 * h1 - pr) + e1 * h2 + e2 * h1) + e2 * h2 + (eh * l + el * h);
  const s = pr + err;
  const sl = err - (s - pr);
  if (m >= -1000) {
    REG[0] = ldexp(2 * s, m);
    REG[1] = ldexp(2 * sl, m);
  } else {
    REG[0] = ldexp(2 * (s + sl), m);
    REG[1] = 0;
  }
}

/**
 * erfc(z) = 1 − erf(z), without cancellation for large z.
 *
 * Domain: every double; erfc(−∞) = 2, erfc(+∞) = 0 (underflow to 0 above z ≈ 26.55),
 * erfc(NaN) = NaN.
 * Method: z < 0: 1 + erf(−z); 0 ≤ z·√2 < 1/2: 1 − erf(z) in double-double; otherwise
 * 2·exp(−z²)·C(z√2), with exp(−z²) from the exact square of z and z√2 as a double-double.
 * Accuracy: within 1 ulp (typically below 0.6 ulp), tails included.
 */
export function erfc(z: number): number {
  if (z < 0.3536) {
    if (z >= -0.84) {
      // 1 − erf(z) with erf(z) = z·E(z²) in double-double.
      smallPoly(ERF_SMALL, z * z);
      const p = z * REG[0]!;
      let c = SPLIT * z;
      const z1 = c - (c - z);
      const z2 = z - z1;
      c = SPLIT * REG[0]!;
      const c1 = c - (c - REG[0]!);
      const c2 = REG[0]! - c1;
      const e = (((z1 * c1 - p) + z1 * c2 + z2 * c1) + z2 * c2) + z * REG[1]!;
      const s = 1 - p;
      return s + (((1 - s) - p) - e);
    }
    if (z < -6) return z === z ? 2 : NaN;
    erfcPositive(-z);
    return 2 - REG[0]! - REG[1]!;
  }
  if (!(z < 27.3)) return z === z ? 0 : NaN;
  erfcPositive(z);
  return REG[0]! + REG[1]!;
}

/**
 * Φ(x), the standard normal cumulative distribution function: ½·erfc(−x/√2).
 *
 * Domain: every double; Φ(−∞) = 0, Φ(+∞) = 1, Φ(NaN) = NaN; positive underflow to 0 below
 * x ≈ −38.5.
 * Method: |x| ≤ 1/2: 1/2 + x·P(x²) (fitted P) in double-double; otherwise e·C(|x|) or
 * 1 − e·C(x) with e = exp(−x²/2) from the exact square of x (no x/√2 rounding).
 * Accuracy: within 1 ulp (typically below 0.6 ulp), tails included.
 */
export function normalCdf(x: number): number {
  const t = Math.abs(x);
  if (t <= 0.5) {
    smallPoly(PHI_SMALL, x * x);
    const p = x * REG[0]!;
    let c = SPLIT * x;
    const x1 = c - (c - x);
    const x2 = x - x1;
    c = SPLIT * REG[0]!;
    const c1 = c - (c - REG[0]!);
    const c2 = REG[0]! - c1;
    const e = (((x1 * c1 - p) + x1 * c2 + x2 * c1) + x2 * c2) + x * REG[1]!;
    const s = 0.5 + p;
    return s + (((0.5 - s) + p) + e);
  }
  if (!(t < T_MAX)) {
    if (t !== t) return NaN;
    return x > 0 ? 1 : 0;
  }
  if (x > 9) return 1;
  cOf(t);
  gauss(t);
  const y = mulScale(REG[2]!, REG[3]!, REG[0]!, REG[1]!, REG[4]!);
  return x < 0 ? y : 1 - y;
}

/**
 * φ(x) = exp(−x²/2)/√(2π), the standard normal density.
 *
 * Domain: every double; φ(±∞) = 0, φ(NaN) = NaN; underflows to 0 beyond |x| ≈ 38.6.
 * Method: exp of the exact double-double −x²/2 times 1/√(2π) as a double-double.
 * Accuracy: within 1 ulp (typically below 0.55 ulp).
 */
export function normalPdf(x: number): number {
  const t = Math.abs(x);
  if (!(t < T_MAX)) return t === t ? 0 : NaN;
  gauss(t);
  return mulScale(REG[2]!, REG[3]!, K_HI, K_LO, REG[4]!);
}

/**
 * exp(−t²/2)·(ah + al) for 1/2 < t < 12, rounded once (error below 0.52 ulp plus the error of
 * ah + al). The argument −t²/2 is the exact double-double (a, ae); the table-driven exponential
 * of dd.ts is written out with 26-bit table heads th, so that th times the Veltkamp halves of
 * ah is exact and the whole product is one big exact term plus small corrections. Small enough
 * to be inlined into the GELU paths (a call would box its double argument and result).
 */
function gaussTimes(t: number, ah: number, al: number): number {
  const tt = t * t;
  let c = SPLIT * t;
  const t1 = c - (c - t);
  const t2 = t - t1;
  const a = -0.5 * tt;
  const kd = (a * INV_LN2_64 + ROUNDER) - ROUNDER;
  const k = kd | 0;
  const r = (a - kd * LN2_64_HI) - (kd * LN2_64_LO + 0.5 * (((t1 * t1 - tt) + 2 * t1 * t2) + t2 * t2));
  const r2 = r * r;
  const p = r + r2 * (0.5 + r * 0.16666666666666666 + r2 * (0.041666666666666664 + r * 0.008333333333333333 + r2 * 0.001388888888888889));
  const j = k & 63;
  // exp(−t²/2) = 2^(k>>6)·(th + eq), eq = th·p + tl·(1 + p), |eq| < 0.006·th.
  const th = EXP2_H26[j]!;
  const eq = th * p + EXP2_L26[j]! * (1 + p);
  c = SPLIT * ah;
  const a1 = c - (c - ah);
  const a2 = ah - a1;
  // (th + eq)·(ah + al) = th·a1 + [th·a2 + th·al + eq·ah], th·a1 and th·a2 exact.
  // 2^(k>>6) ≥ 2^-105 here: an exact scaling.
  return (th * a1 + (th * a2 + (th * al + eq * ah))) * POW2[(k >> 6) + 1022]!;
}

/**
 * GELU(x) = x·Φ(x), exact (erf) form.
 *
 * Domain: every double; GELU(−∞) = −0 (the limit from below), GELU(+∞) = +∞, NaN → NaN.
 * Negative results underflow to −0 below x ≈ −38.5; for x > 8.3 the result is x.
 * Accuracy: within 1 ulp (typically below 0.6 ulp), deep negative tail included.
 * Method: 1/2 < |x| < 12, the common case, is written out in full below (one table row of
 * A(t) = t·C(t), one exponential) so that it stays short and allocation-free; the rest is in
 * {@link geluValueRare}.
 */
export function geluValue(x: number): number {
  const t = Math.abs(x);
  if (t > 0.5 && t < 12) {
    // A(t) from its row: c0 (double-double) + s·(c1 + s·(… c10)), Estrin-style pairing to
    // shorten the dependency chain.
    const T = A_TABLE;
    const b = (((t * 4) | 0) - 2) * 13;
    const s = t - T[b]!;
    const s2 = s * s;
    const q =
      T[b + 3]! + s * T[b + 4]! +
      s2 * (T[b + 5]! + s * T[b + 6]! + s2 * (T[b + 7]! + s * T[b + 8]! + s2 * (T[b + 9]! + s * T[b + 10]! + s2 * (T[b + 11]! + s * T[b + 12]!))));
    const v = s * q;
    const h = T[b + 1]!;
    const ah = h + v;
    // y = e·A = |x|·Φ(−|x|); GELU(x) = −y for x < 0 and x − y for x > 0, i.e. max(x, 0) − y
    // with max(x, 0) = (x + |x|)/2 exactly: no branch on the sign, which is unpredictable.
    return (x + t) * 0.5 - gaussTimes(t, ah, (h - ah) + v + T[b + 2]!);
  }
  return geluValueRare(x, t);
}

/** GELU for |x| ≤ 1/2, |x| ≥ 12 and NaN. */
function geluValueRare(x: number, t: number): number {
  if (t <= 0.5) {
    // x·(1/2 + x·P(x²)), every step in double-double.
    smallPoly(PHI_SMALL, x * x);
    twoProd(x, REG[0]!);
    const s = 0.5 + R[0]!;
    const sl = ((0.5 - s) + R[0]!) + (R[1]! + x * REG[1]!);
    twoProd(x, s);
    // A result that underflows keeps the sign of x (p + e is +0 when p = −0 and e = +0).
    const y = R[0]! + (R[1]! + x * sl);
    return y === 0 ? x * 0 : y;
  }
  // Here x·Φ(−x) < ulp(x)/2.
  if (x > 0) return x;
  if (!(t < T_MAX)) return t === t ? -0 : NaN;
  gTail(1 / (t * t));
  gauss(t);
  return -mulScale(REG[2]!, REG[3]!, REG[0]!, REG[1]!, REG[4]!);
}

/**
 * GELU′(x) = Φ(x) + x·φ(x).
 *
 * Domain: every double; GELU′(−∞) = −0, GELU′(+∞) = 1, NaN → NaN.
 * Accuracy: within 1 ulp (typically below 0.6 ulp), including near its root x ≈ −0.7518.
 * Method: e·B(|x|) for x < 0 and 1 − e·B(x) for x > 0, e = exp(−x²/2), with the common case
 * 1/2 < |x| < 12 written out like {@link geluValue}.
 */
export function geluDerivative(x: number): number {
  const t = Math.abs(x);
  if (t > 0.5 && t < 12) {
    // B(t) from its row: c0 + s·(c1 + s·(c2 + … c11)), c0 and c1 double-doubles.
    const T = B_TABLE;
    const b = (((t * 4) | 0) - 2) * 15;
    const s = t - T[b]!;
    const s2 = s * s;
    const q =
      T[b + 5]! + s * T[b + 6]! +
      s2 * (T[b + 7]! + s * T[b + 8]! + s2 * (T[b + 9]! + s * T[b + 10]! + s2 * (T[b + 11]! + s * T[b + 12]! + s2 * (T[b + 13]! + s * T[b + 14]!))));
    const v = s * q;
    const h1 = T[b + 3]!;
    const r = h1 + v;
    const rl = (h1 - r) + v + T[b + 4]!;
    const h0 = T[b + 1]!;
    let bh: number;
    let bl: number;
    if (b < 30) {
      // The two rows around the root of B: s·(r + rl) exactly, then c0, so that B keeps its
      // relative accuracy however close to the root.
      const p = s * r;
      let c = SPLIT * s;
      const s1 = c - (c - s);
      const sr = s - s1;
      c = SPLIT * r;
      const r1 = c - (c - r);
      const r2 = r - r1;
      const e = (((s1 * r1 - p) + s1 * r2 + sr * r1) + sr * r2) + s * rl + T[b + 2]!;
      const u = h0 + p;
      const bb = u - h0;
      const e2 = (h0 - (u - bb)) + (p - bb) + e;
      bh = u + e2;
      bl = e2 - (bh - u);
    } else {
      const p = s * r;
      bh = h0 + p;
      bl = (h0 - bh) + p + (s * rl + T[b + 2]!);
    }
    const y = gaussTimes(t, bh, bl);
    return x < 0 ? y : 1 - y;
  }
  return geluDerivativeRare(x, t);
}

/** GELU′ for |x| ≤ 1/2, |x| ≥ 12 and NaN. */
function geluDerivativeRare(x: number, t: number): number {
  if (t <= 0.5) {
    // 1/2 + x·D(x²) in double-double.
    smallPoly(GELU_DF_SMALL, x * x);
    twoProd(x, REG[0]!);
    const p = R[0]!;
    const e = R[1]! + x * REG[1]!;
    const s = 0.5 + p;
    return s + (((0.5 - s) + p) + e);
  }
  // Here x·φ(x) < 2^-54.
  if (x > 0) return 1;
  if (!(t < T_MAX)) return t === t ? -0 : NaN;
  // B = G/t − t·k: t·k dominates (G/t < t·k/140), so G/t needs no correction step.
  gTail(1 / (t * t));
  const g = (REG[0]! + REG[1]!) / t;
  twoProd(t, K_HI);
  const pl = R[1]! + t * K_LO;
  twoSum(g, -R[0]!);
  const s = R[0]!;
  const e = R[1]! - pl;
  const bh = s + e;
  const bl = e - (bh - s);
  gauss(t);
  return mulScale(REG[2]!, REG[3]!, bh, bl, REG[4]!);
}

/**
 * GELU″(x) = φ(x)·(2 − x²).
 *
 * Domain: every double; 0 at ±∞ (as −0), NaN → NaN.
 * Accuracy: within 1 ulp (typically below 0.6 ulp), including near its roots ±√2 (2 − x² is
 * formed exactly).
 */
export function geluSecondDerivative(x: number): number {
  const t = Math.abs(x);
  if (!(t < T_MAX)) return t === t ? -0 : NaN;
  const c = SPLIT * t;
  const t1 = c - (c - t);
  const t2 = t - t1;
  const p = t * t;
  const q = ((t1 * t1 - p) + 2 * t1 * t2) + t2 * t2;
  // d = 2 − p − q as a double-double.
  const s = 2 - p;
  const bb = s - 2;
  const e = ((2 - (s - bb)) + (-p - bb)) - q;
  const dh = s + e;
  const dl = e - (dh - s);
  expKernel(-0.5 * p, -0.5 * q);
  const eh = R[0]!;
  const el = R[1]!;
  const m = R[2]!;
  // (e·k)·d
  const kp = eh * K_HI;
  let w = SPLIT * eh;
  const e1 = w - (w - eh);
  const e2 = eh - e1;
  w = SPLIT * K_HI;
  const k1 = w - (w - K_HI);
  const k2 = K_HI - k1;
  const kpe = ((e1 * k1 - kp) + e1 * k2 + e2 * k1) + e2 * k2 + (eh * K_LO + el * K_HI);
  const kh = kp + kpe;
  const kl = kpe - (kh - kp);
  return mulScale(kh, kl, dh, dl, m);
}


