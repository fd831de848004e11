/**
 * f, f′ and f″ of the 15 activation functions added by issue 12 (relu2, xielu, snake, celu,
 * softsign, hardtanh, hard_sigmoid, log_sigmoid, tanhshrink, softshrink, hardshrink,
 * sparse_plus, squareplus, laplace, gelu_ibert), as pure functions of x and explicit parameters
 * whose defaults are the ones of ../shared/reference/README.md.
 *
 * Conventions shared by every function here:
 * - A parameter is the decimal it prints as (`String(v)`): 0.8 means 8/10, not its nearest
 *   double. The difference (the "decimal tail") is carried as the low half of a double-double,
 *   so results match the decimal definitions the reference values are computed from.
 * - NaN in, NaN out; ±∞ give the mathematical limits where they exist (NaN where they do not:
 *   Snake's derivatives at ±∞).
 * - At a kink or jump the value is the one PyTorch's autograd gives where PyTorch has the
 *   function, otherwise the one named in the function's comment. Reference values leave kinks out.
 * - Accuracy (test/unit/core/kernelsAdded.test.ts, default parameters, every reference line):
 *   f within 2 ulp, f′ within 4, f″ within 8; in practice about 1 ulp. Sums that cancel are
 *   formed in double-double (dd.ts); results that are subnormal may be rounded twice
 *   (at most 1 ulp of 2^−1074).
 *
 * Helpers written here because kernels.ts and erf.ts do not export them: the decimal tail of a
 * parameter, a double-double tanh, the reduction of a double-double argument modulo π/4
 * (Cody–Waite below 2^19, exact BigInt arithmetic above) and double-double sin/cos.
 */
import * as coefficients from './coefficients';
import * as dd from './dd';
import * as erfModule from './erf';
import * as kernels from './kernels';

// Local bindings (imported bindings are getter calls under CommonJS transpilation).
const { add22, div22, expKernelDD, expm1DD, expm1MinusXDD, ldexp, mul22, R, twoProd, twoSum } = dd;
const { normalCdf, normalPdf } = erfModule;
const { divPow, sigmoid, sigmoidD1, softplus } = kernels;
const { INV_SQRT_2PI_HI, INV_SQRT_2PI_LO, SQRT2_HI, SQRT2_LO } = coefficients;

// ---------------------------------------------------------------------------------------------
// Shared helpers.
// ---------------------------------------------------------------------------------------------

const TAILS = new Map<number, number>();
/** A small front cache of decimalTail: a linear scan of doubles beats hashing a double key. */
const TAIL_KEYS = new Float64Array(8).fill(NaN);
const TAIL_VALUES = new Float64Array(8);
let tailSlot = 0;
const f64 = new DataView(new ArrayBuffer(8));

/** The exact double v as m·2^e (m a signed BigInt). */
function doubleParts(v: number): { m: bigint; e: number } {
  f64.setFloat64(0, v);
  const bits = f64.getBigUint64(0);
  const be = Number((bits >> 52n) & 0x7ffn);
  const frac = bits & 0xfffffffffffffn;
  const mag = be === 0 ? frac : frac | (1n << 52n);
  return { m: bits >> 63n === 1n ? -mag : mag, e: be === 0 ? -1074 : be - 1075 };
}

/** n/d as a double (d > 0), to well within an ulp (the quotient is formed with 64 bits). */
function ratioToNumber(n: bigint, d: bigint): number {
  if (n === 0n) return 0;
  const neg = n < 0n;
  const a = neg ? -n : n;
  const k = a.toString(2).length - d.toString(2).length - 64;
  const q = k >= 0 ? a / (d << BigInt(k)) : (a << BigInt(-k)) / d;
  const h = Math.trunc(k / 2);
  const v = Number(q) * 2 ** h * 2 ** (k - h);
  return neg ? -v : v;
}

/**
 * decimal(v) − v, where decimal(v) is the shortest decimal that prints as v (`String(v)`):
 * the low half of the double-double that represents the decimal parameter v. 0 for
 * non-finite v. Cached (parameters repeat); exact BigInt arithmetic on a miss.
 */
export function decimalTail(v: number): number {
  for (let i = 0; i < 8; i++) if (TAIL_KEYS[i] === v) return TAIL_VALUES[i]!;
  const tail = slowDecimalTail(v);
  TAIL_KEYS[tailSlot] = v;
  TAIL_VALUES[tailSlot] = tail;
  tailSlot = (tailSlot + 1) & 7;
  return tail;
}

function slowDecimalTail(v: number): number {
  const hit = TAILS.get(v);
  if (hit !== undefined) return hit;
  let tail = 0;
  if (Number.isFinite(v) && v !== 0) {
    const m = /^(-?)(\d+)(?:\.(\d+))?(?:e([+-]\d+))?$/.exec(String(v));
    if (m !== null) {
      const frac = m[3] ?? '';
      const digits = BigInt((m[1] ?? '') + (m[2] ?? '0') + frac);
      const p10 = Number(m[4] ?? '0') - frac.length;
      const { m: dm, e } = doubleParts(v);
      // digits·10^p10 − dm·2^e over the common denominator 10^s10·2^s2.
      const s10 = Math.max(0, -p10);
      const s2 = Math.max(0, -e);
      const a = digits * 10n ** BigInt(p10 + s10) * 2n ** BigInt(s2);
      const b = dm * 2n ** BigInt(e + s2) * 10n ** BigInt(s10);
      tail = ratioToNumber(a - b, 10n ** BigInt(s10) * 2n ** BigInt(s2));
    }
  }
  if (TAILS.size > 512) TAILS.clear();
  TAILS.set(v, tail);
  return tail;
}

/** (ah + al)·x rounded once, for any finite x and |a| well inside the double range. */
function mulDx(ah: number, al: number, x: number): number {
  const ax = Math.abs(x);
  if (ax > 2 ** 900) {
    mul22(ah, al, x * 2 ** -200, 0);
    return (R[0]! + R[1]!) * 2 ** 200;
  }
  if (ax < 2 ** -900) {
    if (ax === 0) return ah * x;
    mul22(ah, al, x * 2 ** 200, 0);
    return (R[0]! + R[1]!) * 2 ** -200;
  }
  mul22(ah, al, x, 0);
  return R[0]! + R[1]!;
}

/** (ch + cl)·e^(xh + xl) rounded (once, unless subnormal), for xh ≤ 709, |xl| ≤ 2^−30. */
function expTimes(xh: number, xl: number, ch: number, cl: number): number {
  if (xh < -800) return 0 * ch;
  expKernelDD(xh, xl);
  const m = R[2]!;
  mul22(R[0]!, R[1]!, ch, cl);
  return ldexp(R[0]! + R[1]!, m);
}

/** Exponent e with |x|·2^−e in [1, 2) for finite non-zero x, and that scaled magnitude (in SC). */
const SC = new Float64Array(2);
function scaleDown(ax: number): void {
  let e = Math.floor(Math.log2(ax));
  let s = ax * 2 ** -e;
  if (!(s < 2)) {
    e += 1;
    s = ax * 2 ** -e;
  } else if (s < 1) {
    e -= 1;
    s = ax * 2 ** -e;
  }
  SC[0] = s;
  SC[1] = e;
}

/** tanh(a) for 0 ≤ a ≤ 20 as a double-double in R: (1 − E)/(1 + E), E = e^(−2a). */
function tanhDD(a: number): void {
  expm1DD(-2 * a);
  const mh = R[0]!;
  const ml = R[1]!;
  twoSum(2, mh);
  div22(-mh, -ml, R[0]!, R[1]! + ml);
}

/** True when x > dh + dl (the double-double of a decimal), exactly. */
function above(x: number, dh: number, dl: number): boolean {
  return x > dh || (x === dh && dl < 0);
}

/** True when x < dh + dl, exactly. */
function below(x: number, dh: number, dl: number): boolean {
  return x < dh || (x === dh && dl > 0);
}

// ---------------------------------------------------------------------------------------------
// relu2
// ---------------------------------------------------------------------------------------------

/**
 * Squared ReLU, relu2(x) = max(0, x)² (Primer; transformers and vLLM `relu2`).
 * Domain: every double; relu2(+∞) = +∞ (overflow to +∞ above x ≈ 1.34e154), relu2(x ≤ 0) = 0.
 * Accuracy: correctly rounded.
 */
export function relu2(x: number): number {
  if (x > 0) return x * x;
  return x === x ? 0 : NaN;
}

/** relu2′(x) = 2x for x > 0, else 0 (0 at x = 0, as PyTorch's relu′(0) = 0). Correctly rounded. */
export function relu2D1(x: number): number {
  if (x > 0) return 2 * x;
  return x === x ? 0 : NaN;
}

/** relu2″(x) = 2 for x > 0, else 0 (a kink of f″ at 0, where it is 0). Exact. */
export function relu2D2(x: number): number {
  if (x > 0) return 2;
  return x === x ? 0 : NaN;
}

// ---------------------------------------------------------------------------------------------
// xIELU
// ---------------------------------------------------------------------------------------------

/**
 * xIELU (transformers `XIELUActivation`, with the effective parameters, i.e. after its
 * softplus re-parameterisation αₚ = softplus(raw αₚ), αₙ = β + softplus(raw αₙ)):
 *
 *     x > 0:  αₚx² + βx           x ≤ 0:  αₙ·(expm1(min(x, ε)) − x) + βx
 *
 * Domain: every double, for αₚ ≥ 0 and αₙ > β (callers refuse αₙ ≤ β). Jump at 0: f(0) =
 * αₙ·expm1(ε) (the x ≤ 0 branch) while f(0⁺) = 0; kink at ε, which belongs to the exp branch
 * (min(x, ε) = x there). f(+∞) = +∞, f(−∞) = +∞ (slope β − αₙ < 0).
 * Method: every branch in double-double, including the root of f near x ≈ −2.43 (defaults) and,
 * for large αₙ/β, the small root near x ≈ −2β/αₙ, where eˣ − 1 − x ≈ x²/2 cancels against βx
 * (`expm1MinusXDD` carries it to ≈2^−100 relative).
 * Accuracy: within 1 ulp.
 */
export function xielu(x: number, alphaP = 0.8, alphaN = 0.8, beta = 0.5, eps = -1e-6): number {
  if (x !== x) return NaN;
  const bh = beta;
  const bl = decimalTail(beta);
  if (x > 0) {
    const ph = alphaP;
    const pl = decimalTail(alphaP);
    if (x === Infinity) return ph > 0 ? x : ph === 0 ? bh * x : -x;
    if (x > 2 ** 480) {
      // βx is below 2^−470 of αₚx²: αₚ·(x·2^−600)², scaled back in two exact steps (x² must
      // stay below 2^996 for the exact products).
      const xs = x * 2 ** -600;
      twoProd(xs, xs);
      mul22(ph, pl, R[0]!, R[1]!);
      return (R[0]! + R[1]!) * 2 ** 600 * 2 ** 600;
    }
    if (x < 2 ** -500) return mulDx(bh, bl, x);
    twoProd(x, x);
    mul22(ph, pl, R[0]!, R[1]!);
    const qh = R[0]!;
    const ql = R[1]!;
    mul22(bh, bl, x, 0);
    add22(qh, ql, R[0]!, R[1]!);
    return R[0]! + R[1]!;
  }
  const nh = alphaN;
  const nl = decimalTail(alphaN);
  if (x < -(2 ** 60)) {
    // −αₙ + (β − αₙ)·x; the constant is below 2^−55 of the result.
    twoSum(bh, -nh);
    const ch = R[0]!;
    const cl = R[1]! + (bl - nl);
    if (x === -Infinity) return ch < 0 ? Infinity : ch > 0 ? -Infinity : -nh;
    if (x < -(2 ** 900)) return mulDx(ch, cl, x);
    mul22(ch, cl, x, 0);
    add22(R[0]!, R[1]!, -nh, -nl);
    return R[0]! + R[1]!;
  }
  if (x <= eps) {
    expm1MinusXDD(x);
  } else {
    expm1DD(eps);
    add22(R[0]!, R[1]!, -x, 0);
  }
  mul22(R[0]!, R[1]!, nh, nl);
  const th = R[0]!;
  const tl = R[1]!;
  if (Math.abs(x) < 2 ** -900) return th + tl;
  mul22(bh, bl, x, 0);
  add22(th, tl, R[0]!, R[1]!);
  return R[0]! + R[1]!;
}

/**
 * xIELU′: 2αₚx + β (x > 0); β − αₙ (ε < x ≤ 0); αₙ·expm1(x) + β (x ≤ ε, the kink at ε taken
 * from the exp branch). At 0 the x ≤ 0 branch (β − αₙ). Within 1 ulp; near its root
 * x = log(1 − β/αₙ) (≈ −0.981 at the defaults) the error is below 2^−60 absolute.
 */
export function xieluD1(x: number, alphaP = 0.8, alphaN = 0.8, beta = 0.5, eps = -1e-6): number {
  if (x !== x) return NaN;
  const bh = beta;
  const bl = decimalTail(beta);
  if (x > 0) {
    const ph = 2 * alphaP;
    const pl = 2 * decimalTail(alphaP);
    if (x === Infinity) return ph > 0 ? x : ph === 0 ? bh : -x;
    if (x > 2 ** 500) return mulDx(ph, pl, x);
    mul22(ph, pl, x, 0);
    add22(R[0]!, R[1]!, bh, bl);
    return R[0]! + R[1]!;
  }
  const nh = alphaN;
  const nl = decimalTail(alphaN);
  if (x > eps) {
    twoSum(bh, -nh);
    return R[0]! + (R[1]! + (bl - nl));
  }
  expm1DD(x);
  mul22(R[0]!, R[1]!, nh, nl);
  add22(R[0]!, R[1]!, bh, bl);
  return R[0]! + R[1]!;
}

/** xIELU″: 2αₚ (x > 0); 0 (ε < x ≤ 0); αₙ·eˣ (x ≤ ε). Within 1 ulp. */
export function xieluD2(x: number, alphaP = 0.8, alphaN = 0.8, _beta = 0.5, eps = -1e-6): number {
  if (x !== x) return NaN;
  if (x > 0) return 2 * alphaP;
  if (x > eps) return 0;
  return expTimes(x, 0, alphaN, decimalTail(alphaN));
}

// ---------------------------------------------------------------------------------------------
// Snake
// ---------------------------------------------------------------------------------------------

/** π/4 = P1 + P2 + P3 + P4 (P1..P3 with 30 significant bits, so that j·Pi is exact for j < 2^23). */
const P1 = 0.7853981638327241;
const P2 = -4.352757846000366e-10;
const P3 = -1.751717198477409e-19;
const P4 = -5.675559303761101e-29;
/** Bits of π/4 (and of the argument) kept by the exact reduction of large arguments. */
const S_BITS = 1400;
let pi4Scaled: bigint | undefined;

/** ⌊π/4·2^S_BITS⌋ by Machin's formula π/4 = 4·atan(1/5) − atan(1/239), computed once. */
function pi4Big(): bigint {
  if (pi4Scaled !== undefined) return pi4Scaled;
  const guard = 32n;
  const one = 1n << (BigInt(S_BITS) + guard);
  const atanInv = (n: bigint): bigint => {
    let sum = 0n;
    let power = one / n;
    const n2 = n * n;
    for (let k = 0n; power !== 0n; k++) {
      const term = power / (2n * k + 1n);
      sum += k % 2n === 0n ? term : -term;
      power /= n2;
    }
    return sum;
  };
  pi4Scaled = (4n * atanInv(5n) - atanInv(239n)) >> guard;
  return pi4Scaled;
}

function floorDiv(a: bigint, b: bigint): bigint {
  const q = a / b;
  return a % b < 0n ? q - 1n : q;
}

/** v·2^S_BITS as a BigInt, truncated (v finite). */
function scaledBig(v: number): bigint {
  if (v === 0) return 0n;
  const { m, e } = doubleParts(v);
  const shift = e + S_BITS;
  return shift >= 0 ? m << BigInt(shift) : m / (1n << BigInt(-shift));
}

/** Which multiples j of π/4 a reduction may take: any, even only, or odd only. */
type Parity = 0 | 1 | 2;
const ANY: Parity = 0;
const EVEN: Parity = 1;
const ODD: Parity = 2;

/**
 * Sets RED[0] + RED[1] = θ − j·π/4 for θ = th + tl (a double-double) and RED[2] = j mod 8, with
 * j the nearest integer of the given parity to θ/(π/4), so |r| ≤ π/8 (ANY) or ≤ π/4 (EVEN,
 * ODD). Below |θ| = 2^19 a Cody–Waite reduction with a four-part π/4 (exact products, error
 * far below 2^−110); above, exact BigInt arithmetic with 1400 bits of π/4.
 */
const RED = new Float64Array(3);
function reduce(th: number, tl: number, parity: Parity): void {
  if (Math.abs(th) < 2 ** 19) {
    const q = th * 1.2732395447351628;
    const j = parity === ANY ? Math.round(q) : parity === EVEN ? 2 * Math.round(q / 2) : 2 * Math.floor(q / 2) + 1;
    twoSum(th, -j * P1);
    const a = R[0]!;
    const e0 = R[1]!;
    twoSum(a, -j * P2);
    const s1 = R[0]!;
    const e1 = R[1]!;
    twoSum(s1, -j * P3);
    const s2 = R[0]!;
    const tail = R[1]! + (e1 + e0) + tl - j * P4;
    const h = s2 + tail;
    RED[0] = h;
    RED[1] = tail - (h - s2);
    RED[2] = ((j % 8) + 8) % 8;
    return;
  }
  const p = pi4Big();
  const t = scaledBig(th) + scaledBig(tl);
  const j = parity === ANY ? floorDiv(2n * t + p, 2n * p) : parity === EVEN ? 2n * floorDiv(t + p, 2n * p) : 2n * floorDiv(t, 2n * p) + 1n;
  const r = t - j * p;
  const neg = r < 0n;
  const mag = neg ? -r : r;
  const len = mag.toString(2).length;
  const sh = Math.max(0, len - 110);
  const top = mag >> BigInt(sh);
  const hi = Number(top);
  const lo = Number(top - BigInt(hi));
  const scale = sh - S_BITS;
  const half = Math.trunc(scale / 2);
  const hs = hi * 2 ** half * 2 ** (scale - half);
  const ls = lo * 2 ** half * 2 ** (scale - half);
  RED[0] = neg ? -hs : hs;
  RED[1] = neg ? -ls : ls;
  RED[2] = Number(((j % 8n) + 8n) % 8n);
}

/** 1/n! as double-doubles (FACT_HI[n] + FACT_LO[n]), n = 0..30. */
const FACT_HI = new Float64Array(31);
const FACT_LO = new Float64Array(31);
{
  let h = 1;
  let l = 0;
  FACT_HI[0] = 1;
  for (let n = 1; n <= 30; n++) {
    div22(h, l, n, 0);
    h = R[0]!;
    l = R[1]!;
    FACT_HI[n] = h;
    FACT_LO[n] = l;
  }
}

/**
 * Sets R to sin(r) (cosine = false) or cos(r) for |r| ≤ π/4 + 2^−20, r = rh + rl, by the Taylor
 * series to the term r^22 or r^23 (truncation below 2^−70 relative): the terms from r^6 on in
 * double (they are below 2^−12 of the sum), the first three in double-double.
 */
function sinCosDD(rh: number, rl: number, cosine: boolean): void {
  mul22(rh, rl, rh, rl);
  const zh = R[0]!;
  const zl = R[1]!;
  const first = cosine ? 0 : 1;
  let n = first + 22;
  let p = FACT_HI[n]!;
  for (n -= 2; n >= first + 6; n -= 2) p = FACT_HI[n]! - zh * p;
  let ph = p;
  let pl = 0;
  for (; n >= first; n -= 2) {
    mul22(ph, pl, -zh, -zl);
    add22(R[0]!, R[1]!, FACT_HI[n]!, FACT_LO[n]!);
    ph = R[0]!;
    pl = R[1]!;
  }
  if (cosine) {
    R[0] = ph;
    R[1] = pl;
  } else {
    mul22(ph, pl, rh, rl);
  }
}

/** Sets T to θ = α·x as a double-double (exact for α = 1), finite when α·x is. */
const T = new Float64Array(2);
function snakeArg(x: number, ah: number, al: number): void {
  if (ah === 1 && al === 0) {
    T[0] = x;
    T[1] = 0;
    return;
  }
  const big = Math.abs(x) > 2 ** 900;
  twoProd(ah, big ? x * 2 ** -200 : x);
  const s = big ? 2 ** 200 : 1;
  const p = R[0]! * s;
  const e = R[1]! * s + al * x;
  T[0] = p + e;
  T[1] = e - (T[0]! - p);
}

/** Sets R to sin²(r) (cosine = false) or cos²(r), double-double. */
function squaredSinCos(rh: number, rl: number, cosine: boolean): void {
  sinCosDD(rh, rl, cosine);
  mul22(R[0]!, R[1]!, R[0]!, R[1]!);
}

/**
 * Snake(x) = x + sin²(αx)/(α + ε) (Ziyin et al., arXiv 2006.08195, is ε = 0, the default;
 * BigVGAN adds ε = 1e−9 to the denominator against division by zero).
 *
 * Domain: every double, α > 0; Snake(±∞) = ±∞. No kinks.
 * Method: αx as a double-double, reduced modulo π/2 exactly (BigInt beyond 2^19), sin² from
 * the double-double Taylor series of sin or cos. Accuracy: within 1 ulp for every x at α = 1.
 * For other α, αx carries an error of about |αx|·2^−106 (α's decimal as a double-double), which
 * near the roots of f′ and f″ costs up to about 2 ulp at |αx| ≈ 1e4 and grows with |αx|.
 */
export function snake(x: number, alpha = 1, eps = 0): number {
  if (!Number.isFinite(x)) return x;
  const ah = alpha;
  const al = decimalTail(alpha);
  if (Math.abs(x) * ah > 2 ** 60) return x;
  snakeArg(x, ah, al);
  reduce(T[0]!, T[1]!, EVEN);
  squaredSinCos(RED[0]!, RED[1]!, RED[2]! % 4 !== 0);
  const sh = R[0]!;
  const sl = R[1]!;
  // The denominator α + ε (BigVGAN's ε = 1e−9; 0 in the paper), as a double-double.
  twoSum(ah, eps);
  div22(sh, sl, R[0]!, R[1]! + al + decimalTail(eps));
  add22(R[0]!, R[1]!, x, 0);
  return R[0]! + R[1]!;
}

/**
 * Snake′(x) = 1 + sin(2αx), evaluated as 2·sin²(αx + π/4) so that it keeps its relative
 * accuracy near its (double) roots αx = −π/4 + kπ. NaN at ±∞ (no limit). Within 1 ulp.
 */
export function snakeD1(x: number, alpha = 1, eps = 0): number {
  if (!Number.isFinite(x)) return NaN;
  snakeArg(x, alpha, decimalTail(alpha));
  reduce(T[0]!, T[1]!, ODD);
  // αx + π/4 = r + (j + 1)·π/4, (j + 1)/2 even ⇔ j ≡ 3 (mod 4).
  squaredSinCos(RED[0]!, RED[1]!, RED[2]! % 4 === 1);
  if (eps === 0) return 2 * (R[0]! + R[1]!);
  // With ε: 1 + c·sin(2αx), c = α/(α + ε), = ε/(α + ε) + c·2sin²(αx + π/4), both terms ≥ 0.
  const dh = 2 * R[0]!;
  const dl = 2 * R[1]!;
  const c = epsRatio(alpha, eps);
  mul22(dh, dl, C2[0]!, C2[1]!);
  return R[0]! + R[1]! + c;
}

/** C2 = α/(α + ε) as a double-double; returns ε/(α + ε) (both parameters decimals). */
const C2 = new Float64Array(2);
function epsRatio(alpha: number, eps: number): number {
  const al = decimalTail(alpha);
  twoSum(alpha, eps);
  const sh = R[0]!;
  const sl = R[1]! + al + decimalTail(eps);
  div22(alpha, al, sh, sl);
  C2[0] = R[0]!;
  C2[1] = R[1]!;
  div22(eps, decimalTail(eps), sh, sl);
  return R[0]! + R[1]!;
}

/** Snake″(x) = 2α·cos(2αx)·α/(α + ε), with 2αx reduced modulo π/2. NaN at ±∞. Within 1 ulp. */
export function snakeD2(x: number, alpha = 1, eps = 0): number {
  if (!Number.isFinite(x)) return NaN;
  const ah = alpha;
  const al = decimalTail(alpha);
  snakeArg(x, ah, al);
  reduce(T[0]!, T[1]!, ANY);
  // cos(2r + j·π/2).
  const q = RED[2]! % 4;
  sinCosDD(2 * RED[0]!, 2 * RED[1]!, q % 2 === 0);
  const sign = q === 1 || q === 2 ? -2 : 2;
  mul22(R[0]!, R[1]!, sign * ah, sign * al);
  if (eps === 0) return R[0]! + R[1]!;
  const ch = R[0]!;
  const cl = R[1]!;
  epsRatio(ah, eps);
  mul22(ch, cl, C2[0]!, C2[1]!);
  return R[0]! + R[1]!;
}

// ---------------------------------------------------------------------------------------------
// CELU
// ---------------------------------------------------------------------------------------------

/** Sets Q2 to x/α as a double-double; returns false when x/α < −745 (then e^(x/α) underflows). */
const Q2 = new Float64Array(2);
function overAlpha(x: number, ah: number, al: number): boolean {
  const q0 = x / ah;
  if (!(q0 >= -745)) return false;
  div22(x, 0, ah, al);
  Q2[0] = R[0]!;
  Q2[1] = R[1]!;
  return true;
}

/**
 * CELU(x) = max(0, x) + min(0, α·expm1(x/α)) (PyTorch `CELU`, Keras 3 and JAX `celu`).
 * Domain: every double, α > 0; CELU(+∞) = +∞, CELU(−∞) = −α, CELU(±0) = ±0. Kink of f″ at 0.
 * Method: x/α and expm1 in double-double (tiny x: the result is x). Within 1 ulp.
 */
export function celu(x: number, alpha = 1): number {
  if (x > 0) return x;
  if (x !== x) return NaN;
  if (x > -(2 ** -900)) return x;
  const ah = alpha;
  const al = decimalTail(alpha);
  if (!overAlpha(x, ah, al)) return -ah;
  const qh = Q2[0]!;
  const ql = Q2[1]!;
  expm1DD(qh);
  // expm1(qh + ql) = expm1(qh) + ql·e^qh (the next term is below 2^−100 relative).
  const eh = R[0]!;
  const el = R[1]! + ql * (1 + eh);
  mul22(eh, el, ah, al);
  return R[0]! + R[1]!;
}

/** CELU′(x) = 1 (x > 0), e^(x/α) (x ≤ 0; PyTorch takes this branch at 0, where both are 1). */
export function celuD1(x: number, alpha = 1): number {
  if (x > 0) return 1;
  if (x !== x) return NaN;
  if (!overAlpha(x, alpha, decimalTail(alpha))) return 0;
  return expTimes(Q2[0]!, Q2[1]!, 1, 0);
}

/**
 * CELU″(x) = e^(x/α)/α for x < 0, 0 for x ≥ 0 (the convention of the ELU entries, whose
 * double backward in PyTorch masks x < 0 strictly). Within 1 ulp.
 */
export function celuD2(x: number, alpha = 1): number {
  if (x >= 0) return 0;
  if (x !== x) return NaN;
  const ah = alpha;
  const al = decimalTail(alpha);
  if (!overAlpha(x, ah, al)) return 0;
  div22(1, 0, ah, al);
  return expTimes(Q2[0]!, Q2[1]!, R[0]!, R[1]!);
}

// ---------------------------------------------------------------------------------------------
// Softsign
// ---------------------------------------------------------------------------------------------

/** (1 + |x|)^(−k) for k = 1, 2, 3, rounded once unless subnormal, any x (finite or not). */
function onePlusAbsPow(x: number, k: 1 | 2 | 3): number {
  const ax = Math.abs(x);
  if (ax === Infinity) return 0;
  let e = 0;
  if (ax > 2 ** 60) {
    scaleDown(ax);
    e = SC[1]!;
    twoSum(SC[0]!, 2 ** -e);
  } else {
    twoSum(1, ax);
  }
  const q = divPow(1, 0, R[0]!, R[1]!, k);
  return e === 0 ? q : ldexp(q, -k * e);
}

/**
 * Softsign(x) = x/(1 + |x|) (PyTorch, Keras, JAX `soft_sign`, ONNX `Softsign`).
 * Domain: every double; softsign(±∞) = ±1, softsign(±0) = ±0. Kink of f″ at 0.
 * Method: 1 + |x| exact as a double-double, one division. Within 1 ulp.
 */
export function softsign(x: number): number {
  if (x !== x) return NaN;
  const ax = Math.abs(x);
  if (ax < 2 ** -60) return x;
  if (ax > 2 ** 60) return x > 0 ? 1 : -1;
  twoSum(1, ax);
  div22(x, 0, R[0]!, R[1]!);
  return R[0]! + R[1]!;
}

/** Softsign′(x) = 1/(1 + |x|)². Within 1 ulp. */
export function softsignD1(x: number): number {
  if (x !== x) return NaN;
  return onePlusAbsPow(x, 2);
}

/** Softsign″(x) = −2·sign(x)/(1 + |x|)³; 0 at x = 0 (PyTorch's autograd, sign(0) = 0). Within 1 ulp. */
export function softsignD2(x: number): number {
  if (x !== x) return NaN;
  if (x === 0) return 0;
  const y = 2 * onePlusAbsPow(x, 3);
  return x > 0 ? -y : y;
}

// ---------------------------------------------------------------------------------------------
// Hardtanh, hard sigmoid
// ---------------------------------------------------------------------------------------------

/**
 * Hardtanh(x) = clamp(x, min, max) (PyTorch `Hardtanh`, defaults −1 and 1; JAX `hard_tanh`).
 * Domain: every double, min ≤ max. Kinks at min and max. Exact.
 */
export function hardtanh(x: number, min = -1, max = 1): number {
  if (x < min) return min;
  if (x > max) return max;
  return x;
}

/** Hardtanh′(x) = 1 on (min, max), else 0 (PyTorch: 0 at min and max). */
export function hardtanhD1(x: number, min = -1, max = 1): number {
  if (x !== x) return NaN;
  return x > min && x < max ? 1 : 0;
}

/** Hardtanh″(x) = 0. */
export function hardtanhD2(x: number, _min = -1, _max = 1): number {
  return x === x ? 0 : NaN;
}

/**
 * Which hard sigmoid: 'relu6' = relu6(x + 3)/6 (PyTorch `Hardsigmoid`, Keras 3, JAX, ggml;
 * kinks at ±3) or 'linear' = clip(0.2x + 0.5, 0, 1) (Keras 2, ONNX `HardSigmoid` defaults
 * α = 0.2, β = 0.5; kinks at ±2.5). A number is the half-width h of the ramp itself (both
 * are clamp((x + h)/(2h), 0, 1): h = 3 and h = 2.5; ONNX `HardSigmoid(α, β = 0.5)` is h = 1/(2α)).
 */
export type HardSigmoidVariant = 'relu6' | 'linear' | number;

function halfWidth(variant: HardSigmoidVariant): number {
  return variant === 'relu6' ? 3 : variant === 'linear' ? 2.5 : variant;
}

/**
 * Hard sigmoid (see {@link HardSigmoidVariant}): (x + h)/(2h) inside, rounded once, with h the
 * decimal it prints as (h > 0).
 */
export function hardSigmoid(x: number, variant: HardSigmoidVariant = 'relu6'): number {
  const eh = halfWidth(variant);
  const el = decimalTail(eh);
  if (!above(x, -eh, -el)) return x === x ? 0 : NaN;
  if (!below(x, eh, el)) return 1;
  twoSum(x, eh);
  div22(R[0]!, R[1]! + el, 2 * eh, 2 * el);
  return R[0]! + R[1]!;
}

/** Hard sigmoid′: 1/(2h) strictly inside, 0 outside and at the kinks (PyTorch's convention). */
export function hardSigmoidD1(x: number, variant: HardSigmoidVariant = 'relu6'): number {
  if (x !== x) return NaN;
  const eh = halfWidth(variant);
  const el = decimalTail(eh);
  if (!above(x, -eh, -el) || !below(x, eh, el)) return 0;
  div22(1, 0, 2 * eh, 2 * el);
  return R[0]! + R[1]!;
}

/** Hard sigmoid″ = 0. */
export function hardSigmoidD2(x: number, _variant: HardSigmoidVariant = 'relu6'): number {
  return x === x ? 0 : NaN;
}

// ---------------------------------------------------------------------------------------------
// log-sigmoid
// ---------------------------------------------------------------------------------------------

/**
 * log σ(x) = −softplus(−x) (PyTorch `LogSigmoid`, Keras 3 and JAX `log_sigmoid`).
 * Domain: every double; logσ(−∞) = −∞, logσ(+∞) = −0. From kernels.ts's softplus
 * (about 1 ulp over all doubles, large |x| included).
 */
export function logSigmoid(x: number): number {
  return -softplus(-x);
}

/** (log σ)′(x) = σ(−x). Within 1 ulp. */
export function logSigmoidD1(x: number): number {
  return sigmoid(-x);
}

/** (log σ)″(x) = −σ(x)σ(−x) = −σ′(x). Within 1 ulp. */
export function logSigmoidD2(x: number): number {
  return -sigmoidD1(x);
}

// ---------------------------------------------------------------------------------------------
// tanhshrink
// ---------------------------------------------------------------------------------------------

/** Coefficients c₂…c₂₀ of x − tanh x = Σ cₙ·x^(2n+1) (c₁ = 1/3 is used as a double-double). */
const TANHSHRINK_C = [-0.13333333333333333, 0.05396825396825397, -0.021869488536155203, 0.008863235529902197,
  -0.003592128036572481, 0.0014558343870513183, -0.000590027440945586, 0.00023912911424355248, -9.691537956929451e-05,
  3.927832388331683e-05, -1.5918905069328964e-05, 6.451689215655431e-06, -2.6147711512907546e-06,
  1.0597268320104654e-06, -4.294911078273806e-07, 1.7406618963571648e-07, -7.054636946400968e-08,
  2.859136662305254e-08, -1.1587644432798853e-08] as const;
const THIRD_HI = 0.3333333333333333;
const THIRD_LO = 1.850371707708594e-17;

/**
 * Tanhshrink(x) = x − tanh(x) (PyTorch `Tanhshrink`, Keras 3 `tanh_shrink`).
 * Domain: every double; ±∞ → ±∞, ±0 → ±0. Method: |x| < 1/2: x³·(1/3 − x²·P(x²)), the Taylor
 * series (no cancellation); beyond, x − tanh x with tanh in double-double. Within 1 ulp.
 */
export function tanhshrink(x: number): number {
  if (x !== x) return NaN;
  const ax = Math.abs(x);
  if (ax < 0.5) {
    if (ax < 2 ** -300) {
      if (ax === 0) return x;
      // x³/3 scaled by 2^900 and back (rounded twice only where the result is subnormal).
      const xs = x * 2 ** 300;
      twoProd(xs, xs);
      mul22(R[0]!, R[1]!, xs, 0);
      mul22(R[0]!, R[1]!, THIRD_HI, THIRD_LO);
      return (R[0]! + R[1]!) * 2 ** -900;
    }
    const z = x * x;
    let p = TANHSHRINK_C[18];
    for (let i = 17; i >= 0; i--) p = p * z + TANHSHRINK_C[i]!;
    add22(THIRD_HI, THIRD_LO, p * z, 0);
    const sh = R[0]!;
    const sl = R[1]!;
    twoProd(x, x);
    mul22(R[0]!, R[1]!, x, 0);
    mul22(R[0]!, R[1]!, sh, sl);
    return R[0]! + R[1]!;
  }
  if (ax > 20) return x > 0 ? x - 1 : x + 1;
  tanhDD(ax);
  add22(ax, 0, -R[0]!, -R[1]!);
  const y = R[0]! + R[1]!;
  return x > 0 ? y : -y;
}

/** Tanhshrink′(x) = 1 − sech²x = tanh²x (no cancellation). Within 1 ulp. */
export function tanhshrinkD1(x: number): number {
  if (x !== x) return NaN;
  const ax = Math.abs(x);
  if (ax > 20) return 1;
  if (ax < 2 ** -500) return x * x;
  tanhDD(ax);
  mul22(R[0]!, R[1]!, R[0]!, R[1]!);
  return R[0]! + R[1]!;
}

/** Tanhshrink″(x) = 2·tanh(x)·sech²(x) = 8·tanh(x)·E/(1 + E)², E = e^(−2|x|). Within 1 ulp. */
export function tanhshrinkD2(x: number): number {
  if (x !== x) return NaN;
  const ax = Math.abs(x);
  if (ax > 400) return x > 0 ? 0 : -0;
  if (ax < 2 ** -500) return 2 * x;
  // tanh|x| as a double-double (1 beyond 20).
  let th = 1;
  let tl = 0;
  if (ax <= 20) {
    tanhDD(ax);
    th = R[0]!;
    tl = R[1]!;
  }
  expKernelDD(-2 * ax, 0);
  const m = R[2]!;
  const eh = R[0]!;
  const el = R[1]!;
  mul22(th, tl, 8 * eh, 8 * el);
  let y: number;
  if (m < -1000) {
    y = ldexp(R[0]! + R[1]!, m);
  } else {
    const nh = R[0]!;
    const nl = R[1]!;
    const Eh = ldexp(eh, m);
    const El = ldexp(el, m);
    twoSum(1, Eh);
    const dh = R[0]!;
    const dl = R[1]! + El;
    mul22(dh, dl, dh, dl);
    div22(nh, nl, R[0]!, R[1]!);
    y = ldexp(R[0]! + R[1]!, m);
  }
  return x > 0 ? y : -y;
}

// ---------------------------------------------------------------------------------------------
// Shrinkage
// ---------------------------------------------------------------------------------------------

/**
 * Softshrink(x) = x − λ (x > λ), x + λ (x < −λ), else 0 (PyTorch `Softshrink`, Keras 3
 * `soft_shrink`, ONNX `Shrink` with bias = λ). λ ≥ 0, default 0.5; kinks at ±λ, compared
 * with the decimal λ exactly. ±∞ → ±∞. Correctly rounded.
 */
export function softshrink(x: number, lambda = 0.5): number {
  const lh = lambda;
  const ll = decimalTail(lambda);
  if (above(x, lh, ll)) {
    if (x === Infinity) return x;
    twoSum(x, -lh);
    return R[0]! + (R[1]! - ll);
  }
  if (below(x, -lh, -ll)) {
    if (x === -Infinity) return x;
    twoSum(x, lh);
    return R[0]! + (R[1]! + ll);
  }
  return x === x ? 0 : NaN;
}

/** Softshrink′ = 1 for |x| > λ, 0 on [−λ, λ] (PyTorch: 0 at ±λ). */
export function softshrinkD1(x: number, lambda = 0.5): number {
  if (x !== x) return NaN;
  const ll = decimalTail(lambda);
  return above(x, lambda, ll) || below(x, -lambda, -ll) ? 1 : 0;
}

/** Softshrink″ = 0. */
export function softshrinkD2(x: number, _lambda = 0.5): number {
  return x === x ? 0 : NaN;
}

/**
 * Hardshrink(x) = x where |x| > λ, else 0 (PyTorch `Hardshrink`, Keras 3 `hard_shrink`, ONNX
 * `Shrink` with bias 0). λ ≥ 0, default 0.5; jumps at ±λ (inside value 0 there, as PyTorch).
 * Exact.
 */
export function hardshrink(x: number, lambda = 0.5): number {
  const ll = decimalTail(lambda);
  if (above(x, lambda, ll) || below(x, -lambda, -ll)) return x;
  return x === x ? 0 : NaN;
}

/** Hardshrink′ = 1 for |x| > λ, 0 on [−λ, λ]. */
export function hardshrinkD1(x: number, lambda = 0.5): number {
  return softshrinkD1(x, lambda);
}

/** Hardshrink″ = 0. */
export function hardshrinkD2(x: number, _lambda = 0.5): number {
  return x === x ? 0 : NaN;
}

// ---------------------------------------------------------------------------------------------
// sparse_plus
// ---------------------------------------------------------------------------------------------

/**
 * sparse_plus(x) = 0 (x ≤ −1), (x + 1)²/4 (−1 < x < 1), x (x ≥ 1) (Keras 3, JAX).
 * Kinks of f″ at ±1, which belong to the outer branches (JAX's `where`). Correctly rounded.
 */
export function sparsePlus(x: number): number {
  if (x <= -1) return 0;
  if (x >= 1) return x;
  if (x !== x) return NaN;
  twoSum(x, 1);
  mul22(R[0]!, R[1]!, R[0]!, R[1]!);
  return (R[0]! + R[1]!) / 4;
}

/** sparse_plus′ = 0, (x + 1)/2, 1 (0 at −1, 1 at 1). Correctly rounded. */
export function sparsePlusD1(x: number): number {
  if (x <= -1) return 0;
  if (x >= 1) return 1;
  if (x !== x) return NaN;
  twoSum(x, 1);
  return (R[0]! + R[1]!) / 2;
}

/** sparse_plus″ = 1/2 on (−1, 1), else 0. */
export function sparsePlusD2(x: number): number {
  if (x !== x) return NaN;
  return x > -1 && x < 1 ? 0.5 : 0;
}

// ---------------------------------------------------------------------------------------------
// squareplus
// ---------------------------------------------------------------------------------------------

/** Sets SQ to s = √(x² + b) as a double-double, |x| ≤ 2^500, b = bh + bl > 0. */
const SQ = new Float64Array(2);
function squareplusRoot(x: number, bh: number, bl: number): void {
  twoProd(x, x);
  add22(R[0]!, R[1]!, bh, bl);
  const ah = R[0]!;
  const al = R[1]!;
  const s0 = Math.sqrt(ah);
  twoProd(s0, s0);
  const c = ((ah - R[0]!) - R[1]! + al) / (2 * s0);
  SQ[0] = s0 + c;
  SQ[1] = c - (SQ[0]! - s0);
}

/**
 * Squareplus(x) = (x + √(x² + b))/2 (Barron, arXiv 2112.11687; Keras 3, JAX), b > 0 (default 4).
 * Domain: every double; squareplus(+∞) = +∞, squareplus(−∞) = 0. No kinks.
 * Method: x ≥ 0 as written, x < 0 as b/(2(√(x² + b) − x)) (no cancellation), in double-double;
 * past |x| = 2^500 the asymptotic forms (no overflow of x²). Within 1 ulp.
 */
export function squareplus(x: number, b = 4): number {
  if (x !== x) return NaN;
  const bh = b;
  const bl = decimalTail(b);
  const ax = Math.abs(x);
  if (ax > 2 ** 500) {
    if (x > 0) return x;
    if (x === -Infinity) return 0;
    // b/(4|x|)·(1 − b/(4x²)): the correction is below 2^−990.
    scaleDown(ax);
    div22(bh / 4, bl / 4, SC[0]!, 0);
    return ldexp(R[0]! + R[1]!, -SC[1]!);
  }
  squareplusRoot(x, bh, bl);
  if (x >= 0) {
    add22(SQ[0]!, SQ[1]!, x, 0);
    return (R[0]! + R[1]!) / 2;
  }
  add22(SQ[0]!, SQ[1]!, ax, 0);
  div22(bh / 2, bl / 2, R[0]!, R[1]!);
  return R[0]! + R[1]!;
}

/** Squareplus′(x) = (1 + x/s)/2, s = √(x² + b); for x < 0 as b/(2s(s − x)). Within 1 ulp. */
export function squareplusD1(x: number, b = 4): number {
  if (x !== x) return NaN;
  const bh = b;
  const bl = decimalTail(b);
  const ax = Math.abs(x);
  if (ax > 2 ** 300) {
    if (x > 0) return 1;
    if (x === -Infinity) return 0;
    scaleDown(ax);
    twoProd(SC[0]!, SC[0]!);
    div22(bh / 4, bl / 4, R[0]!, R[1]!);
    return ldexp(R[0]! + R[1]!, -2 * SC[1]!);
  }
  squareplusRoot(x, bh, bl);
  const sh = SQ[0]!;
  const sl = SQ[1]!;
  if (x >= 0) {
    add22(sh, sl, x, 0);
    div22(R[0]!, R[1]!, 2 * sh, 2 * sl);
    return R[0]! + R[1]!;
  }
  add22(sh, sl, ax, 0);
  mul22(R[0]!, R[1]!, 2 * sh, 2 * sl);
  div22(bh, bl, R[0]!, R[1]!);
  return R[0]! + R[1]!;
}

/** Squareplus″(x) = b/(2(x² + b)^(3/2)). Within 1 ulp. */
export function squareplusD2(x: number, b = 4): number {
  if (x !== x) return NaN;
  const bh = b;
  const bl = decimalTail(b);
  const ax = Math.abs(x);
  if (ax > 2 ** 300) {
    if (ax === Infinity) return 0;
    scaleDown(ax);
    const s = SC[0]!;
    twoProd(s, s);
    mul22(R[0]!, R[1]!, s, 0);
    div22(bh / 2, bl / 2, R[0]!, R[1]!);
    return ldexp(R[0]! + R[1]!, -3 * SC[1]!);
  }
  squareplusRoot(x, bh, bl);
  const sh = SQ[0]!;
  const sl = SQ[1]!;
  mul22(sh, sl, sh, sl);
  mul22(R[0]!, R[1]!, sh, sl);
  div22(bh / 2, bl / 2, R[0]!, R[1]!);
  return R[0]! + R[1]!;
}

// ---------------------------------------------------------------------------------------------
// Laplace
// ---------------------------------------------------------------------------------------------

/**
 * Sets Z to z = (x − μ)/σ as a double-double; returns false when |z| > 40 (where Φ(−|z|) and
 * φ(z)/σ are below half the smallest subnormal, for σ > 2^−70).
 */
const Z = new Float64Array(2);
function laplaceArg(x: number, mh: number, ml: number, sh: number, sl: number): boolean {
  const z0 = (x - mh) / sh;
  if (!(Math.abs(z0) <= 40)) return false;
  twoSum(x, -mh);
  div22(R[0]!, R[1]! - ml, sh, sl);
  Z[0] = R[0]!;
  Z[1] = R[1]!;
  return true;
}

/**
 * Laplace activation ½(1 + erf((x − μ)/(σ√2))) = Φ((x − μ)/σ) (transformers
 * `LaplaceActivation`, μ = 0.707107, σ = 0.282095).
 * Domain: every double, σ > 0; 0 at −∞ (underflow below z ≈ −38.5), 1 at +∞. No kinks.
 * Method: z = (x − μ)/σ in double-double, Φ(z_h) + z_l·φ(z_h) with erf.ts's Φ and φ, which
 * are accurate in the deep tails (no 1 + erf cancellation). Within 2 ulp (typically 1).
 */
export function laplace(x: number, mu = 0.707107, sigma = 0.282095): number {
  if (x !== x) return NaN;
  if (!laplaceArg(x, mu, decimalTail(mu), sigma, decimalTail(sigma))) return (x - mu) / sigma > 0 ? 1 : 0;
  const zh = Z[0]!;
  return normalCdf(zh) + Z[1]! * normalPdf(zh);
}

/**
 * Sets R to 2^(−LAPLACE_M)·φ(z)/σ as a double-double for z = Z, and LAPLACE_M: e^(−z²/2) from
 * the double-double z² (no underflow on the way: scaled by a power of two, undone by the caller).
 */
let laplaceM = 0;
function laplaceDensity(sh: number, sl: number): void {
  mul22(Z[0]!, Z[1]!, Z[0]!, Z[1]!);
  expKernelDD(-0.5 * R[0]!, -0.5 * R[1]!);
  laplaceM = R[2]!;
  mul22(R[0]!, R[1]!, INV_SQRT_2PI_HI, INV_SQRT_2PI_LO);
  div22(R[0]!, R[1]!, sh, sl);
}

/** Laplace′(x) = φ((x − μ)/σ)/σ, e^(−z²/2) from the double-double z. Within 1 ulp. */
export function laplaceD1(x: number, mu = 0.707107, sigma = 0.282095): number {
  if (x !== x) return NaN;
  const sl = decimalTail(sigma);
  if (!laplaceArg(x, mu, decimalTail(mu), sigma, sl)) return 0;
  laplaceDensity(sigma, sl);
  return ldexp(R[0]! + R[1]!, laplaceM);
}

/** Laplace″(x) = −z·φ(z)/σ², z = (x − μ)/σ (root at x = μ, kept relative). Within 1 ulp. */
export function laplaceD2(x: number, mu = 0.707107, sigma = 0.282095): number {
  if (x !== x) return NaN;
  const sl = decimalTail(sigma);
  if (!laplaceArg(x, mu, decimalTail(mu), sigma, sl)) return x > mu ? -0 : 0;
  laplaceDensity(sigma, sl);
  mul22(R[0]!, R[1]!, -Z[0]!, -Z[1]!);
  div22(R[0]!, R[1]!, sigma, sl);
  return ldexp(R[0]! + R[1]!, laplaceM);
}

// ---------------------------------------------------------------------------------------------
// I-BERT GELU
// ---------------------------------------------------------------------------------------------

/** 1/√2 as a double-double. */
const K_HI = SQRT2_HI / 2;
const K_LO = SQRT2_LO / 2;

/**
 * Sets IB to t = |x|/√2 + b as a double-double and returns whether |x|/√2 < −b (inside the
 * polynomial part). No double lies on the kink |x| = −b·√2 (irrational).
 */
const IB = new Float64Array(2);
function ibertArg(ax: number, bh: number, bl: number): boolean {
  if (!(ax < 2 ** 20)) return false;
  twoProd(ax, K_HI);
  const ph = R[0]!;
  const pl = R[1]! + ax * K_LO;
  add22(ph, pl, bh, bl);
  IB[0] = R[0]!;
  IB[1] = R[1]!;
  return R[0]! < 0;
}

/**
 * I-BERT's integer-friendly GELU (Kim et al., arXiv 2101.01321), in real arithmetic:
 *
 *     (x/2)·(1 + L(x/√2)),   L(z) = sgn(z)·[a·(min(|z|, −b) + b)² + 1],  a = −0.2888, b = −1.769
 *
 * With t = |x|/√2 + b: x > 0 inside: x + (a/2)·x·t²; x < 0 inside: −(a/2)·x·t² (the 1 − 1 is
 * cancelled symbolically); outside (|x| ≥ −b√2): x or −0. Kinks at ±(−b)√2 (f′ continuous,
 * f″ jumps) and at 0 (f′ jumps from −ab²/2 to 1 + ab²/2; see the derivative).
 * Domain: every double; ±∞ → +∞, −0. Within 1 ulp.
 */
export function geluIbert(x: number, a = -0.2888, b = -1.769): number {
  if (x !== x) return NaN;
  const ax = Math.abs(x);
  if (!ibertArg(ax, b, decimalTail(b))) return x > 0 ? x : -0;
  if (x === 0) return x;
  const al = decimalTail(a);
  mul22(IB[0]!, IB[1]!, IB[0]!, IB[1]!);
  mul22(R[0]!, R[1]!, a, al);
  if (x > 0) add22(R[0]!, R[1]!, 2, 0);
  mul22(R[0]!, R[1]!, x, 0);
  const y = (R[0]! + R[1]!) / 2;
  return x > 0 ? y : -y;
}

/**
 * I-BERT GELU′: inside, 1 + (a/2)·t(3t − 2b) (x > 0) and −(a/2)·t(3t − 2b) (x < 0); outside 1
 * (x > 0) or 0. At 0, where f′ jumps (by 1 + ab² around 1/2), the value is 1/2: the mean of
 * both sides and what autograd gives for (x/2)(1 + L(x/√2)) with sgn′(0) = 0. Root at
 * x = b√2/3 ≈ −0.834, kept relative. Within 1 ulp.
 */
export function geluIbertD1(x: number, a = -0.2888, b = -1.769): number {
  if (x !== x) return NaN;
  if (x === 0) return 0.5;
  const bh = b;
  const bl = decimalTail(b);
  if (!ibertArg(Math.abs(x), bh, bl)) return x > 0 ? 1 : 0;
  const th = IB[0]!;
  const tl = IB[1]!;
  mul22(th, tl, 3, 0);
  add22(R[0]!, R[1]!, -2 * bh, -2 * bl);
  mul22(R[0]!, R[1]!, th, tl);
  mul22(R[0]!, R[1]!, a / 2, decimalTail(a) / 2);
  if (x > 0) {
    add22(R[0]!, R[1]!, 1, 0);
    return R[0]! + R[1]!;
  }
  return -(R[0]! + R[1]!);
}

/**
 * I-BERT GELU″ = a·(3t − b)/√2 inside (the same on both sides of 0, where it is 2ab/√2),
 * 0 outside. Root at |x| = −(2/3)·b·√2 ≈ 1.668. Within 1 ulp.
 */
export function geluIbertD2(x: number, a = -0.2888, b = -1.769): number {
  if (x !== x) return NaN;
  const bh = b;
  const bl = decimalTail(b);
  if (!ibertArg(Math.abs(x), bh, bl)) return 0;
  mul22(IB[0]!, IB[1]!, 3, 0);
  add22(R[0]!, R[1]!, -bh, -bl);
  mul22(R[0]!, R[1]!, a, decimalTail(a));
  mul22(R[0]!, R[1]!, K_HI, K_LO);
  return R[0]! + R[1]!;
}
