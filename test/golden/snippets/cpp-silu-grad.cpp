// SiLU / Swish: x·σ(β·x), β = 1
// Source: Hendrycks & Gimpel (2016); Elfwing, Uchibe & Doya (2018).
// Accurate to a few ulps in double for results above 1e-303; no fast-math.

#include <cmath>

// SiLU / Swish, f(x).
inline double silu(double x)
{
    // beyond ±800, σ(x) is exactly 0 or 1; the clamp keeps ±∞ from making 0·∞
    const double xa = x < -800.0 ? -800.0 : x;
    const double xc = xa > 800.0 ? 800.0 : xa;
    const double ee = std::exp(-std::abs(xc));
    const double d1 = 1.0 + ee;
    return xc < 0.0 ? xa * ee / d1 : x / d1;
}

// Derivative of SiLU / Swish, f′(x).
inline double silu_grad(double x)
{
    // beyond ±800, σ(x) is exactly 0 or 1; the clamp keeps ±∞ from making 0·∞
    const double xa = x < -800.0 ? -800.0 : x;
    const double xc = xa > 800.0 ? 800.0 : xa;
    const double ee = std::exp(-std::abs(xc));
    const double d1 = 1.0 + ee;
    // p = σ(|t|), q = σ(−|t|); f′ = σ(t) + w·σ(t)·σ(−t)
    const double p = 1.0 / d1;
    const double q = ee / d1;
    const double w = xc;
    return xc < 0.0 ? q * (1.0 + w * p) : p * (1.0 + w * q);
}
