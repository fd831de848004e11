/**
 * A self-contained erfc for languages without one (JavaScript, TypeScript, Java, Rust), as IR.
 *
 * The rational approximations are W. J. Cody's, "Rational Chebyshev approximations for the
 * error function", Math. Comp. 23 (1969) 631–637, in the coefficients of his 1990 CALERF
 * (public domain, netlib specfun); the evaluation below is written for this project:
 *   |z| ≤ 0.46875:  erfc = 1 − z·P(z²)/Q(z²)
 *   0.46875 < |z| ≤ 4:  erfc = exp(−z²)·R(|z|)
 *   |z| > 4:  erfc = exp(−z²)/|z|·(1/√π − w·S(w)/T(w)), w = 1/z²
 * and erfc(−z) = 2 − erfc(z). exp(−z²) is exp(−s²)·exp(−(z − s)(z + s)) with s = ⌊2¹⁶z⌋/2¹⁶
 * (Cody uses ⌊16z⌋/16; the finer grid keeps the second factor's argument below 2⁻¹¹), whose
 * square is exact, so the rounding of z² is never amplified. Relative error ≲ 5 ulp, mostly
 * from evaluating the degree-8 rational function on (0.47, 4]; 1–2 ulp elsewhere.
 */
import { Block, type Expr, type Fn, add, call, cmp, div, mul, neg, num, select, sub, v } from './ir';

// Cody's coefficients (18 significant digits in CALERF), each written as the double nearest to it.
const A = [3.1611237438705655, 113.86415415105016, 377.485237685302, 3209.3775891384694, 0.18577770618460315];
const B = [23.601290952344122, 244.02463793444417, 1282.6165260773723, 2844.236833439171];
const C = [0.5641884969886701, 8.883149794388377, 66.11919063714163, 298.6351381974001, 881.952221241769, 1712.0476126340707, 2051.0783778260716, 1230.3393547979972, 2.1531153547440383e-8];
const D = [15.744926110709835, 117.6939508913125, 537.1811018620099, 1621.3895745666903, 3290.7992357334597, 4362.619090143247, 3439.3676741437216, 1230.3393548037495];
const P = [0.30532663496123236, 0.36034489994980445, 0.12578172611122926, 0.016083785148742275, 0.0006587491615298378, 0.016315387137302097];
const Q = [2.568520192289822, 1.8729528499234604, 0.5279051029514285, 0.06051834131244132, 0.0023352049762686918];
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
  b.comment('exp(−z²) = exp(−s²)·exp(−(y − s)(y + s)), s = ⌊2¹⁶y⌋/2¹⁶: s² is exact and (y − s)(y + s) tiny');
  const s = b.let('s', div(call('floor', mul(num(65536), y)), num(65536)));
  const dl = b.let('dl', mul(sub(y, s), add(y, s)));
  const ec = b.let('ec', mul(mul(call('exp', neg(mul(s, s))), call('exp', neg(dl))), r));
  b.stmts.push({ kind: 'return', value: select(cmp('<', z, num(0)), sub(num(2), ec), ec) });
  return { param: 'z', body: b.stmts };
}
