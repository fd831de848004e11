# GELU (tanh approximation): ½·x·(1 + tanh(√(2/π)·(x + c·x³))), c = 0.044715
# Source: Hendrycks & Gimpel (2016), arXiv:1606.08415.
# Accurate to a few ulps in double for results above 1e-303 (f′ up to 5 ulps near x ≈ −3.56).

"""
    gelu(x)

GELU (tanh approximation), f(x). For arrays, broadcast: `gelu.(x)`.
"""
function gelu(x::Float64)
    # beyond ±30, σ(t) is exactly 0 or 1; the clamp also keeps x³ finite and ±∞ from making 0·∞
    xa = x < -30.0 ? -30.0 : x
    xc = xa > 30.0 ? 30.0 : xa
    # t = 2u = x·(A + B·x²) as th + tl, with A = 2·√(2/π), B = A·c and x² exact
    s = xc * xc
    sl = fma(xc, xc, -s)
    m = 0.07135481627260025 * s
    me = fma(0.07135481627260025, s, -m)
    ml = me + (0.07135481627260025 * sl + -6.175149918155315e-19 * s)
    a = 1.5957691216057308 + m
    ae_v = a - 1.5957691216057308
    ae = 1.5957691216057308 - (a - ae_v) + (m - ae_v)
    al = ae + (-9.96930880911092e-17 + ml)
    th = xc * a
    te = fma(xc, a, -th)
    tl = te + xc * al
    ee = exp(-abs(th))
    # exp(−|th + tl|) = exp(−|th|)·(1 ∓ tl)
    e = th < 0.0 ? ee + ee * tl : ee - ee * tl
    d1 = 1.0 + e
    return th < 0.0 ? xa * e / d1 : x / d1
end

"""
    gelu_grad(x)

Derivative of GELU (tanh approximation), f′(x).
"""
function gelu_grad(x::Float64)
    # beyond ±30, σ(t) is exactly 0 or 1; the clamp also keeps x³ finite and ±∞ from making 0·∞
    xa = x < -30.0 ? -30.0 : x
    xc = xa > 30.0 ? 30.0 : xa
    # t = 2u = x·(A + B·x²) as th + tl, with A = 2·√(2/π), B = A·c and x² exact
    s = xc * xc
    sl = fma(xc, xc, -s)
    m = 0.07135481627260025 * s
    me = fma(0.07135481627260025, s, -m)
    ml = me + (0.07135481627260025 * sl + -6.175149918155315e-19 * s)
    a = 1.5957691216057308 + m
    ae_v = a - 1.5957691216057308
    ae = 1.5957691216057308 - (a - ae_v) + (m - ae_v)
    al = ae + (-9.96930880911092e-17 + ml)
    th = xc * a
    te = fma(xc, a, -th)
    tl = te + xc * al
    ee = exp(-abs(th))
    # exp(−|th + tl|) = exp(−|th|)·(1 ∓ tl)
    e = th < 0.0 ? ee + ee * tl : ee - ee * tl
    d1 = 1.0 + e
    # p = σ(|t|), q = σ(−|t|); f′ = σ(t) + w·σ(t)·σ(−t)
    p = 1.0 / d1
    q = e / d1
    dt = 1.5957691216057308 + 0.21406444881780073 * s
    w = xc * dt
    return th < 0.0 ? q * (1.0 + w * p) : p * (1.0 + w * q)
end
