/**
 * f, f′ and f″ of the activation functions other than exact GELU (internal; see erf.ts for
 * that one). Parameters arrive resolved, as numbers; default constants that are decimals
 * (0.044715, 1.702, 0.01, SELU's λ and α) arrive as double-double head and tail so that the
 * results match the decimal constants, not their rounded doubles.
 *
 * Every smooth function here is a rational function of x and E = exp(−|v|) for some argument v
 * (v = βx for x·σ(βx), v = 2·√(2/π)(x + c·x³) for the tanh form, v = x for mish, tanh,
 * softplus, sigmoid). E comes from a double-double exponential of the double-double v, and
 * the numerators that cancel near the roots of f′ and f″ are summed in double-double, so the
 * results stay within about one ulp over all doubles. Where E underflows (|v| > ~700) the
 * formulas are evaluated with E scaled by a power of two and scaled back once at the end, so
 * subnormal results keep their bits.
 */
import { add22, div22, expKernelDD, expm1DD, ldexp, mul22, R, twoProd, twoSum } from './dd';

/**
 * Register file (a typed array, because storing a double into a closure variable allocates):
 * E = exp(−|v|) = 2^Q[EM]·(Q[EH] + Q[EL]) (EM is 0 unless `eTiny`), the argument v = Q[VH] +
 * Q[VL], a denominator Q[QH] + Q[QL], and the tanh form's w = Q[WH] + Q[WL] and w′ = Q[DWH] +
 * Q[DWL], all double-doubles.
 */
const Q = new Float64Array(11);
const EH = 0;
const EL = 1;
const EM = 2;
const VH = 3;
const VL = 4;
const QH = 5;
const QL = 6;
const WH = 7;
const WL = 8;
const DWH = 9;
const DWL = 10;
/** True when E underflows past 2^-1000: Q[EH], Q[EL] are then unscaled and every result is E·(…)·2^Q[EM]. */
let eTiny = false;

/** Sets the E registers to exp(−a) for a = ah + al ≥ 0 (any size; E = 0 past a = 800). */
function expNeg(ah: number, al: number): void {
  if (!(ah <= 800)) {
    Q[EH] = 0;
    Q[EL] = 0;
    Q[EM] = 0;
    eTiny = false;
    return;
  }
  expKernelDD(-ah, -al);
  const m = R[2]!;
  if (m >= -1000) {
    Q[EH] = ldexp(R[0]!, m);
    Q[EL] = ldexp(R[1]!, m);
    Q[EM] = 0;
    eTiny = false;
  } else {
    Q[EH] = R[0]!;
    Q[EL] = R[1]!;
    Q[EM] = m;
    eTiny = true;
  }
}

/** Rounds the double-double (h, l) once and scales it by 2^m (m = 0: just h + l). */
function out(h: number, l: number, m: number): number {
  return m === 0 ? h + l : ldexp(h + l, m);
}

/** (n_h + n_l)/((d_h + d_l)^k) for k = 1, 2, 3, rounded once (no scaling). */
export function divPow(nh: number, nl: number, dh: number, dl: number, k: 1 | 2 | 3): number {
  let ph = dh;
  let pl = dl;
  for (let i = 1; i < k; i++) {
    mul22(ph, pl, dh, dl);
    ph = R[0]!;
    pl = R[1]!;
  }
  div22(nh, nl, ph, pl);
  return R[0]! + R[1]!;
}

// ---------------------------------------------------------------------------------------------
// x·σ(βx): SiLU (Swish-β) and the sigmoid approximation of GELU (QuickGELU).
// With v = βx and E = exp(−|v|):
//   f   = x/(1 + E)                      (v ≥ 0)     x·E/(1 + E)            (v < 0)
//   f′  = (1 + E + v·E)/(1 + E)²         (v ≥ 0)     E·(1 + E + v)/(1 + E)² (v < 0)
//   f″  = β·E·(2(1 + E) − |v|(1 − E))/(1 + E)³
// ---------------------------------------------------------------------------------------------


/** Beyond this magnitude Veltkamp splitting overflows; products are then formed plainly. */
const HUGE = 1e290;

/** Sets Q[VH]!, Q[VL]! to (bh + bl)·x as a double-double. */
function scaleArg(bh: number, bl: number, x: number): void {
  if (Math.abs(x) > HUGE || Math.abs(bh) > HUGE) {
    Q[VH] = bh * x;
    Q[VL] = 0;
    return;
  }
  twoProd(bh, x);
  const p = R[0]!;
  const e = R[1]! + bl * x;
  Q[VH] = p + e;
  Q[VL] = e - (Q[VH]! - p);
}

export function xSigmoid(x: number, bh: number, bl: number): number {
  if (!Number.isFinite(x)) {
    if (x !== x) return NaN;
    if (bh === 0) return x / 2;
    return (x > 0) === (bh > 0) ? x : (x > 0 ? 0 : -0);
  }
  scaleArg(bh, bl, x);
  if (!(Math.abs(Q[VH]!) <= 800)) return Q[VH]! > 0 ? x : x > 0 ? 0 : -0;
  const neg = Q[VH]! < 0;
  expNeg(neg ? -Q[VH]! : Q[VH]!, neg ? -Q[VL]! : Q[VL]!);
  if (eTiny) {
    if (!neg) return x;
    twoProd(x, Q[EH]!);
    return ldexp(R[0]! + (R[1]! + x * Q[EL]!), Q[EM]!);
  }
  twoSum(1, Q[EH]!);
  const dh = R[0]!;
  const dl = R[1]! + Q[EL]!;
  if (!neg) {
    return divPow(x, 0, dh, dl, 1);
  }
  twoProd(x, Q[EH]!);
  return divPow(R[0]!, R[1]! + x * Q[EL]!, dh, dl, 1);
}

export function xSigmoidD1(x: number, bh: number, bl: number): number {
  if (!Number.isFinite(x)) {
    if (x !== x) return NaN;
    if (bh === 0) return 0.5;
    return (x > 0) === (bh > 0) ? 1 : 0;
  }
  scaleArg(bh, bl, x);
  if (!(Math.abs(Q[VH]!) <= 800)) return Q[VH]! > 0 ? 1 : -0;
  const neg = Q[VH]! < 0;
  expNeg(neg ? -Q[VH]! : Q[VH]!, neg ? -Q[VL]! : Q[VL]!);
  if (eTiny) {
    if (!neg) return 1;
    // E·(1 + v)
    twoSum(1, Q[VH]!);
    mul22(Q[EH]!, Q[EL]!, R[0]!, R[1]! + Q[VL]!);
    return ldexp(R[0]! + R[1]!, Q[EM]!);
  }
  twoSum(1, Q[EH]!);
  const dh = R[0]!;
  const dl = R[1]! + Q[EL]!;
  if (!neg) {
    // 1 + E + v·E
    mul22(Q[VH]!, Q[VL]!, Q[EH]!, Q[EL]!);
    add22(dh, dl, R[0]!, R[1]!);
    return divPow(R[0]!, R[1]!, dh, dl, 2);
  }
  // E·(1 + E + v)
  add22(dh, dl, Q[VH]!, Q[VL]!);
  mul22(Q[EH]!, Q[EL]!, R[0]!, R[1]!);
  return divPow(R[0]!, R[1]!, dh, dl, 2);
}

export function xSigmoidD2(x: number, bh: number, bl: number): number {
  if (!Number.isFinite(x)) return x === x ? 0 : NaN;
  scaleArg(bh, bl, x);
  if (!(Math.abs(Q[VH]!) <= 800)) return bh > 0 ? -0 : 0;
  const neg = Q[VH]! < 0;
  const ah = neg ? -Q[VH]! : Q[VH]!;
  const al = neg ? -Q[VL]! : Q[VL]!;
  expNeg(ah, al);
  if (eTiny) {
    // β·E·(2 − |v|)
    twoSum(2, -ah);
    mul22(Q[EH]!, Q[EL]!, R[0]!, R[1]! - al);
    mul22(R[0]!, R[1]!, bh, bl);
    return ldexp(R[0]! + R[1]!, Q[EM]!);
  }
  twoSum(1, Q[EH]!);
  const dh = R[0]!;
  const dl = R[1]! + Q[EL]!;
  // 1 − E
  twoSum(1, -Q[EH]!);
  const mh = R[0]!;
  const ml = R[1]! - Q[EL]!;
  // 2(1 + E) − |v|(1 − E)
  mul22(ah, al, mh, ml);
  add22(2 * dh, 2 * dl, -R[0]!, -R[1]!);
  mul22(R[0]!, R[1]!, Q[EH]!, Q[EL]!);
  mul22(R[0]!, R[1]!, bh, bl);
  return divPow(R[0]!, R[1]!, dh, dl, 3);
}

// ---------------------------------------------------------------------------------------------
// Sigmoid σ(x), tanh(x), softplus(x) = log(1 + eˣ).
// ---------------------------------------------------------------------------------------------

/** Sets R to 1 − E for E = exp(−a), a ≥ 0 (relative accuracy kept for small a). */
function oneMinusE(a: number): void {
  if (a < 0.5) {
    expm1DD(-a);
    R[0] = -R[0]!;
    R[1] = -R[1]!;
    return;
  }
  twoSum(1, -Q[EH]!);
  R[1] = R[1]! - Q[EL]!;
}

export function sigmoid(x: number): number {
  if (x !== x) return NaN;
  const a = Math.abs(x);
  expNeg(a, 0);
  if (eTiny) return x > 0 ? 1 : ldexp(Q[EH]! + Q[EL]!, Q[EM]!);
  twoSum(1, Q[EH]!);
  const dh = R[0]!;
  const dl = R[1]! + Q[EL]!;
  return x >= 0 ? divPow(1, 0, dh, dl, 1) : divPow(Q[EH]!, Q[EL]!, dh, dl, 1);
}

export function sigmoidD1(x: number): number {
  if (x !== x) return NaN;
  expNeg(Math.abs(x), 0);
  if (eTiny) return ldexp(Q[EH]! + Q[EL]!, Q[EM]!);
  twoSum(1, Q[EH]!);
  return divPow(Q[EH]!, Q[EL]!, R[0]!, R[1]! + Q[EL]!, 2);
}

export function sigmoidD2(x: number): number {
  if (x !== x) return NaN;
  const a = Math.abs(x);
  expNeg(a, 0);
  // σ″ = −sign(x)·E(1 − E)/(1 + E)³
  if (eTiny) return x > 0 ? -ldexp(Q[EH]! + Q[EL]!, Q[EM]!) : ldexp(Q[EH]! + Q[EL]!, Q[EM]!);
  if (Q[EH]! === 0) return x > 0 ? -0 : 0;
  oneMinusE(a);
  mul22(Q[EH]!, Q[EL]!, R[0]!, R[1]!);
  const nh = R[0]!;
  const nl = R[1]!;
  twoSum(1, Q[EH]!);
  const y = divPow(nh, nl, R[0]!, R[1]! + Q[EL]!, 3);
  return x > 0 ? -y : y;
}

export function tanh(x: number): number {
  if (x !== x) return NaN;
  const a = Math.abs(x);
  if (a > 20) return x > 0 ? 1 : -1;
  if (x === 0) return x;
  // tanh|x| = (1 − E)/(1 + E), E = exp(−2|x|)
  expNeg(2 * a, 0);
  oneMinusE(2 * a);
  const nh = R[0]!;
  const nl = R[1]!;
  twoSum(1, Q[EH]!);
  const y = divPow(nh, nl, R[0]!, R[1]! + Q[EL]!, 1);
  return x < 0 ? -y : y;
}

export function tanhD1(x: number): number {
  if (x !== x) return NaN;
  // 4E/(1 + E)²
  expNeg(2 * Math.abs(x), 0);
  if (eTiny) return ldexp(4 * (Q[EH]! + Q[EL]!), Q[EM]!);
  twoSum(1, Q[EH]!);
  return divPow(4 * Q[EH]!, 4 * Q[EL]!, R[0]!, R[1]! + Q[EL]!, 2);
}

export function tanhD2(x: number): number {
  if (x !== x) return NaN;
  const a = Math.abs(x);
  // −sign(x)·8E(1 − E)/(1 + E)³
  expNeg(2 * a, 0);
  if (eTiny) return x > 0 ? -ldexp(8 * (Q[EH]! + Q[EL]!), Q[EM]!) : ldexp(8 * (Q[EH]! + Q[EL]!), Q[EM]!);
  if (Q[EH]! === 0) return x > 0 ? -0 : 0;
  oneMinusE(2 * a);
  mul22(8 * Q[EH]!, 8 * Q[EL]!, R[0]!, R[1]!);
  const nh = R[0]!;
  const nl = R[1]!;
  twoSum(1, Q[EH]!);
  const y = divPow(nh, nl, R[0]!, R[1]! + Q[EL]!, 3);
  return x > 0 ? -y : y;
}

/** Sets R to log(1 + y) for y = yh + yl in [0, 1], by one Newton step on Math.log1p. */
function log1pDD(yh: number, yl: number): void {
  const l0 = Math.log1p(yh);
  expm1DD(l0);
  // l = l0 + (y − expm1(l0))/exp(l0)
  const d = (yh - R[0]!) + (yl - R[1]!);
  const c = d / (1 + R[0]!);
  const h = l0 + c;
  R[0] = h;
  R[1] = c - (h - l0);
}

export function softplus(x: number): number {
  if (x !== x) return NaN;
  if (x === Infinity) return x;
  const a = Math.abs(x);
  expNeg(a, 0);
  if (eTiny) return x > 0 ? x : ldexp(Q[EH]! + Q[EL]!, Q[EM]!);
  if (Q[EH]! === 0) return x > 0 ? x : 0;
  log1pDD(Q[EH]!, Q[EL]!);
  if (x <= 0) return R[0]! + R[1]!;
  const lh = R[0]!;
  const ll = R[1]!;
  twoSum(x, lh);
  return R[0]! + (R[1]! + ll);
}

export function softplusD2(x: number): number {
  if (x !== x) return NaN;
  return sigmoidD1(x);
}

// ---------------------------------------------------------------------------------------------
// Mish: x·tanh(softplus(x)). With E = eˣ (x ≤ 0) and F = e⁻ˣ (x > 0), Q = E² + 2E + 2, P = 2F² + 2F + 1:
//   f   = x·E(E + 2)/Q                                   x·(1 + 2F)/P
//   f′  = E·(E³ + 4E² + (6 + 4x)E + 4 + 4x)/Q²           (4(x+1)F³ + (4x+6)F² + 4F + 1)/P²
//   f″  = 4E·(2E³(1 − x) + 3E²(2 − x) + 2E(4 + x) + 4 + 2x)/Q³
//                                                        4F²·(2(x+2)F³ + (2x+8)F² + (6−3x)F + 2 − 2x)/P³
// ---------------------------------------------------------------------------------------------

/** Sets R to the cubic c3·E³ + c2·E² + c1·E + c0 (coefficients as double-doubles) at E = Q[EH]! + Q[EL]!. */
function cubicE(c3h: number, c3l: number, c2h: number, c2l: number, c1h: number, c1l: number, c0h: number, c0l: number): void {
  mul22(c3h, c3l, Q[EH]!, Q[EL]!);
  add22(R[0]!, R[1]!, c2h, c2l);
  mul22(R[0]!, R[1]!, Q[EH]!, Q[EL]!);
  add22(R[0]!, R[1]!, c1h, c1l);
  mul22(R[0]!, R[1]!, Q[EH]!, Q[EL]!);
  add22(R[0]!, R[1]!, c0h, c0l);
}

/** Sets R to a + b·x for doubles a, b (b·x exact as a double-double). */
function affine(a: number, b: number, x: number): void {
  twoProd(b, x);
  const ph = R[0]!;
  const pl = R[1]!;
  twoSum(a, ph);
  const s = R[0]!;
  const e = R[1]! + pl;
  R[0] = s + e;
  R[1] = e - (R[0]! - s);
}

export function mish(x: number): number {
  if (!(Math.abs(x) <= 800)) return x !== x ? NaN : x > 0 ? x : -0;
  const pos = x > 0;
  expNeg(Math.abs(x), 0);
  if (eTiny) {
    if (pos) return x;
    twoProd(x, Q[EH]!);
    return ldexp(R[0]! + (R[1]! + x * Q[EL]!), Q[EM]!);
  }
  mishDen(pos);
  if (pos) {
    // x·(1 + 2F)/P
    twoSum(1, 2 * Q[EH]!);
    mul22(R[0]!, R[1]! + 2 * Q[EL]!, x, 0);
    return divPow(R[0]!, R[1]!, Q[QH]!, Q[QL]!, 1);
  }
  // x·E·(E + 2)/Q
  twoSum(2, Q[EH]!);
  mul22(R[0]!, R[1]! + Q[EL]!, Q[EH]!, Q[EL]!);
  mul22(R[0]!, R[1]!, x, 0);
  return divPow(R[0]!, R[1]!, Q[QH]!, Q[QL]!, 1);
}

/** Sets Q[QH] + Q[QL] to E² + 2E + 2 (x ≤ 0, E = eˣ) or 2F² + 2F + 1 (x > 0, F = e⁻ˣ), in double-double. */
function mishDen(pos: boolean): void {
  mul22(Q[EH]!, Q[EL]!, Q[EH]!, Q[EL]!);
  const sh = R[0]!;
  const sl = R[1]!;
  if (pos) {
    twoSum(1, 2 * Q[EH]!);
    add22(R[0]!, R[1]! + 2 * Q[EL]!, 2 * sh, 2 * sl);
  } else {
    twoSum(2, 2 * Q[EH]!);
    add22(R[0]!, R[1]! + 2 * Q[EL]!, sh, sl);
  }
  Q[QH] = R[0]!;
  Q[QL] = R[1]!;
}

export function mishD1(x: number): number {
  if (!(Math.abs(x) <= 800)) return x !== x ? NaN : x > 0 ? 1 : -0;
  const pos = x > 0;
  expNeg(Math.abs(x), 0);
  if (eTiny) {
    if (pos) return 1;
    // E·(1 + x)
    twoSum(1, x);
    mul22(Q[EH]!, Q[EL]!, R[0]!, R[1]!);
    return ldexp(R[0]! + R[1]!, Q[EM]!);
  }
  mishDen(pos);
  if (pos) {
    affine(4, 4, x);
    const c3h = R[0]!;
    const c3l = R[1]!;
    affine(6, 4, x);
    cubicE(c3h, c3l, R[0]!, R[1]!, 4, 0, 1, 0);
    return divPow(R[0]!, R[1]!, Q[QH]!, Q[QL]!, 2);
  }
  affine(6, 4, x);
  const c1h = R[0]!;
  const c1l = R[1]!;
  affine(4, 4, x);
  cubicE(1, 0, 4, 0, c1h, c1l, R[0]!, R[1]!);
  mul22(R[0]!, R[1]!, Q[EH]!, Q[EL]!);
  return divPow(R[0]!, R[1]!, Q[QH]!, Q[QL]!, 2);
}

export function mishD2(x: number): number {
  if (!(Math.abs(x) <= 800)) return x !== x ? NaN : x > 0 ? -0 : 0;
  const pos = x > 0;
  expNeg(Math.abs(x), 0);
  if (eTiny) {
    if (pos) {
      // 4F²(2 − 2x): F² underflows far below the smallest subnormal here.
      return -0;
    }
    // E·(2 + x)
    twoSum(2, x);
    mul22(Q[EH]!, Q[EL]!, R[0]!, R[1]!);
    return ldexp(R[0]! + R[1]!, Q[EM]!);
  }
  if (Q[EH]! === 0) return pos ? -0 : 0;
  mishDen(pos);
  if (pos) {
    affine(4, 2, x);
    const c3h = R[0]!;
    const c3l = R[1]!;
    affine(8, 2, x);
    const c2h = R[0]!;
    const c2l = R[1]!;
    affine(6, -3, x);
    const c1h = R[0]!;
    const c1l = R[1]!;
    affine(2, -2, x);
    cubicE(c3h, c3l, c2h, c2l, c1h, c1l, R[0]!, R[1]!);
    const nh = R[0]!;
    const nl = R[1]!;
    // Past x ≈ 333, F² would lose bits to underflow before the result does (x in [354, 377]
    // gives subnormal results): F is scaled by 2^500 and the result scaled back once.
    const scaled = Q[EH]! < 2 ** -480;
    const s = scaled ? 2 ** 500 : 1;
    mul22(s * Q[EH]!, s * Q[EL]!, s * Q[EH]!, s * Q[EL]!);
    mul22(4 * R[0]!, 4 * R[1]!, nh, nl);
    const y = divPow(R[0]!, R[1]!, Q[QH]!, Q[QL]!, 3);
    return scaled ? ldexp(y, -1000) : y;
  }
  affine(2, -2, x);
  const c3h = R[0]!;
  const c3l = R[1]!;
  affine(6, -3, x);
  const c2h = R[0]!;
  const c2l = R[1]!;
  affine(8, 2, x);
  const c1h = R[0]!;
  const c1l = R[1]!;
  affine(4, 2, x);
  cubicE(c3h, c3l, c2h, c2l, c1h, c1l, R[0]!, R[1]!);
  mul22(4 * Q[EH]!, 4 * Q[EL]!, R[0]!, R[1]!);
  return divPow(R[0]!, R[1]!, Q[QH]!, Q[QL]!, 3);
}

// ---------------------------------------------------------------------------------------------
// GELU, tanh form: x·σ(w), w = 2u = 2·√(2/π)·(x + c·x³), w′ = 2√(2/π)(1 + 3c·x²), w″ = 12√(2/π)·c·x.
// With E = exp(−|w|):
//   f   = x/(1 + E)                               (w ≥ 0)    x·E/(1 + E)                  (w < 0)
//   f′  = (1 + E + x·w′·E)/(1 + E)²               (w ≥ 0)    E·(1 + E + x·w′)/(1 + E)²   (w < 0)
//   f″  = E·((2w′ + x·w″)(1 + E) − sign(w)·x·w′²·(1 − E))/(1 + E)³
// ---------------------------------------------------------------------------------------------

/** w′ as a double-double. */

/**
 * Sets Q[WH]!, Q[WL]! to w = 2k·(x + c·x³) and dh, dl to w′ = 2k·(1 + 3c·x²), k = √(2/π) = kh + kl,
 * c = ch + cl, in double-double. Returns false when w is too large to matter (|w| > 2000 or
 * not finite); the caller then uses the limits.
 */
function tanhArg(x: number, ch: number, cl: number, kh: number, kl: number): boolean {
  const w0 = 2 * kh * x * (1 + ch * x * x);
  if (!(Math.abs(w0) <= 2000)) return false;
  twoProd(x, x);
  const x2h = R[0]!;
  const x2l = R[1]!;
  // c·x²
  mul22(ch, cl, x2h, x2l);
  const cxh = R[0]!;
  const cxl = R[1]!;
  // x + c·x³ = x·(1 + c·x²)
  twoSum(1, cxh);
  mul22(R[0]!, R[1]! + cxl, x, 0);
  mul22(R[0]!, R[1]!, 2 * kh, 2 * kl);
  Q[WH] = R[0]!;
  Q[WL] = R[1]!;
  // 1 + 3c·x²
  mul22(cxh, cxl, 3, 0);
  add22(1, 0, R[0]!, R[1]!);
  mul22(R[0]!, R[1]!, 2 * kh, 2 * kl);
  Q[DWH] = R[0]!;
  Q[DWL] = R[1]!;
  return true;
}

export function geluTanh(x: number, ch: number, cl: number, kh: number, kl: number): number {
  if (x !== x) return NaN;
  if (!tanhArg(x, ch, cl, kh, kl)) {
    const w0 = x * (1 + ch * x * x);
    return w0 > 0 ? x : x > 0 ? 0 : -0;
  }
  const neg = Q[WH]! < 0;
  expNeg(neg ? -Q[WH]! : Q[WH]!, neg ? -Q[WL]! : Q[WL]!);
  // w < 0 means x < 0: a result that underflows is −0.
  if (eTiny) {
    if (!neg) return x;
    twoProd(x, Q[EH]!);
    return ldexp(R[0]! + (R[1]! + x * Q[EL]!), Q[EM]!) || -0;
  }
  twoSum(1, Q[EH]!);
  const qh1 = R[0]!;
  const ql1 = R[1]! + Q[EL]!;
  if (!neg) return divPow(x, 0, qh1, ql1, 1);
  twoProd(x, Q[EH]!);
  return divPow(R[0]!, R[1]! + x * Q[EL]!, qh1, ql1, 1) || -0;
}

export function geluTanhD1(x: number, ch: number, cl: number, kh: number, kl: number): number {
  if (x !== x) return NaN;
  if (!tanhArg(x, ch, cl, kh, kl)) {
    const w0 = x * (1 + ch * x * x);
    return w0 > 0 ? 1 : x > 0 ? 0 : -0;
  }
  const neg = Q[WH]! < 0;
  expNeg(neg ? -Q[WH]! : Q[WH]!, neg ? -Q[WL]! : Q[WL]!);
  // x·w′
  mul22(Q[DWH]!, Q[DWL]!, x, 0);
  const xdh = R[0]!;
  const xdl = R[1]!;
  // For w < 0 an underflowed f′ = E·(1 + E + x·w′)/(1 + E)² takes the sign of 1 + x·w′.
  const zero = xdh < -1 ? -0 : 0;
  if (eTiny) {
    if (!neg) return 1;
    add22(1, 0, xdh, xdl);
    mul22(Q[EH]!, Q[EL]!, R[0]!, R[1]!);
    return ldexp(R[0]! + R[1]!, Q[EM]!) || zero;
  }
  twoSum(1, Q[EH]!);
  const qh1 = R[0]!;
  const ql1 = R[1]! + Q[EL]!;
  if (!neg) {
    mul22(xdh, xdl, Q[EH]!, Q[EL]!);
    add22(qh1, ql1, R[0]!, R[1]!);
    return divPow(R[0]!, R[1]!, qh1, ql1, 2);
  }
  add22(qh1, ql1, xdh, xdl);
  mul22(R[0]!, R[1]!, Q[EH]!, Q[EL]!);
  return divPow(R[0]!, R[1]!, qh1, ql1, 2) || zero;
}

export function geluTanhD2(x: number, ch: number, cl: number, kh: number, kl: number): number {
  if (x !== x) return NaN;
  if (!tanhArg(x, ch, cl, kh, kl)) return x > 0 ? -0 : -0;
  const neg = Q[WH]! < 0;
  expNeg(neg ? -Q[WH]! : Q[WH]!, neg ? -Q[WL]! : Q[WL]!);
  if (Q[EH]! === 0) return -0;
  // A = 2w′ + x·w″ = 2w′ + 12k·c·x²
  twoProd(x, x);
  mul22(R[0]!, R[1]!, ch, cl);
  mul22(R[0]!, R[1]!, kh, kl);
  mul22(R[0]!, R[1]!, 12, 0);
  add22(2 * Q[DWH]!, 2 * Q[DWL]!, R[0]!, R[1]!);
  const ah = R[0]!;
  const al = R[1]!;
  // Bt = sign(w)·x·w′²
  mul22(Q[DWH]!, Q[DWL]!, Q[DWH]!, Q[DWL]!);
  mul22(R[0]!, R[1]!, neg ? -x : x, 0);
  const bh = R[0]!;
  const bl = R[1]!;
  if (eTiny) {
    add22(ah, al, -bh, -bl);
    mul22(R[0]!, R[1]!, Q[EH]!, Q[EL]!);
    return ldexp(R[0]! + R[1]!, Q[EM]!);
  }
  twoSum(1, Q[EH]!);
  const qh1 = R[0]!;
  const ql1 = R[1]! + Q[EL]!;
  oneMinusE(neg ? -Q[WH]! : Q[WH]!);
  mul22(bh, bl, R[0]!, R[1]!);
  const th = R[0]!;
  const tl = R[1]!;
  mul22(ah, al, qh1, ql1);
  add22(R[0]!, R[1]!, -th, -tl);
  mul22(R[0]!, R[1]!, Q[EH]!, Q[EL]!);
  return divPow(R[0]!, R[1]!, qh1, ql1, 3);
}

// ---------------------------------------------------------------------------------------------
// ELU, SELU (scale·(x if x > 0 else α(eˣ − 1)) with the PyTorch conventions at 0).
// ---------------------------------------------------------------------------------------------

/** s·x for x > 0, s·α·(eˣ − 1) otherwise; s and s·α as double-doubles. */
export function eluScaled(x: number, sh: number, sl: number, sah: number, sal: number): number {
  if (x > 0) {
    if (sl === 0 || x === Infinity) return sh * x;
    // Scaled down past HUGE so that splitting cannot overflow; the last product rounds once
    // (to ∞ when λ·x exceeds the largest double).
    const big = x > HUGE;
    mul22(sh, sl, big ? x * 2 ** -128 : x, 0);
    return big ? (R[0]! + R[1]!) * 2 ** 128 : R[0]! + R[1]!;
  }
  if (x !== x) return NaN;
  if (x < -40) {
    // −sα + sα·eˣ: eˣ is below 2^-57 of the result.
    expNeg(-x, 0);
    const e = eTiny ? 0 : Q[EH]!;
    twoSum(-sah, sah * e);
    return R[0]! + (R[1]! - sal);
  }
  expm1DD(x);
  mul22(R[0]!, R[1]!, sah, sal);
  return R[0]! + R[1]!;
}

/** s for x > 0, s·α·eˣ for x ≤ 0 (PyTorch: the x ≤ 0 branch at 0). */
export function eluScaledD1(x: number, sh: number, sah: number, sal: number): number {
  if (x > 0) return sh;
  if (x !== x) return NaN;
  return sahExp(x, sah, sal);
}

/** 0 for x ≥ 0 (PyTorch's double backward masks x < 0 strictly), s·α·eˣ for x < 0. */
export function eluScaledD2(x: number, sah: number, sal: number): number {
  if (x >= 0) return 0;
  if (x !== x) return NaN;
  return sahExp(x, sah, sal);
}

function sahExp(x: number, sah: number, sal: number): number {
  expNeg(-x, 0);
  mul22(Q[EH]!, Q[EL]!, sah, sal);
  return out(R[0]!, R[1]!, Q[EM]!);
}

// ---------------------------------------------------------------------------------------------
// Piecewise-linear relatives.
// ---------------------------------------------------------------------------------------------

/** a·x for x ≤ 0 (leaky ReLU), x otherwise; a = ah + al. */
export function leaky(x: number, ah: number, al: number): number {
  if (x > 0) return x;
  if (x !== x) return NaN;
  if (x === -Infinity) return ah === 0 ? 0 : ah * x;
  if (x < -HUGE || Math.abs(ah) > HUGE) return ah * x + al * x;
  twoProd(ah, x);
  const y = R[0]! + (R[1]! + al * x);
  // An underflowed product keeps the sign of a·x (R[0] + R[1] can be +0 when a·x < 0).
  return y === 0 ? ah * x : y;
}

/** x·(x + 3)/6 on [−3, 3], 0 below, x above. */
export function hardswish(x: number): number {
  if (x <= -3) return 0;
  if (x >= 3) return x;
  if (x !== x) return NaN;
  twoSum(x, 3);
  mul22(R[0]!, R[1]!, x, 0);
  div22(R[0]!, R[1]!, 6, 0);
  return R[0]! + R[1]!;
}

/** (2x + 3)/6 on [−3, 3] (PyTorch: the inner branch at both ends), 0 below, 1 above. */
export function hardswishD1(x: number): number {
  if (x < -3) return 0;
  if (x > 3) return 1;
  if (x !== x) return NaN;
  twoSum(2 * x, 3);
  div22(R[0]!, R[1]!, 6, 0);
  return R[0]! + R[1]!;
}
