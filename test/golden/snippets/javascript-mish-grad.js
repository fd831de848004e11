// Mish: x·tanh(softplus(x))
// Source: Misra (2019), arXiv:1908.08681.
// Accurate to a few ulps in double.

/**
 * Mish, f(x).
 * @param {number} x
 * @returns {number}
 */
function mish(x) {
  const xa = x < -800.0 ? -800.0 : x;
  const e = Math.exp(-Math.abs(x));
  const n = 1.0 + 2.0 * e;
  const d = n + 2.0 * e * e;
  const nn = e * (e + 2.0);
  const dn = nn + 2.0;
  return x >= 0.0 ? x * n / d : xa * nn / dn;
}

/**
 * Derivative of Mish, f′(x).
 * @param {number} x
 * @returns {number}
 */
function mishGrad(x) {
  const xa = x < -800.0 ? -800.0 : x;
  const xc = xa > 800.0 ? 800.0 : xa;
  const e = Math.exp(-Math.abs(x));
  const n = 1.0 + 2.0 * e;
  const d = n + 2.0 * e * e;
  const nn = e * (e + 2.0);
  const dn = nn + 2.0;
  // f′ = tanh(sp) + x·sech²(sp)·σ(x), sp = softplus(x)
  const gp = n / d + 4.0 * xc * e * e * (1.0 + e) / (d * d);
  const pn = ((e + 4.0) * e + (6.0 + 4.0 * xc)) * e + 4.0 * (1.0 + xc);
  const gn = e * pn / (dn * dn);
  return x >= 0.0 ? gp : gn;
}
