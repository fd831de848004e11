# Leaky ReLU: x if x > 0, else a·x, a = 0.01
# Computed as x if x > 0, else a·x; f′(0) = a.
# Constants: a = 0.01.
# Source: Maas, Hannun & Ng (2013), "Rectifier Nonlinearities Improve Neural Network Acoustic
#   Models".
# TensorFlow has it built in: tf.nn.leaky_relu(x, alpha=0.01).
# Keras has it built in: keras.activations.leaky_relu(x, negative_slope=0.01), or
#   keras.layers.LeakyReLU(negative_slope=0.01). Note: The layer defaults to 0.3, the functions
#   keras.activations.leaky_relu and keras.ops.leaky_relu to 0.2.
# The explicit code below computes the same function, for reading, porting and the derivative.

import tensorflow as tf


def leaky_relu(x: tf.Tensor) -> tf.Tensor:
    """Leaky ReLU, elementwise."""
    return tf.where(x > 0.0, x, 0.01 * x)
