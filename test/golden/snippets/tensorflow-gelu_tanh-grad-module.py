# GELU (tanh approximation): ½·x·(1 + tanh(√(2/π)·(x + c·x³))), c = 0.044715
# Source: Hendrycks & Gimpel (2016), arXiv:1606.08415.
# Computed in the input's dtype; tiny tail values (x < −5) lose up to ~2,000 ulps.
# Built in: tf.nn.gelu(x, approximate=True), keras.activations.gelu(x, approximate=True).

import tensorflow as tf


def gelu(x: tf.Tensor) -> tf.Tensor:
    """GELU (tanh approximation), elementwise."""
    # beyond ±30, σ(t) is exactly 0 or 1; the clamp also keeps x³ finite and ±∞ from making 0·∞
    xa = tf.maximum(x, -30.0)
    xc = tf.clip_by_value(x, -30.0, 30.0)
    t = xc * (1.5957691216057308 + 0.07135481627260025 * xc * xc)
    ee = tf.math.exp(-tf.math.abs(t))
    d1 = 1.0 + ee
    return tf.where(t < 0.0, xa * ee / d1, x / d1)


def gelu_grad(x: tf.Tensor) -> tf.Tensor:
    """Derivative of GELU (tanh approximation), elementwise."""
    # beyond ±30, σ(t) is exactly 0 or 1; the clamp also keeps x³ finite and ±∞ from making 0·∞
    xc = tf.clip_by_value(x, -30.0, 30.0)
    t = xc * (1.5957691216057308 + 0.07135481627260025 * xc * xc)
    ee = tf.math.exp(-tf.math.abs(t))
    d1 = 1.0 + ee
    # p = σ(|t|), q = σ(−|t|); f′ = σ(t) + w·σ(t)·σ(−t)
    p = 1.0 / d1
    q = ee / d1
    dt = 1.5957691216057308 + 0.21406444881780073 * (xc * xc)
    w = xc * dt
    return tf.where(t < 0.0, q * (1.0 + w * p), p * (1.0 + w * q))


@tf.custom_gradient
def gelu_with_grad(x: tf.Tensor):
    """GELU (tanh approximation) whose gradient is gelu_grad (instead of differentiating the formula)."""

    def grad(upstream: tf.Tensor) -> tf.Tensor:
        return upstream * gelu_grad(x)

    return gelu(x), grad


class GeluTanh(tf.keras.layers.Layer):
    """GELU (tanh approximation) as a Keras layer: y = GeluTanh()(x)."""

    def call(self, x: tf.Tensor) -> tf.Tensor:
        return gelu_with_grad(x)
