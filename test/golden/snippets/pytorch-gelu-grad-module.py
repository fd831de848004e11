# GELU (exact): GELU(x) = x·Φ(x) = ½·x·(1 + erf(x/√2))
# Source: Hendrycks & Gimpel (2016), arXiv:1606.08415.
# Computed in the input's dtype; tiny tail values (x < −5) lose up to ~2,000 ulps.
# Built in: torch.nn.functional.gelu(x, approximate='none').

import torch
from torch import nn


def gelu(x: torch.Tensor) -> torch.Tensor:
    """GELU (exact), elementwise."""
    # x beyond ±40 changes nothing (erfc is 0 or 2 there) and keeps ±∞ from making 0·∞
    xa = x.clamp(min=-40.0)
    xc = x.clamp(-40.0, 40.0)
    c = torch.erfc(xc * -0.7071067811865476)
    return 0.5 * xa * c


def gelu_grad(x: torch.Tensor) -> torch.Tensor:
    """Derivative of GELU (exact), elementwise."""
    # x beyond ±40 changes nothing (erfc is 0 or 2 there) and keeps ±∞ from making 0·∞
    xc = x.clamp(-40.0, 40.0)
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
