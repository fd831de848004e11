/**
 * A self-contained erfc for languages without one (JavaScript, TypeScript, Java, Rust), as IR.
 *
 * The rational approximations are W. J. Cody's, "Rational Chebyshev approximations for the
 * error function", Math. Comp. 23 (1969) 631–637, in the coefficients of his 1990 CALERF
 * (public domain, netlib specfun); the evaluation below is written for this project:
 *   |z| ≤ 0.46875:  erfc = 1 − z·P(z²)/Q(z²)
 *   0.46875 < |z| ≤ 4:  erfc = exp(−z²)·R(|z|)
 *   |z| > 4:  erfc = exp(−z²)/|z|·(1/√π − w·S(w)/T(w)), w = 1/z²
 * and erfc(−z) = 2 − erfc(z). exp(−z²) is exp(−s²)·exp(−(z − s)(z + s)) with s = ⌊16z⌋/16,
 * whose square is exact, so the rounding of z² is never amplified. Relative error ≲ 2 ulp.
 */
import { Block, type Expr, type Fn, add, call, cmp, div, mul, neg, num, select, sub, v } from './ir';

const A = [3.1611237438705656, 113.864154151050156, 377.485237685302021, 3209.37758913846947, 0.185777706184603153];
const B = [23.6012909523441209, 244.024637934444173, 1282.61652607737228, 2844.23683343917062];
const C = [
  0.564188496988670089, 8.88314979438837594, 66.1191906371416295, 298.635138197400131, 881.95222124176909, 1712.04761263407058,
  2051.07837782607147, 1230.33935479799725, 2.15311535474403846e-8,
];
const D = [15.7449261107098347, 117.693950891312499, 537.181101862009858, 1621.38957456669019, 3290.79923573345963, 4362.61909014324716, 3439.36767414372164, 1230.33935480374942];
const P = [0.305326634961232344, 0.360344899949804439, 0.125781726111229246, 0.0160837851487422766, 6.58749161529837803e-4, 0.0163153871373020978];
const Q = [2.56852019228982242, 1.87295284992346047, 0.527905102951428412, 0.0605183413124413191, 0.00233520497626869185];
const INV_SQRT_PI = 0.5641895835477563;

/**
 * Horner's rule for lead·tᵏ + c₀·tᵏ⁻¹ + … + c_{k−1}, written as a chain of `let`s of at most
 * three steps each so the printed lines stay short. `lead` undefined means a leading 1.
 */
function horner(b: Block, name: string, t: Expr, lead: number | undefined, cs: readonly number[]): Expr {
  let acc: Expr = lead === undefined ? t : mul(num(lead), t);
  let step = 0;
  let part = 0;
  for (let i = 0; i < cs.length; i++) {
    const c = cs[i] as number;
    acc = add(acc, num(c));
    if (i < cs.length - 1) acc = mul(acc, t);
    step++;
    if (step === 3 && i < cs.length - 1) {
      acc = b.let(`${name}${part++}`, acc);
      step = 0;
    }
  }
  return b.let(`${name}${part}`, acc);
}

/** erfc(z) for every double z (NaN in, NaN out). */
export function erfcHelper(): Fn {
  const z = v('z');
  const b = new Block();
  const y = b.let('y', call('abs', z));
  b.comment('|z| ≤ 0.46875: erfc = 1 − erf, erf(z) = z·P(z²)/Q(z²)');
  const y2 = b.let('y2', mul(y, y));
  const pn = horner(b, 'pn', y2, A[4], A.slice(0, 4));
  const pd = horner(b, 'pd', y2, undefined, B);
  b.ifReturn(cmp('<=', y, num(0.46875)), sub(num(1), div(mul(z, pn), pd)));
  b.ifReturn(cmp('>=', z, num(28)), num(0));
  b.ifReturn(cmp('<=', z, num(-6)), num(2));
  b.comment('0.46875 < |z| ≤ 4: erfc(|z|) = exp(−z²)·R(|z|)');
  const rn = horner(b, 'rn', y, C[8], C.slice(0, 8));
  const rd = horner(b, 'rd', y, undefined, D);
  b.comment('|z| > 4: erfc(|z|) = exp(−z²)/|z|·(1/√π − w·S(w)/T(w)), w = 1/z²');
  const w = b.let('w', div(num(1), mul(y, y)));
  const sn = horner(b, 'sn', w, P[5], P.slice(0, 5));
  const sd = horner(b, 'sd', w, undefined, Q);
  const r = b.let('r', select(cmp('<=', y, num(4)), div(rn, rd), div(sub(num(INV_SQRT_PI), div(mul(w, sn), sd)), y)));
  b.comment('exp(−z²) = exp(−s²)·exp(−(y − s)(y + s)), s = ⌊16y⌋/16 so that s² is exact');
  const s = b.let('s', div(call('floor', mul(num(16), y)), num(16)));
  const dl = b.let('dl', mul(sub(y, s), add(y, s)));
  const ec = b.let('ec', mul(mul(call('exp', neg(mul(s, s))), call('exp', neg(dl))), r));
  b.stmts.push({ kind: 'return', value: select(cmp('<', z, num(0)), sub(num(2), ec), ec) });
  return { param: 'z', body: b.stmts };
}
