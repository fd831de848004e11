# SwiGLU: y(g, u) = g·σ(g)·u
# g is the gate (activated), u the linear input.
# Source: Shazeer (2020), arXiv:2002.05202.
# y and its partials to a few ulps in double while act(g) is not subnormal.

"""
    silu(x)

SiLU / Swish, f(x). For arrays, broadcast: `silu.(x)`.
"""
function silu(x::Float64)
    # beyond ±800, σ(x) is exactly 0 or 1; the clamp keeps ±∞ from making 0·∞
    xa = x < -800.0 ? -800.0 : x
    xc = xa > 800.0 ? 800.0 : xa
    ee = exp(-abs(xc))
    d1 = 1.0 + ee
    return xc < 0.0 ? xa * ee / d1 : x / d1
end

"""
    silu_grad(x)

Derivative of SiLU / Swish, f′(x).
"""
function silu_grad(x::Float64)
    # beyond ±800, σ(x) is exactly 0 or 1; the clamp keeps ±∞ from making 0·∞
    xa = x < -800.0 ? -800.0 : x
    xc = xa > 800.0 ? 800.0 : xa
    ee = exp(-abs(xc))
    d1 = 1.0 + ee
    # p = σ(|t|), q = σ(−|t|); f′ = σ(t) + w·σ(t)·σ(−t)
    p = 1.0 / d1
    q = ee / d1
    w = xc
    return xc < 0.0 ? q * (1.0 + w * p) : p * (1.0 + w * q)
end

"""
    swiglu(g, u)

SwiGLU: y(g, u) = g·σ(g)·u; g is the gate (activated), u the linear input. For arrays, broadcast: `swiglu.(g, u)`.
"""
function swiglu(g::Float64, u::Float64)
    return silu(g) * u
end

"""
    swiglu_grad_g(g, u)

∂y/∂g of SwiGLU. For arrays, broadcast: `swiglu_grad_g.(g, u)`.
"""
function swiglu_grad_g(g::Float64, u::Float64)
    return silu_grad(g) * u
end

"""
    swiglu_grad_u(g, u)

∂y/∂u of SwiGLU. For arrays, broadcast: `swiglu_grad_u.(g, u)`.
"""
function swiglu_grad_u(g::Float64, u::Float64)
    return silu(g)
end
