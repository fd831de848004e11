# GELU (sigmoid approximation, QuickGELU): x·σ(k·x), k = 1.702
# Source: Hendrycks & Gimpel (2016), arXiv:1606.08415, the sigmoid approximation.
# Accurate to a few ulps in double for results above 1e-303.

import math


def gelu(x: float) -> float:
    """GELU (sigmoid approximation, QuickGELU), elementwise."""
    # beyond ±471, σ(k·x) is exactly 0 or 1; the clamp keeps ±∞ from making 0·∞
    xa = -471.0 if x < -471.0 else x
    xc = 471.0 if xa > 471.0 else xa
    th = 1.702 * xc
    # t = k·x as th + tl (k itself is not a machine number)
    # exact rounding error of a product without fma: Veltkamp's split into halves, Dekker's product
    xc_sp = 134217729.0 * xc
    xc_hi = xc_sp - (xc_sp - xc)
    xc_lo = xc - xc_hi
    te = xc_hi * 1.701999992132187 - th + xc_hi * 7.867813067718998e-9 + xc_lo * 1.701999992132187 + xc_lo * 7.867813067718998e-9
    tl = te + 4.263256414560601e-17 * xc
    ee = math.exp(-abs(th))
    # exp(−|th + tl|) = exp(−|th|)·(1 ∓ tl)
    e = ee + ee * tl if th < 0.0 else ee - ee * tl
    d1 = 1.0 + e
    return xa * e / d1 if th < 0.0 else x / d1


def gelu_grad(x: float) -> float:
    """Derivative of GELU (sigmoid approximation, QuickGELU), elementwise."""
    # beyond ±471, σ(k·x) is exactly 0 or 1; the clamp keeps ±∞ from making 0·∞
    xa = -471.0 if x < -471.0 else x
    xc = 471.0 if xa > 471.0 else xa
    th = 1.702 * xc
    # t = k·x as th + tl (k itself is not a machine number)
    # exact rounding error of a product without fma: Veltkamp's split into halves, Dekker's product
    xc_sp = 134217729.0 * xc
    xc_hi = xc_sp - (xc_sp - xc)
    xc_lo = xc - xc_hi
    te = xc_hi * 1.701999992132187 - th + xc_hi * 7.867813067718998e-9 + xc_lo * 1.701999992132187 + xc_lo * 7.867813067718998e-9
    tl = te + 4.263256414560601e-17 * xc
    ee = math.exp(-abs(th))
    # exp(−|th + tl|) = exp(−|th|)·(1 ∓ tl)
    e = ee + ee * tl if th < 0.0 else ee - ee * tl
    d1 = 1.0 + e
    # p = σ(|t|), q = σ(−|t|); f′ = σ(t) + w·σ(t)·σ(−t)
    p = 1.0 / d1
    q = e / d1
    w = th
    return q * (1.0 + w * p) if th < 0.0 else p * (1.0 + w * q)
