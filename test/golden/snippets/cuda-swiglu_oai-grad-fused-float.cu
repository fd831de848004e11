// SwiGLU gpt-oss: y(g, u) = g′·σ(1.702·g′)·(u′ + 1), g′ = min(g, 7), u′ = clamp(u, −7, 7)
// g is the gate, u the linear input; fused [..., 2d]: interleaved, even = gate (gpt-oss).
// Source: OpenAI (2025).
// y and its partials to a few float ulps while act(g) is not subnormal; no fast-math.

#include <cuda_fp16.h>
#include <cuda_bf16.h>

// Swish x·σ(α·x), α = 1.702, f(x).
__device__ __forceinline__ float swish(float x)
{
    // beyond ±471, σ(k·x) is exactly 0 or 1; the clamp keeps ±∞ from making 0·∞
    const float xa = x < -471.0f ? -471.0f : x;
    const float xc = xa > 471.0f ? 471.0f : xa;
    const float th = 1.702f * xc;
    // t = k·x as th + tl (k itself is not a machine number)
    const float te = fmaf(xc, 1.702f, -th);
    const float tl = te + -2.193451e-8f * xc;
    const float ee = expf(-fabsf(th));
    // exp(−|th + tl|) = exp(−|th|)·(1 ∓ tl)
    const float e = th < 0.0f ? ee + ee * tl : ee - ee * tl;
    const float d1 = 1.0f + e;
    return th < 0.0f ? xa * e / d1 : x / d1;
}

// Derivative of Swish x·σ(α·x), α = 1.702, f′(x).
__device__ __forceinline__ float swish_grad(float x)
{
    // beyond ±471, σ(k·x) is exactly 0 or 1; the clamp keeps ±∞ from making 0·∞
    const float xa = x < -471.0f ? -471.0f : x;
    const float xc = xa > 471.0f ? 471.0f : xa;
    const float th = 1.702f * xc;
    // t = k·x as th + tl (k itself is not a machine number)
    const float te = fmaf(xc, 1.702f, -th);
    const float tl = te + -2.193451e-8f * xc;
    const float ee = expf(-fabsf(th));
    // exp(−|th + tl|) = exp(−|th|)·(1 ∓ tl)
    const float e = th < 0.0f ? ee + ee * tl : ee - ee * tl;
    const float d1 = 1.0f + e;
    // p = σ(|t|), q = σ(−|t|); f′ = σ(t) + w·σ(t)·σ(−t)
    const float p = 1.0f / d1;
    const float q = e / d1;
    const float w = th;
    return th < 0.0f ? q * (1.0f + w * p) : p * (1.0f + w * q);
}

// SwiGLU gpt-oss: y(g, u) = g′·σ(1.702·g′)·(u′ + 1); g is the gate (activated), u the linear input.
__device__ __forceinline__ float swiglu_oai(float g, float u)
{
    const float gc = g > 7.0f ? 7.0f : g;
    const float ul = u < -7.0f ? -7.0f : u;
    const float uc = ul > 7.0f ? 7.0f : ul;
    const float ub = uc + 1.0f;
    return swish(gc) * ub;
}

// ∂y/∂g of SwiGLU gpt-oss (0 above the clamp; g = limit passes, as PyTorch's clamp).
__device__ __forceinline__ float swiglu_oai_grad_g(float g, float u)
{
    const float ul = u < -7.0f ? -7.0f : u;
    const float uc = ul > 7.0f ? 7.0f : ul;
    const float ub = uc + 1.0f;
    const float d = swish_grad(g) * ub;
    return g > 7.0f ? 0.0f : d;
}

// ∂y/∂u of SwiGLU gpt-oss (0 outside ±limit; the bounds pass, as PyTorch's clamp).
__device__ __forceinline__ float swiglu_oai_grad_u(float g, float u)
{
    const float gc = g > 7.0f ? 7.0f : g;
    const float a = swish(gc);
    const float da = u > 7.0f ? 0.0f : a;
    return u < -7.0f ? 0.0f : da;
}

// Storage types in, float arithmetic, and back (round to nearest even).
__device__ __forceinline__ float to_compute(float v) { return v; }
__device__ __forceinline__ float to_compute(__half v) { return __half2float(v); }
__device__ __forceinline__ float to_compute(__nv_bfloat16 v) { return __bfloat162float(v); }
template <typename Storage> __device__ __forceinline__ Storage to_storage(float v);
template <> __device__ __forceinline__ float to_storage<float>(float v) { return v; }
template <> __device__ __forceinline__ __half to_storage<__half>(float v) { return __float2half_rn(v); }
template <> __device__ __forceinline__ __nv_bfloat16 to_storage<__nv_bfloat16>(float v) { return __float2bfloat16_rn(v); }

// Fused SwiGLU gpt-oss over rows of 2d values to rows of d; interleaved as in gpt-oss: even elements are the gate g, odd ones u (vLLM SwigluOAIAndMul).
// Storage: float, __half or __nv_bfloat16; computed in float. Grid-stride loop: any grid size works.
template <typename Storage>
__global__ void swiglu_oai_gate_even_kernel(const Storage* __restrict__ x, Storage* __restrict__ y, size_t rows, size_t d)
{
    for (size_t k = blockIdx.x * (size_t)blockDim.x + threadIdx.x; k < rows * d; k += (size_t)blockDim.x * gridDim.x) {
        const size_t r = k / d, j = k % d, r2 = r * 2 * d;
        y[k] = to_storage<Storage>(swiglu_oai(to_compute(x[r2 + 2 * j]), to_compute(x[r2 + 2 * j + 1])));
    }
}

// Host launcher: x has rows·2d elements, y rows·d (device pointers); swiglu_oai_gate_even<__nv_bfloat16>(x, y, rows, d).
template <typename Storage>
cudaError_t swiglu_oai_gate_even(const Storage* x, Storage* y, size_t rows, size_t d, cudaStream_t stream = 0)
{
    const size_t n = rows * d;
    if (n == 0) return cudaSuccess;
    const size_t blocks = (n + 255) / 256 < 65536 ? (n + 255) / 256 : 65536;
    swiglu_oai_gate_even_kernel<Storage><<<(unsigned)blocks, 256, 0, stream>>>(x, y, rows, d);
    return cudaGetLastError();
}

// Backward of swiglu_oai_gate_even: dx (rows of 2d, same layout as x) from dy (rows of d); computed in float.
template <typename Storage>
__global__ void swiglu_oai_gate_even_backward_kernel(const Storage* __restrict__ x, const Storage* __restrict__ dy, Storage* __restrict__ dx, size_t rows, size_t d)
{
    for (size_t k = blockIdx.x * (size_t)blockDim.x + threadIdx.x; k < rows * d; k += (size_t)blockDim.x * gridDim.x) {
        const size_t r = k / d, j = k % d, r2 = r * 2 * d;
        const float g = to_compute(x[r2 + 2 * j]), u = to_compute(x[r2 + 2 * j + 1]), t = to_compute(dy[k]);
        dx[r2 + 2 * j] = to_storage<Storage>(t * swiglu_oai_grad_g(g, u));
        dx[r2 + 2 * j + 1] = to_storage<Storage>(t * swiglu_oai_grad_u(g, u));
    }
}

// Host launcher of the backward kernel (device pointers).
template <typename Storage>
cudaError_t swiglu_oai_gate_even_backward(const Storage* x, const Storage* dy, Storage* dx, size_t rows, size_t d, cudaStream_t stream = 0)
{
    const size_t n = rows * d;
    if (n == 0) return cudaSuccess;
    const size_t blocks = (n + 255) / 256 < 65536 ? (n + 255) / 256 : 65536;
    swiglu_oai_gate_even_backward_kernel<Storage><<<(unsigned)blocks, 256, 0, stream>>>(x, dy, dx, rows, d);
    return cudaGetLastError();
}
