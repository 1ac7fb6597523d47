"""Builds a Keras autoencoder whose encoder and decoder are each a Model
inside the autoencoder Model (the nested form), writes it in the
TensorFlow.js layers format with the official converter, writes three rows
of random values beside it, and prints Keras's reconstruction errors.

Usage: write_nested_model.py OUTPUT_DIR
"""
import sys, types, json
# The converters package imports its JAX converter eagerly; the layers
# writer does not use it, so a placeholder module stands in for it.
stub = types.ModuleType('tensorflowjs.converters.jax_conversion'); stub.convert_jax = None
sys.modules['tensorflowjs.converters.jax_conversion'] = stub
import numpy as np
import tf_keras as keras
from tensorflowjs.converters import keras_h5_conversion, save_keras_model
rng = np.random.default_rng(3)
inp = keras.Input(shape=(140,))
h = keras.layers.Dense(15, activation="relu")(inp)
h = keras.layers.Dense(7, activation="relu")(h)
z = keras.layers.Dense(2, activation="linear")(h)
encoder = keras.Model(inp, z, name="encoder")
zin = keras.Input(shape=(2,))
d = keras.layers.Dense(7, activation="relu")(zin)
d = keras.layers.Dense(15, activation="relu")(d)
out = keras.layers.Dense(140, activation="sigmoid")(d)
decoder = keras.Model(zin, out, name="decoder")
ain = keras.Input(shape=(140,))
auto = keras.Model(ain, decoder(encoder(ain)), name="autoencoder")
for layer in encoder.layers + decoder.layers:
    w = layer.get_weights()
    if w:
        layer.set_weights([rng.normal(0, 0.3, x.shape).astype("float32") for x in w])
save_keras_model(auto, sys.argv[1])
x = rng.random((3, 140)).astype("float32")
np.savetxt(sys.argv[1] + "/rows.tsv", x, delimiter="\t", fmt="%.8f")
y = auto.predict(x, verbose=0)
print("keras errors:", ((y - x) ** 2).mean(axis=1))
print(json.load(open(sys.argv[1] + "/model.json"))["modelTopology"]["model_config"]["class_name"])
