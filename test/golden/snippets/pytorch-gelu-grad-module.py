# GELU (exact): GELU(x) = x·Φ(x) = ½·x·(1 + erf(x/√2))
# Computed as ½·x·erfc(−x/√2) (no cancellation for x ≪ 0); f′ = Φ(x) + x·φ(x).
# Constants: 1/√2 = 0.7071067811865476; 2/√π = 1.1283791670955126; 1/√(2π) = 0.3989422804014327.
# Source: Hendrycks & Gimpel (2016), "Gaussian Error Linear Units (GELUs)", arXiv:1606.08415.
# Tensor code in the input's dtype, with no overflow and no cancellation (x is clamped where the
#   exponential is already 0 or 1). It lacks the hi + lo steps of the scalar targets, so in the
#   negative tail the rounding of the exponent's argument costs ulps that grow at least like x²,
#   on values that are already tiny: tens near x = −5, up to about 200 in float32 and about 2,000
#   in float64 just above underflow.
# PyTorch has it built in: torch.nn.functional.gelu(x, approximate='none'), or
#   torch.nn.GELU(approximate='none').
# The explicit code below computes the same function, for reading, porting and the derivative.

import torch
from torch import nn


def gelu(x: torch.Tensor) -> torch.Tensor:
    """GELU (exact), elementwise."""
    # x beyond ±40 changes nothing (erfc is 0 or 2 there) and keeps ±∞ from making 0·∞
    xa = torch.where(x < -40.0, torch.full_like(x, -40.0), x)
    xc = torch.where(xa > 40.0, torch.full_like(x, 40.0), xa)
    c = torch.erfc(xc * -0.7071067811865476)
    return 0.5 * xa * c


def gelu_grad(x: torch.Tensor) -> torch.Tensor:
    """Derivative of GELU (exact), elementwise."""
    # x beyond ±40 changes nothing (erfc is 0 or 2 there) and keeps ±∞ from making 0·∞
    xa = torch.where(x < -40.0, torch.full_like(x, -40.0), x)
    xc = torch.where(xa > 40.0, torch.full_like(x, 40.0), xa)
    c = torch.erfc(xc * -0.7071067811865476)
    ex = torch.exp(-0.5 * xc * xc)
    return 0.5 * c + 0.3989422804014327 * xc * ex


class GELUFunction(torch.autograd.Function):
    """GELU (exact) with the derivative written out: backward uses gelu_grad instead of autograd."""

    @staticmethod
    def forward(ctx, x: torch.Tensor) -> torch.Tensor:
        ctx.save_for_backward(x)
        return gelu(x)

    @staticmethod
    def backward(ctx, grad_output: torch.Tensor) -> torch.Tensor:
        (x,) = ctx.saved_tensors
        return grad_output * gelu_grad(x)


class GELU(nn.Module):
    """GELU (exact) as a layer: y = GELU()(x)."""

    def forward(self, x: torch.Tensor) -> torch.Tensor:
        return GELUFunction.apply(x)
