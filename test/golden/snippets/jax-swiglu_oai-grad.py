# SwiGLU gpt-oss: y(g, u) = g′·σ(1.702·g′)·(u′ + 1), g′ = min(g, 7), u′ = clamp(u, −7, 7)
# g is the gate (activated), u the linear input.
# Source: OpenAI (2025).
# Computed in the input's dtype; tiny tail values (g < −5) lose up to ~2,000 ulps.

import jax
import jax.numpy as jnp


def swish(x: jax.Array) -> jax.Array:
    """Swish x·σ(α·x), α = 1.702, elementwise (the gate's activation)."""
    # beyond ±471, σ(k·x) is exactly 0 or 1; the clamp keeps ±∞ from making 0·∞
    xa = jnp.maximum(x, -471.0)
    xc = jnp.clip(x, -471.0, 471.0)
    t = 1.702 * xc
    ee = jnp.exp(-jnp.abs(t))
    d1 = 1.0 + ee
    return jnp.where(t < 0.0, xa * ee / d1, x / d1)


def swish_grad(x: jax.Array) -> jax.Array:
    """Derivative of Swish x·σ(α·x), α = 1.702, elementwise."""
    # beyond ±471, σ(k·x) is exactly 0 or 1; the clamp keeps ±∞ from making 0·∞
    xc = jnp.clip(x, -471.0, 471.0)
    t = 1.702 * xc
    ee = jnp.exp(-jnp.abs(t))
    d1 = 1.0 + ee
    # p = σ(|t|), q = σ(−|t|); f′ = σ(t) + w·σ(t)·σ(−t)
    p = 1.0 / d1
    q = ee / d1
    w = t
    return jnp.where(t < 0.0, q * (1.0 + w * p), p * (1.0 + w * q))


@jax.custom_jvp
def swiglu_oai(g: jax.Array, u: jax.Array) -> jax.Array:
    """SwiGLU gpt-oss: y(g, u) = g′·σ(1.702·g′)·(u′ + 1); g is the gate (activated), u the linear input."""
    gc = jnp.minimum(g, 7.0)
    uc = jnp.clip(u, -7.0, 7.0)
    ub = uc + 1.0
    return swish(gc) * ub


def swiglu_oai_grad_g(g: jax.Array, u: jax.Array) -> jax.Array:
    """∂y/∂g of SwiGLU gpt-oss (0 above the clamp; g = limit passes, as PyTorch's clamp)."""
    uc = jnp.clip(u, -7.0, 7.0)
    ub = uc + 1.0
    d = swish_grad(g) * ub
    return jnp.where(g > 7.0, 0.0, d)


def swiglu_oai_grad_u(g: jax.Array, u: jax.Array) -> jax.Array:
    """∂y/∂u of SwiGLU gpt-oss (0 outside ±limit; the bounds pass, as PyTorch's clamp)."""
    gc = jnp.minimum(g, 7.0)
    a = swish(gc)
    da = jnp.where(u > 7.0, 0.0, a)
    return jnp.where(u < -7.0, 0.0, da)


@swiglu_oai.defjvp
def _swiglu_oai_jvp(primals, tangents):
    (g, u), (dg, du) = primals, tangents
    return swiglu_oai(g, u), swiglu_oai_grad_g(g, u) * dg + swiglu_oai_grad_u(g, u) * du
