# Snake: x + sin²(α·x)/(α + ε), α = 1, ε = 0
# Source: Ziyin, Hartwig & Ueda (2020), arXiv:2006.08195.
# Computed in the input's dtype; f′ next to its double roots: ~1 unit roundoff absolute.

import torch


def snake(x: torch.Tensor) -> torch.Tensor:
    """Snake, elementwise."""
    # beyond ±1e+21 the sine term is below half an ulp of x; the clamp keeps sin(±∞) out
    xc = x.clamp(-1e+21, 1e+21)
    s = torch.sin(xc)
    return x + s * s


def snake_grad(x: torch.Tensor) -> torch.Tensor:
    """Derivative of Snake, elementwise."""
    # f′ = 1 + sin(2αx) = (sin αx + cos αx)²: no cancellation of 1 + sin near its double roots
    sc = torch.sin(x) + torch.cos(x)
    return sc * sc


class SnakeFunction(torch.autograd.Function):
    """Snake with the derivative written out: backward uses snake_grad instead of autograd."""

    @staticmethod
    def forward(ctx, x: torch.Tensor) -> torch.Tensor:
        ctx.save_for_backward(x)
        return snake(x)

    @staticmethod
    def backward(ctx, grad_output: torch.Tensor) -> torch.Tensor:
        (x,) = ctx.saved_tensors
        return grad_output * snake_grad(x)


# Usage: y = SnakeFunction.apply(x)  # backward calls snake_grad
