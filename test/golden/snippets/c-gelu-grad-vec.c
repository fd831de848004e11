// GELU (exact): GELU(x) = x·Φ(x) = ½·x·(1 + erf(x/√2))
// Source: Hendrycks & Gimpel (2016), arXiv:1606.08415.
// Accurate to a few ulps in double for results above 1e-303; no fast-math.

#include <math.h>
#include <stddef.h>

// GELU (exact), f(x).
double gelu(double x)
{
    // x beyond ±40 changes nothing (erfc is 0 or 2 there) and keeps ±∞ from making 0·∞
    const double xa = x < -40.0 ? -40.0 : x;
    const double xc = xa > 40.0 ? 40.0 : xa;
    // z = −x/√2 as zh + zl: the rounding of x/√2 would be amplified ~x² times in the tail
    const double zh = xc * -0.7071067811865476;
    const double ze = fma(xc, -0.7071067811865476, -zh);
    const double zl = ze + xc * 4.833646656726457e-17;
    // erfc(zh + zl) = erfc(zh) − (2/√π)·exp(−zh²)·zl to first order
    const double c = erfc(zh) - 1.1283791670955126 * exp(-(zh * zh)) * zl;
    return 0.5 * xa * c;
}

// Derivative of GELU (exact), f′(x).
double gelu_grad(double x)
{
    // x beyond ±40 changes nothing (erfc is 0 or 2 there) and keeps ±∞ from making 0·∞
    const double xa = x < -40.0 ? -40.0 : x;
    const double xc = xa > 40.0 ? 40.0 : xa;
    // z = −x/√2 as zh + zl: the rounding of x/√2 would be amplified ~x² times in the tail
    const double zh = xc * -0.7071067811865476;
    const double ze = fma(xc, -0.7071067811865476, -zh);
    const double zl = ze + xc * 4.833646656726457e-17;
    // erfc(zh + zl) = erfc(zh) − (2/√π)·exp(−zh²)·zl to first order
    const double c = erfc(zh) - 1.1283791670955126 * exp(-(zh * zh)) * zl;
    // φ(x)·√(2π) = exp(−x²/2) with x² = s + sl exact
    const double s = xc * xc;
    const double sl = fma(xc, xc, -s);
    const double g = exp(-0.5 * s);
    const double ex = g - 0.5 * sl * g;
    return 0.5 * c + 0.3989422804014327 * xc * ex;
}

// y[i] = gelu(x[i]) for i < n.
void gelu_array(const double *x, double *y, size_t n)
{
    for (size_t i = 0; i < n; i++) y[i] = gelu(x[i]);
}

// y[i] = gelu_grad(x[i]) for i < n.
void gelu_grad_array(const double *x, double *y, size_t n)
{
    for (size_t i = 0; i < n; i++) y[i] = gelu_grad(x[i]);
}
