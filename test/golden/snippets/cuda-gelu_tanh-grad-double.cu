// GELU (tanh approximation): ½·x·(1 + tanh(√(2/π)·(x + c·x³))), c = 0.044715
// Source: Hendrycks & Gimpel (2016), arXiv:1606.08415.
// Accurate to a few ulps in double for results above 1e-303 (f′ up to 5 ulps near x ≈ −3.56);
//   no fast-math.

// GELU (tanh approximation), f(x).
__device__ __forceinline__ double gelu(double x)
{
    // beyond ±30, σ(t) is exactly 0 or 1; the clamp also keeps x³ finite and ±∞ from making 0·∞
    const double xa = x < -30.0 ? -30.0 : x;
    const double xc = xa > 30.0 ? 30.0 : xa;
    // t = 2u = x·(A + B·x²) as th + tl, with A = 2·√(2/π), B = A·c and x² exact
    const double s = xc * xc;
    const double sl = fma(xc, xc, -s);
    const double m = 0.07135481627260025 * s;
    const double me = fma(0.07135481627260025, s, -m);
    const double ml = me + (0.07135481627260025 * sl + -6.175149918155315e-19 * s);
    const double a = 1.5957691216057308 + m;
    const double ae_v = a - 1.5957691216057308;
    const double ae = 1.5957691216057308 - (a - ae_v) + (m - ae_v);
    const double al = ae + (-9.96930880911092e-17 + ml);
    const double th = xc * a;
    const double te = fma(xc, a, -th);
    const double tl = te + xc * al;
    const double ee = exp(-fabs(th));
    // exp(−|th + tl|) = exp(−|th|)·(1 ∓ tl)
    const double e = th < 0.0 ? ee + ee * tl : ee - ee * tl;
    const double d1 = 1.0 + e;
    return th < 0.0 ? xa * e / d1 : x / d1;
}

// Derivative of GELU (tanh approximation), f′(x).
__device__ __forceinline__ double gelu_grad(double x)
{
    // beyond ±30, σ(t) is exactly 0 or 1; the clamp also keeps x³ finite and ±∞ from making 0·∞
    const double xa = x < -30.0 ? -30.0 : x;
    const double xc = xa > 30.0 ? 30.0 : xa;
    // t = 2u = x·(A + B·x²) as th + tl, with A = 2·√(2/π), B = A·c and x² exact
    const double s = xc * xc;
    const double sl = fma(xc, xc, -s);
    const double m = 0.07135481627260025 * s;
    const double me = fma(0.07135481627260025, s, -m);
    const double ml = me + (0.07135481627260025 * sl + -6.175149918155315e-19 * s);
    const double a = 1.5957691216057308 + m;
    const double ae_v = a - 1.5957691216057308;
    const double ae = 1.5957691216057308 - (a - ae_v) + (m - ae_v);
    const double al = ae + (-9.96930880911092e-17 + ml);
    const double th = xc * a;
    const double te = fma(xc, a, -th);
    const double tl = te + xc * al;
    const double ee = exp(-fabs(th));
    // exp(−|th + tl|) = exp(−|th|)·(1 ∓ tl)
    const double e = th < 0.0 ? ee + ee * tl : ee - ee * tl;
    const double d1 = 1.0 + e;
    // p = σ(|t|), q = σ(−|t|); f′ = σ(t) + w·σ(t)·σ(−t)
    const double p = 1.0 / d1;
    const double q = e / d1;
    const double dt = 1.5957691216057308 + 0.21406444881780073 * s;
    const double w = xc * dt;
    return th < 0.0 ? q * (1.0 + w * p) : p * (1.0 + w * q);
}

// y[i] = gelu(x[i]) for i < n (grid-stride loop: any grid size works).
// Launch: gelu_kernel<<<(n + 255) / 256, 256>>>(x, y, n);
__global__ void gelu_kernel(const double* __restrict__ x, double* __restrict__ y, size_t n)
{
    for (size_t i = blockIdx.x * (size_t)blockDim.x + threadIdx.x; i < n; i += (size_t)blockDim.x * gridDim.x)
        y[i] = gelu(x[i]);
}

// Backward: dx[i] = dy[i] * gelu_grad(x[i]) for i < n.
// Launch: gelu_backward_kernel<<<(n + 255) / 256, 256>>>(x, dy, dx, n);
__global__ void gelu_backward_kernel(const double* __restrict__ x, const double* __restrict__ dy, double* __restrict__ dx, size_t n)
{
    for (size_t i = blockIdx.x * (size_t)blockDim.x + threadIdx.x; i < n; i += (size_t)blockDim.x * gridDim.x)
        dx[i] = dy[i] * gelu_grad(x[i]);
}
