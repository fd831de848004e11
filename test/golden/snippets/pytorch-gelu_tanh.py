# GELU (tanh approximation): ½·x·(1 + tanh(√(2/π)·(x + c·x³))), c = 0.044715
# Computed as x·σ(2u), u = √(2/π)·(x + c·x³), the same as ½·x·(1 + tanh(u)) without its
#   cancellation.
# Constants: c = 0.044715; 2·√(2/π) = 1.5957691216057308; 2·√(2/π)·c = 0.07135481627260025.
# Source: Hendrycks & Gimpel (2016), arXiv:1606.08415, the tanh approximation (also BERT/GPT-2
#   "gelu_new").
# Tensor code in the input's dtype, with no overflow and no cancellation (x is clamped where the
#   exponential is already 0 or 1). It lacks the hi + lo steps of the scalar targets, so in the
#   negative tail the rounding of the exponent's argument costs ulps that grow at least like x²,
#   on values that are already tiny: tens near x = −5, up to about 200 in float32 and about 2,000
#   in float64 just above underflow.
# PyTorch has it built in: torch.nn.functional.gelu(x, approximate='tanh'), or
#   torch.nn.GELU(approximate='tanh').
# The explicit code below computes the same function, for reading, porting and the derivative.

import torch


def gelu(x: torch.Tensor) -> torch.Tensor:
    """GELU (tanh approximation), elementwise."""
    # beyond ±30, σ(t) is exactly 0 or 1; the clamp also keeps x³ finite and ±∞ from making 0·∞
    xa = torch.where(x < -30.0, torch.full_like(x, -30.0), x)
    xc = torch.where(xa > 30.0, torch.full_like(x, 30.0), xa)
    t = xc * (1.5957691216057308 + 0.07135481627260025 * xc * xc)
    ee = torch.exp(-torch.abs(t))
    d1 = 1.0 + ee
    return torch.where(t < 0.0, xa * ee / d1, x / d1)
