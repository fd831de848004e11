# GELU (tanh approximation): ½·x·(1 + tanh(√(2/π)·(x + c·x³))), c = 0.044715
# Computed as x·σ(2u), u = √(2/π)·(x + c·x³), the same as ½·x·(1 + tanh(u)) without its
#   cancellation.
# Constants: c = 0.044715; 2·√(2/π) = 1.5957691216057308; 2·√(2/π)·c = 0.07135481627260025.
# Source: Hendrycks & Gimpel (2016), arXiv:1606.08415, the tanh approximation (also BERT/GPT-2
#   "gelu_new").
# Tensor code in the input's dtype: no overflow and no cancellation anywhere, but without the hi
#   + lo steps of the scalar targets, so far in the negative tail (x below about −5 in float32)
#   the rounding of the exponent's argument costs tens of ulps of a value that is already tiny.
# PyTorch has it built in: torch.nn.functional.gelu(x, approximate='tanh'), or
#   torch.nn.GELU(approximate='tanh').
# The explicit code below computes the same function, for reading, porting and the derivative.

import torch


def gelu(x: torch.Tensor) -> torch.Tensor:
    """GELU (tanh approximation), elementwise."""
    t = x * (1.5957691216057308 + 0.07135481627260025 * x * x)
    ee = torch.exp(-torch.abs(t))
    d1 = 1.0 + ee
    return torch.where(t < 0.0, x * ee / d1, x / d1)
