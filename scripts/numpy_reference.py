#!/usr/bin/env python3
"""Trains the benchmark's two autoencoders with a plain NumPy loop, for comparison.

The same work per step as `anomagram benchmark`: the label-1 rows of
ECG5000_TEST.tsv scaled to [0, 1], shuffled mini-batches, dense layers with
relu hidden activations, a linear bottleneck and a sigmoid output, mean
squared error, and Adam as Keras 3 writes it, all in float32. Run it with
OPENBLAS_NUM_THREADS=1 (as scripts/benchmark.sh does) for one thread.
"""

import argparse
import sys
import time

import numpy as np


def load_normal_rows(path):
    data = np.loadtxt(path, dtype=np.float32)
    rows = data[data[:, 0] == 1, 1:]
    low, high = rows.min(axis=0), rows.max(axis=0)
    return (rows - low) / np.where(high > low, high - low, 1)


def build(sizes, rng):
    layers = []
    for fan_in, fan_out in zip(sizes[:-1], sizes[1:]):
        limit = np.sqrt(6 / (fan_in + fan_out))
        kernel = rng.uniform(-limit, limit, (fan_in, fan_out)).astype(np.float32)
        layers.append([kernel, np.zeros(fan_out, np.float32)])
    return layers


def train_epoch(layers, state, rows, batch_size, rng, bottleneck):
    order = rng.permutation(len(rows))
    last = len(layers) - 1
    for start in range(0, len(rows), batch_size):
        x = rows[order[start:start + batch_size]]

        # Forward pass.
        outputs = [x]
        for index, (kernel, bias) in enumerate(layers):
            z = outputs[-1] @ kernel + bias
            if index == last:
                z = 1 / (1 + np.exp(-z))
            elif index != bottleneck:
                z = np.maximum(z, 0)
            outputs.append(z)

        # Loss gradient with respect to the output pre-activation.
        y = outputs[-1]
        delta = (2 / y.size) * (y - x) * y * (1 - y)

        # Backward pass and Adam update (Keras 3 form).
        state["step"] += 1
        t = state["step"]
        alpha = 1e-3 * np.sqrt(1 - 0.999 ** t) / (1 - 0.9 ** t)
        for index in range(last, -1, -1):
            kernel, bias = layers[index]
            gradients = (outputs[index].T @ delta, delta.sum(axis=0))
            if index > 0:
                delta = delta @ kernel.T
                if index - 1 != bottleneck:
                    delta = delta * (outputs[index] > 0)
            for slot, gradient in enumerate(gradients):
                m, v = state["m"][index][slot], state["v"][index][slot]
                m += (gradient - m) * 0.1
                v += (gradient * gradient - v) * 0.001
                layers[index][slot] -= alpha * m / (np.sqrt(v) + 1e-7)


def measure(name, sizes, batch_size, rows, warmup, epochs):
    rng = np.random.default_rng(1)
    layers = build(sizes, rng)
    state = {
        "step": 0,
        "m": [[np.zeros_like(p) for p in layer] for layer in layers],
        "v": [[np.zeros_like(p) for p in layer] for layer in layers],
    }
    bottleneck = len(sizes) // 2 - 1
    rates = []
    for epoch in range(warmup + epochs):
        started = time.perf_counter()
        train_epoch(layers, state, rows, batch_size, rng, bottleneck)
        if epoch >= warmup:
            rates.append(len(rows) / (time.perf_counter() - started))
    median = float(np.median(rates))
    architecture = "-".join(map(str, sizes))
    print(f"{name:6} {architecture} batch {batch_size}: {median:,.0f} samples/s median "
          f"(min {min(rates):,.0f}, max {max(rates):,.0f}; {epochs} epochs of {len(rows)} rows)")


def main():
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--data", default="Data/ecg5000/ECG5000_TEST.tsv")
    parser.add_argument("--epochs", type=int, default=30)
    parser.add_argument("--warmup", type=int, default=3)
    args = parser.parse_args()
    rows = load_normal_rows(args.data)
    measure("small", [140, 7, 3, 2, 3, 7, 140], 512, rows, args.warmup, args.epochs)
    measure("large", [140, 64, 32, 8, 32, 64, 140], 256, rows, args.warmup, args.epochs)
    return 0


if __name__ == "__main__":
    sys.exit(main())
