/**
 * Error function family. PROVISIONAL implementation (series + continued fraction); being
 * replaced by the accurate piecewise-polynomial one. Signatures are final.
 */

const TWO_OVER_SQRT_PI = 1.1283791670955126;
const INV_SQRT_2PI = 0.3989422804014327;

/** erf(z) = 2/√π ∫₀ᶻ e^(−t²) dt. */
export function erf(z: number): number {
  if (Number.isNaN(z)) return NaN;
  if (Math.abs(z) < 2.5) {
    let term = z;
    let sum = z;
    const z2 = z * z;
    for (let n = 1; n < 200; n++) {
      term *= -z2 / n;
      const add = term / (2 * n + 1);
      sum += add;
      if (Math.abs(add) < 1e-18 * Math.abs(sum)) break;
    }
    return TWO_OVER_SQRT_PI * sum;
  }
  return z > 0 ? 1 - erfc(z) : erfc(-z) - 1;
}

/** erfc(z) = 1 − erf(z). */
export function erfc(z: number): number {
  if (Number.isNaN(z)) return NaN;
  if (z < 2.5) return 1 - erf(z);
  if (z > 27.3) return 0;
  // Continued fraction (Lentz).
  const tiny = 1e-300;
  let f = z;
  let c = z;
  let d = 0;
  for (let n = 1; n < 500; n++) {
    const a = n / 2;
    d = z + a * d;
    d = d === 0 ? tiny : 1 / d;
    c = z + a / c;
    if (c === 0) c = tiny;
    const delta = c * d;
    f *= delta;
    if (Math.abs(delta - 1) < 1e-16) break;
  }
  return Math.exp(-z * z) / f / Math.sqrt(Math.PI);
}

/** Φ(x), the standard normal CDF. */
export function normalCdf(x: number): number {
  return 0.5 * erfc(-x / Math.SQRT2);
}

/** φ(x), the standard normal density. */
export function normalPdf(x: number): number {
  return INV_SQRT_2PI * Math.exp(-0.5 * x * x);
}
