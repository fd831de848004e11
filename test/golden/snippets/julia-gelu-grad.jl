# GELU (exact): GELU(x) = x·Φ(x) = ½·x·(1 + erf(x/√2))
# Source: Hendrycks & Gimpel (2016), arXiv:1606.08415.
# Accurate to a few ulps in double for results above 1e-303.

using SpecialFunctions: erfc

"""
    gelu(x)

GELU (exact), f(x). For arrays, broadcast: `gelu.(x)`.
"""
function gelu(x::Float64)
    # x beyond ±40 changes nothing (erfc is 0 or 2 there) and keeps ±∞ from making 0·∞
    xa = x < -40.0 ? -40.0 : x
    xc = xa > 40.0 ? 40.0 : xa
    # z = −x/√2 as zh + zl: the rounding of x/√2 would be amplified ~x² times in the tail
    zh = xc * -0.7071067811865476
    ze = fma(xc, -0.7071067811865476, -zh)
    zl = ze + xc * 4.833646656726457e-17
    # erfc(zh + zl) = erfc(zh) − (2/√π)·exp(−zh²)·zl to first order
    c = erfc(zh) - 1.1283791670955126 * exp(-(zh * zh)) * zl
    return 0.5 * xa * c
end

"""
    gelu_grad(x)

Derivative of GELU (exact), f′(x).
"""
function gelu_grad(x::Float64)
    # x beyond ±40 changes nothing (erfc is 0 or 2 there) and keeps ±∞ from making 0·∞
    xa = x < -40.0 ? -40.0 : x
    xc = xa > 40.0 ? 40.0 : xa
    # z = −x/√2 as zh + zl: the rounding of x/√2 would be amplified ~x² times in the tail
    zh = xc * -0.7071067811865476
    ze = fma(xc, -0.7071067811865476, -zh)
    zl = ze + xc * 4.833646656726457e-17
    # erfc(zh + zl) = erfc(zh) − (2/√π)·exp(−zh²)·zl to first order
    c = erfc(zh) - 1.1283791670955126 * exp(-(zh * zh)) * zl
    # φ(x)·√(2π) = exp(−x²/2) with x² = s + sl exact
    s = xc * xc
    sl = fma(xc, xc, -s)
    g = exp(-0.5 * s)
    ex = g - 0.5 * sl * g
    return 0.5 * c + 0.3989422804014327 * xc * ex
end
