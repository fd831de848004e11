// GEGLU: y(g, u) = GELU(g)·u, exact GELU
// g is the gate, u the linear input; fused [..., 2d]: gate = first half.
// Source: Shazeer (2020), arXiv:2002.05202.
// y and its partials to a few ulps in double while act(g) is not subnormal; no fast-math.

#include <cmath>
#include <cstddef>

// GELU (exact), f(x).
inline double gelu(double x)
{
    // x beyond ±40 changes nothing (erfc is 0 or 2 there) and keeps ±∞ from making 0·∞
    const double xa = x < -40.0 ? -40.0 : x;
    const double xc = xa > 40.0 ? 40.0 : xa;
    // z = −x/√2 as zh + zl: the rounding of x/√2 would be amplified ~x² times in the tail
    const double zh = xc * -0.7071067811865476;
    const double ze = std::fma(xc, -0.7071067811865476, -zh);
    const double zl = ze + xc * 4.833646656726457e-17;
    // erfc(zh + zl) = erfc(zh) − (2/√π)·exp(−zh²)·zl to first order
    const double c = std::erfc(zh) - 1.1283791670955126 * std::exp(-(zh * zh)) * zl;
    return 0.5 * xa * c;
}

// Derivative of GELU (exact), f′(x).
inline double gelu_grad(double x)
{
    // x beyond ±40 changes nothing (erfc is 0 or 2 there) and keeps ±∞ from making 0·∞
    const double xa = x < -40.0 ? -40.0 : x;
    const double xc = xa > 40.0 ? 40.0 : xa;
    // z = −x/√2 as zh + zl: the rounding of x/√2 would be amplified ~x² times in the tail
    const double zh = xc * -0.7071067811865476;
    const double ze = std::fma(xc, -0.7071067811865476, -zh);
    const double zl = ze + xc * 4.833646656726457e-17;
    // erfc(zh + zl) = erfc(zh) − (2/√π)·exp(−zh²)·zl to first order
    const double c = std::erfc(zh) - 1.1283791670955126 * std::exp(-(zh * zh)) * zl;
    // φ(x)·√(2π) = exp(−x²/2) with x² = s + sl exact
    const double s = xc * xc;
    const double sl = std::fma(xc, xc, -s);
    const double g = std::exp(-0.5 * s);
    const double ex = g - 0.5 * sl * g;
    return 0.5 * c + 0.3989422804014327 * xc * ex;
}

// GEGLU: y(g, u) = GELU(g)·u; g is the gate (activated), u the linear input.
inline double geglu(double g, double u)
{
    return gelu(g) * u;
}

// ∂y/∂g of GEGLU.
inline double geglu_grad_g(double g, double u)
{
    return gelu_grad(g) * u;
}

// ∂y/∂u of GEGLU.
inline double geglu_grad_u(double g, double u)
{
    return gelu(g);
}

// Fused GEGLU: x holds rows of 2d values, y rows of d; gate g = first half of the last dimension, u = second half (vLLM GeluAndMul, ggml).
inline void geglu_gate_first_half(const double* x, double* y, std::size_t rows, std::size_t d)
{
    for (std::size_t r = 0; r < rows; ++r) {
        const std::size_t r2 = r * 2 * d;
        for (std::size_t j = 0; j < d; ++j) y[r * d + j] = geglu(x[r2 + j], x[r2 + d + j]);
    }
}

// Backward of geglu_gate_first_half: dx (rows of 2d, same layout as x) from dy (rows of d).
inline void geglu_gate_first_half_backward(const double* x, const double* dy, double* dx, std::size_t rows, std::size_t d)
{
    for (std::size_t r = 0; r < rows; ++r) {
        const std::size_t r2 = r * 2 * d;
        for (std::size_t j = 0; j < d; ++j) {
            const double g = x[r2 + j], u = x[r2 + d + j], t = dy[r * d + j];
            dx[r2 + j] = t * geglu_grad_g(g, u);
            dx[r2 + d + j] = t * geglu_grad_u(g, u);
        }
    }
}
