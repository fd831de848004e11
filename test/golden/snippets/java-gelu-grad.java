// GELU (exact): GELU(x) = x·Φ(x) = ½·x·(1 + erf(x/√2))
// Source: Hendrycks & Gimpel (2016), arXiv:1606.08415.
// Accurate to a few ulps in double for results above 1e-303 (up to 6 ulps near x ≈ −4.95 from
//   the Cody erfc).

/** GELU (exact). Java 9 or later (Math.fma). */
final class GELU {
    private GELU() {}

    /** GELU (exact), f(x). */
    public static double gelu(double x) {
        // x beyond ±40 changes nothing (erfc is 0 or 2 there) and keeps ±∞ from making 0·∞
        final double xa = x < -40.0 ? -40.0 : x;
        final double xc = xa > 40.0 ? 40.0 : xa;
        // z = −x/√2 as zh + zl: the rounding of x/√2 would be amplified ~x² times in the tail
        final double zh = xc * -0.7071067811865476;
        final double ze = Math.fma(xc, -0.7071067811865476, -zh);
        final double zl = ze + xc * 4.833646656726457e-17;
        // erfc(zh + zl) = erfc(zh) − (2/√π)·exp(−zh²)·zl to first order
        final double c = erfc(zh) - 1.1283791670955126 * Math.exp(-(zh * zh)) * zl;
        return 0.5 * xa * c;
    }

    /** Derivative of GELU (exact), f′(x). */
    public static double geluGrad(double x) {
        // x beyond ±40 changes nothing (erfc is 0 or 2 there) and keeps ±∞ from making 0·∞
        final double xa = x < -40.0 ? -40.0 : x;
        final double xc = xa > 40.0 ? 40.0 : xa;
        // z = −x/√2 as zh + zl: the rounding of x/√2 would be amplified ~x² times in the tail
        final double zh = xc * -0.7071067811865476;
        final double ze = Math.fma(xc, -0.7071067811865476, -zh);
        final double zl = ze + xc * 4.833646656726457e-17;
        // erfc(zh + zl) = erfc(zh) − (2/√π)·exp(−zh²)·zl to first order
        final double c = erfc(zh) - 1.1283791670955126 * Math.exp(-(zh * zh)) * zl;
        // φ(x)·√(2π) = exp(−x²/2) with x² = s + sl exact
        final double s = xc * xc;
        final double sl = Math.fma(xc, xc, -s);
        final double g = Math.exp(-0.5 * s);
        final double ex = g - 0.5 * sl * g;
        return 0.5 * c + 0.3989422804014327 * xc * ex;
    }

    /** erfc(z) = 1 − erf(z) to about 1 ulp (W. J. Cody's rational approximations); the JDK has no erfc. */
    private static double erfc(double z) {
        final double y = Math.abs(z);
        // |z| ≤ 0.46875: erfc = 1 − erf, erf(z) = z·P(z²)/Q(z²)
        final double y2 = y * y;
        final double pn0 = (((0.18577770618460315 * y2 + 3.1611237438705655) * y2 + 113.86415415105016) * y2 + 377.485237685302) * y2;
        final double pn1 = pn0 + 3209.3775891384694;
        final double pd0 = (((y2 + 23.601290952344122) * y2 + 244.02463793444417) * y2 + 1282.6165260773723) * y2;
        final double pd1 = pd0 + 2844.236833439171;
        if (y <= 0.46875) return 1.0 - z * pn1 / pd1;
        if (z >= 28.0) return 0.0;
        if (z <= -6.0) return 2.0;
        // 0.46875 < |z| ≤ 4: erfc(|z|) = exp(−z²)·R(|z|)
        final double rn0 = (((2.1531153547440383e-8 * y + 0.5641884969886701) * y + 8.883149794388377) * y + 66.11919063714163) * y;
        final double rn1 = (((rn0 + 298.6351381974001) * y + 881.952221241769) * y + 1712.0476126340707) * y;
        final double rn2 = (rn1 + 2051.0783778260716) * y + 1230.3393547979972;
        final double rd0 = (((y + 15.744926110709835) * y + 117.6939508913125) * y + 537.1811018620099) * y;
        final double rd1 = (((rd0 + 1621.3895745666903) * y + 3290.7992357334597) * y + 4362.619090143247) * y;
        final double rd2 = (rd1 + 3439.3676741437216) * y + 1230.3393548037495;
        // |z| > 4: erfc(|z|) = exp(−z²)/|z|·(1/√π − w·S(w)/T(w)), w = 1/z²
        final double w = 1.0 / (y * y);
        final double sn0 = (((0.016315387137302097 * w + 0.30532663496123236) * w + 0.36034489994980445) * w + 0.12578172611122926) * w;
        final double sn1 = (sn0 + 0.016083785148742275) * w + 0.0006587491615298378;
        final double sd0 = (((w + 2.568520192289822) * w + 1.8729528499234604) * w + 0.5279051029514285) * w;
        final double sd1 = (sd0 + 0.06051834131244132) * w + 0.0023352049762686918;
        final double r = y <= 4.0 ? rn2 / rd2 : (0.5641895835477563 - w * sn1 / sd1) / y;
        // exp(−z²) = exp(−s²)·exp(−(y − s)(y + s)), s = ⌊2¹⁶y⌋/2¹⁶: s² is exact and (y − s)(y + s) tiny
        final double s = Math.floor(65536.0 * y) / 65536.0;
        final double dl = (y - s) * (y + s);
        final double ec = Math.exp(-(s * s)) * Math.exp(-dl) * r;
        return z < 0.0 ? 2.0 - ec : ec;
    }
}
