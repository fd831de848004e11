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
# TensorFlow has it built in: tf.nn.gelu(x, approximate=True).
# Keras has it built in: keras.activations.gelu(x, approximate=True).
# The explicit code below computes the same function, for reading, porting and the derivative.

import tensorflow as tf


def gelu(x: tf.Tensor) -> tf.Tensor:
    """GELU (tanh approximation), elementwise."""
    # beyond ±30, σ(t) is exactly 0 or 1; the clamp also keeps x³ finite and ±∞ from making 0·∞
    xa = tf.where(x < -30.0, tf.fill(tf.shape(x), tf.constant(-30.0, dtype=x.dtype)), x)
    xc = tf.where(xa > 30.0, tf.fill(tf.shape(x), tf.constant(30.0, dtype=x.dtype)), xa)
    t = xc * (1.5957691216057308 + 0.07135481627260025 * xc * xc)
    ee = tf.math.exp(-tf.math.abs(t))
    d1 = 1.0 + ee
    return tf.where(t < 0.0, xa * ee / d1, x / d1)


def gelu_grad(x: tf.Tensor) -> tf.Tensor:
    """Derivative of GELU (tanh approximation), elementwise."""
    # beyond ±30, σ(t) is exactly 0 or 1; the clamp also keeps x³ finite and ±∞ from making 0·∞
    xa = tf.where(x < -30.0, tf.fill(tf.shape(x), tf.constant(-30.0, dtype=x.dtype)), x)
    xc = tf.where(xa > 30.0, tf.fill(tf.shape(x), tf.constant(30.0, dtype=x.dtype)), xa)
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
