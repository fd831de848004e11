# SwiGLU: y(g, u) = g·σ(g)·u
# g is the gate, u the linear input; fused [..., 2d]: gate = first half.
# Source: Shazeer (2020), arXiv:2002.05202.
# Computed in the input's dtype; tiny tail values (g < −5) lose up to ~2,000 ulps.

import torch
from torch import nn


def silu(x: torch.Tensor) -> torch.Tensor:
    """SiLU / Swish, elementwise (the gate's activation)."""
    # beyond ±800, σ(x) is exactly 0 or 1; the clamp keeps ±∞ from making 0·∞
    xa = x.clamp(min=-800.0)
    xc = x.clamp(-800.0, 800.0)
    ee = torch.exp(-torch.abs(xc))
    d1 = 1.0 + ee
    return torch.where(xc < 0.0, xa * ee / d1, x / d1)


def silu_grad(x: torch.Tensor) -> torch.Tensor:
    """Derivative of SiLU / Swish, elementwise."""
    # beyond ±800, σ(x) is exactly 0 or 1; the clamp keeps ±∞ from making 0·∞
    xc = x.clamp(-800.0, 800.0)
    ee = torch.exp(-torch.abs(xc))
    d1 = 1.0 + ee
    # p = σ(|t|), q = σ(−|t|); f′ = σ(t) + w·σ(t)·σ(−t)
    p = 1.0 / d1
    q = ee / d1
    w = xc
    return torch.where(xc < 0.0, q * (1.0 + w * p), p * (1.0 + w * q))


def swiglu(g: torch.Tensor, u: torch.Tensor) -> torch.Tensor:
    """SwiGLU: y(g, u) = g·σ(g)·u; g is the gate (activated), u the linear input."""
    return silu(g) * u


def swiglu_grad_g(g: torch.Tensor, u: torch.Tensor) -> torch.Tensor:
    """∂y/∂g of SwiGLU."""
    return silu_grad(g) * u


def swiglu_grad_u(g: torch.Tensor, u: torch.Tensor) -> torch.Tensor:
    """∂y/∂u of SwiGLU."""
    return silu(g)


class SwiGLUFunction(torch.autograd.Function):
    """SwiGLU with the partials written out: backward uses swiglu_grad_g and swiglu_grad_u; g and u of one shape."""

    @staticmethod
    def forward(ctx, g: torch.Tensor, u: torch.Tensor) -> torch.Tensor:
        ctx.save_for_backward(g, u)
        return swiglu(g, u)

    @staticmethod
    def backward(ctx, grad_output: torch.Tensor) -> tuple[torch.Tensor, torch.Tensor]:
        g, u = ctx.saved_tensors
        return grad_output * swiglu_grad_g(g, u), grad_output * swiglu_grad_u(g, u)


def swiglu_gate_first_half(x: torch.Tensor) -> torch.Tensor:
    """Fused SwiGLU: x [..., 2d] -> [..., d]; gate g = first half of the last dimension, u = second half (vLLM SiluAndMul, ggml)."""
    if x.shape[-1] % 2 != 0:
        raise ValueError(f"swiglu_gate_first_half: the last dimension must be even, got {x.shape[-1]}")
    d = x.shape[-1] // 2
    g, u = x[..., :d], x[..., d:]
    return SwiGLUFunction.apply(g, u)


class SwiGLU(nn.Module):
    """SwiGLU as a layer on x [..., 2d]: y = SwiGLU()(x) ([..., d]); gate = first half."""

    def forward(self, x: torch.Tensor) -> torch.Tensor:
        return swiglu_gate_first_half(x)
