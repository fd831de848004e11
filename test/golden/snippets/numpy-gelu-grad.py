# GELU (exact): GELU(x) = x·Φ(x) = ½·x·(1 + erf(x/√2))
# Source: Hendrycks & Gimpel (2016), arXiv:1606.08415.
# Accurate to a few ulps in double for results above 1e-303 (up to 8 ulps near x ≈ −1.37 from
#   SciPy's erfc).

import numpy as np
import numpy.typing as npt
from scipy import special


def gelu(x: npt.ArrayLike) -> np.ndarray:
    """GELU (exact), elementwise."""
    x = np.asarray(x, dtype=np.float64)
    # x beyond ±40 changes nothing (erfc is 0 or 2 there) and keeps ±∞ from making 0·∞
    xa = np.maximum(x, -40.0)
    xc = np.clip(x, -40.0, 40.0)
    # z = −x/√2 as zh + zl: the rounding of x/√2 would be amplified ~x² times in the tail
    zh = xc * -0.7071067811865476
    # exact rounding error of a product without fma: Veltkamp's split into halves, Dekker's product
    xc_sp = 134217729.0 * xc
    xc_hi = xc_sp - (xc_sp - xc)
    xc_lo = xc - xc_hi
    ze = xc_hi * -0.7071067839860916 - zh + xc_hi * 2.7995440410322203e-9 + xc_lo * -0.7071067839860916 + xc_lo * 2.7995440410322203e-9
    zl = ze + xc * 4.833646656726457e-17
    # scipy.special.erfc rounds z² inside exp(−z²); for z > 1 use erfcx(z)·exp(−z²) with z² exact
    zq = np.where(zh > 1.0, zh, 1.0)
    sh = zq * zq
    zq_sp = 134217729.0 * zq
    zq_hi = zq_sp - (zq_sp - zq)
    zq_lo = zq - zq_hi
    ql = zq_hi * zq_hi - sh + zq_hi * zq_lo + zq_lo * zq_hi + zq_lo * zq_lo
    cx = special.erfcx(zq)
    cb = (cx + (2.0 * zq * cx - 1.1283791670955126) * zl) * np.exp(-sh) * (1.0 - (ql + 2.0 * zq * zl))
    cs = special.erfc(zh) - 1.1283791670955126 * np.exp(-(zh * zh)) * zl
    c = np.where(zh > 1.0, cb, cs)
    return 0.5 * xa * c


def gelu_grad(x: npt.ArrayLike) -> np.ndarray:
    """Derivative of GELU (exact), elementwise."""
    x = np.asarray(x, dtype=np.float64)
    # x beyond ±40 changes nothing (erfc is 0 or 2 there) and keeps ±∞ from making 0·∞
    xc = np.clip(x, -40.0, 40.0)
    # z = −x/√2 as zh + zl: the rounding of x/√2 would be amplified ~x² times in the tail
    zh = xc * -0.7071067811865476
    # exact rounding error of a product without fma: Veltkamp's split into halves, Dekker's product
    xc_sp = 134217729.0 * xc
    xc_hi = xc_sp - (xc_sp - xc)
    xc_lo = xc - xc_hi
    ze = xc_hi * -0.7071067839860916 - zh + xc_hi * 2.7995440410322203e-9 + xc_lo * -0.7071067839860916 + xc_lo * 2.7995440410322203e-9
    zl = ze + xc * 4.833646656726457e-17
    # scipy.special.erfc rounds z² inside exp(−z²); for z > 1 use erfcx(z)·exp(−z²) with z² exact
    zq = np.where(zh > 1.0, zh, 1.0)
    sh = zq * zq
    zq_sp = 134217729.0 * zq
    zq_hi = zq_sp - (zq_sp - zq)
    zq_lo = zq - zq_hi
    ql = zq_hi * zq_hi - sh + zq_hi * zq_lo + zq_lo * zq_hi + zq_lo * zq_lo
    cx = special.erfcx(zq)
    cb = (cx + (2.0 * zq * cx - 1.1283791670955126) * zl) * np.exp(-sh) * (1.0 - (ql + 2.0 * zq * zl))
    cs = special.erfc(zh) - 1.1283791670955126 * np.exp(-(zh * zh)) * zl
    c = np.where(zh > 1.0, cb, cs)
    # φ(x)·√(2π) = exp(−x²/2) with x² = s + sl exact
    s = xc * xc
    sl = xc_hi * xc_hi - s + xc_hi * xc_lo + xc_lo * xc_hi + xc_lo * xc_lo
    g = np.exp(-0.5 * s)
    ex = g - 0.5 * sl * g
    return 0.5 * c + 0.3989422804014327 * xc * ex
