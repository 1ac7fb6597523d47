"""Loads a model that `anomagram export` wrote with the official TensorFlow.js
layers loader and prints the reconstruction errors of the first rows of a
UCR file, scaled with the sidecar's scaler.

Usage: load_exported_model.py EXPORT_DIR UCR_FILE
"""
import json, struct, sys, types
# The converters package imports its JAX converter eagerly; the layers
# loader does not use it, so a placeholder module stands in for it.
stub = types.ModuleType('tensorflowjs.converters.jax_conversion'); stub.convert_jax = None
sys.modules['tensorflowjs.converters.jax_conversion'] = stub
import numpy as np
from tensorflowjs.converters import keras_tfjs_loader
model = keras_tfjs_loader.load_keras_model(sys.argv[1] + "/model.json")
model.summary()
side = json.load(open(sys.argv[1] + "/anomagram.json"))
print("sidecar keys:", list(side.keys()))
# Scale some ECG rows with the sidecar's scaler and reconstruct.
rows = np.loadtxt(sys.argv[2], dtype=np.float32, max_rows=5)[:, 1:]
scaler = side["scaler"]
lo = np.array([float(v) for v in scaler["minimums"]], dtype=np.float32)
hi = np.array([float(v) for v in scaler["maximums"]], dtype=np.float32)
x = (rows - lo) / np.where(hi > lo, hi - lo, 1)
y = model.predict(x, verbose=0)
print("errors:", ((y - x) ** 2).mean(axis=1))
