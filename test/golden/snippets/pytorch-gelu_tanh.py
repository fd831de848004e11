# GELU (tanh approximation): ½·x·(1 + tanh(√(2/π)·(x + c·x³))), c = 0.044715
# Source: Hendrycks & Gimpel (2016), arXiv:1606.08415.
# Computed in the input's dtype; tiny tail values (x < −5) lose up to ~2,000 ulps.
# Built in: torch.nn.functional.gelu(x, approximate='tanh').

import torch


def gelu(x: torch.Tensor) -> torch.Tensor:
    """GELU (tanh approximation), elementwise."""
    # beyond ±30, σ(t) is exactly 0 or 1; the clamp also keeps x³ finite and ±∞ from making 0·∞
    xa = x.clamp(min=-30.0)
    xc = x.clamp(-30.0, 30.0)
    t = xc * (1.5957691216057308 + 0.07135481627260025 * xc * xc)
    ee = torch.exp(-torch.abs(t))
    d1 = 1.0 + ee
    return torch.where(t < 0.0, xa * ee / d1, x / d1)
