# GELU (exact): GELU(x) = x·Φ(x) = ½·x·(1 + erf(x/√2))
# Computed as ½·x·erfc(−x/√2) (no cancellation for x ≪ 0); f′ = Φ(x) + x·φ(x).
# Constants: 1/√2 = 0.7071067811865476; 2/√π = 1.1283791670955126; 1/√(2π) = 0.3989422804014327.
# Source: Hendrycks & Gimpel (2016), "Gaussian Error Linear Units (GELUs)", arXiv:1606.08415.
# Tensor code in the input's dtype: no overflow and no cancellation anywhere, but without the hi
#   + lo steps of the scalar targets, so far in the negative tail (x below about −5 in float32)
#   the rounding of the exponent's argument costs tens of ulps of a value that is already tiny.
# JAX has it built in: jax.nn.gelu(x, approximate=False). Note: jax.nn.gelu defaults to
#   approximate=True: the tanh form, not exact GELU.
# The explicit code below computes the same function, for reading, porting and the derivative.

import jax
import jax.numpy as jnp
import jax.scipy.special as jsp


@jax.custom_jvp
def gelu(x: jax.Array) -> jax.Array:
    """GELU (exact), elementwise. Differentiated by gelu_grad (jax.custom_jvp)."""
    c = jsp.erfc(x * -0.7071067811865476)
    return 0.5 * x * c


def gelu_grad(x: jax.Array) -> jax.Array:
    """Derivative of GELU (exact), elementwise."""
    c = jsp.erfc(x * -0.7071067811865476)
    ex = jnp.exp(-0.5 * x * x)
    return 0.5 * c + 0.3989422804014327 * x * ex


@gelu.defjvp
def _gelu_jvp(primals, tangents):
    (x,), (dx,) = primals, tangents
    return gelu(x), gelu_grad(x) * dx
