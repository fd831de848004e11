# Leaky ReLU: x if x > 0, else a·x, a = 0.01
# Source: Maas, Hannun & Ng (2013).
# Built in: tf.nn.leaky_relu(x, alpha=0.01), keras.activations.leaky_relu(x,
#   negative_slope=0.01).

import tensorflow as tf


def leaky_relu(x: tf.Tensor) -> tf.Tensor:
    """Leaky ReLU, elementwise."""
    return tf.where(x > 0.0, x, 0.01 * x)
