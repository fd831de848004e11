// GELU (exact): GELU(x) = x·Φ(x) = ½·x·(1 + erf(x/√2))
// Source: Hendrycks & Gimpel (2016), arXiv:1606.08415.
// Accurate to a few float ulps for results above 1e-34; no fast-math.

// GELU (exact), f(x).
__device__ __forceinline__ float gelu(float x)
{
    // x beyond ±40 changes nothing (erfc is 0 or 2 there) and keeps ±∞ from making 0·∞
    const float xa = x < -40.0f ? -40.0f : x;
    const float xc = xa > 40.0f ? 40.0f : xa;
    // z = −x/√2 as zh + zl: the rounding of x/√2 would be amplified ~x² times in the tail
    const float zh = xc * -0.70710677f;
    const float ze = fmaf(xc, -0.70710677f, -zh);
    const float zl = ze + xc * -1.21016175e-8f;
    // erfc(zh + zl) = erfc(zh) − (2/√π)·exp(−zh²)·zl to first order
    const float c = erfcf(zh) - 1.1283792f * expf(-(zh * zh)) * zl;
    return 0.5f * xa * c;
}

// Derivative of GELU (exact), f′(x).
__device__ __forceinline__ float gelu_grad(float x)
{
    // x beyond ±40 changes nothing (erfc is 0 or 2 there) and keeps ±∞ from making 0·∞
    const float xa = x < -40.0f ? -40.0f : x;
    const float xc = xa > 40.0f ? 40.0f : xa;
    // z = −x/√2 as zh + zl: the rounding of x/√2 would be amplified ~x² times in the tail
    const float zh = xc * -0.70710677f;
    const float ze = fmaf(xc, -0.70710677f, -zh);
    const float zl = ze + xc * -1.21016175e-8f;
    // erfc(zh + zl) = erfc(zh) − (2/√π)·exp(−zh²)·zl to first order
    const float c = erfcf(zh) - 1.1283792f * expf(-(zh * zh)) * zl;
    // φ(x)·√(2π) = exp(−x²/2) with x² = s + sl exact
    const float s = xc * xc;
    const float sl = fmaf(xc, xc, -s);
    const float g = expf(-0.5f * s);
    const float ex = g - 0.5f * sl * g;
    return 0.5f * c + 0.3989423f * xc * ex;
}

// y[i] = gelu(x[i]) for i < n (grid-stride loop: any grid size works).
// Launch: gelu_kernel<<<(n + 255) / 256, 256>>>(x, y, n);
__global__ void gelu_kernel(const float* __restrict__ x, float* __restrict__ y, size_t n)
{
    for (size_t i = blockIdx.x * (size_t)blockDim.x + threadIdx.x; i < n; i += (size_t)blockDim.x * gridDim.x)
        y[i] = gelu(x[i]);
}

// Backward: dx[i] = dy[i] * gelu_grad(x[i]) for i < n.
// Launch: gelu_backward_kernel<<<(n + 255) / 256, 256>>>(x, dy, dx, n);
__global__ void gelu_backward_kernel(const float* __restrict__ x, const float* __restrict__ dy, float* __restrict__ dx, size_t n)
{
    for (size_t i = blockIdx.x * (size_t)blockDim.x + threadIdx.x; i < n; i += (size_t)blockDim.x * gridDim.x)
        dx[i] = dy[i] * gelu_grad(x[i]);
}
