# GELU (exact): GELU(x) = x·Φ(x) = ½·x·(1 + erf(x/√2))
# Computed as ½·x·erfc(−x/√2) (no cancellation for x ≪ 0); f′ = Φ(x) + x·φ(x).
# Constants: 1/√2 = 0.7071067811865476; 2/√π = 1.1283791670955126; 1/√(2π) = 0.3989422804014327.
# Source: Hendrycks & Gimpel (2016), "Gaussian Error Linear Units (GELUs)", arXiv:1606.08415.
# Tensor code in the input's dtype, with no overflow and no cancellation (x is clamped where the
#   exponential is already 0 or 1). It lacks the hi + lo steps of the scalar targets, so in the
#   negative tail the rounding of the exponent's argument costs ulps that grow at least like x²,
#   on values that are already tiny: tens near x = −5, up to about 200 in float32 and about 2,000
#   in float64 just above underflow.
# JAX has it built in: jax.nn.gelu(x, approximate=False). Note: jax.nn.gelu defaults to
#   approximate=True: the tanh form, not exact GELU.
# The explicit code below computes the same function, for reading, porting and the derivative.

import jax
import jax.numpy as jnp
import jax.scipy.special as jsp


@jax.custom_jvp
def gelu(x: jax.Array) -> jax.Array:
    """GELU (exact), elementwise. Differentiated by gelu_grad (jax.custom_jvp)."""
    # x beyond ±40 changes nothing (erfc is 0 or 2 there) and keeps ±∞ from making 0·∞
    xa = jnp.where(x < -40.0, -40.0, x)
    xc = jnp.where(xa > 40.0, 40.0, xa)
    c = jsp.erfc(xc * -0.7071067811865476)
    return 0.5 * xa * c


def gelu_grad(x: jax.Array) -> jax.Array:
    """Derivative of GELU (exact), elementwise."""
    # x beyond ±40 changes nothing (erfc is 0 or 2 there) and keeps ±∞ from making 0·∞
    xa = jnp.where(x < -40.0, -40.0, x)
    xc = jnp.where(xa > 40.0, 40.0, xa)
    c = jsp.erfc(xc * -0.7071067811865476)
    ex = jnp.exp(-0.5 * xc * xc)
    return 0.5 * c + 0.3989422804014327 * xc * ex


@gelu.defjvp
def _gelu_jvp(primals, tangents):
    (x,), (dx,) = primals, tangents
    return gelu(x), gelu_grad(x) * dx
