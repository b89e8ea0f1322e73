"""The training step of bp's benchmarks written in plain numpy, to put beside the JMH figures in one session.

Same work as TrainingStepBenchmark and TinyNetworkBenchmark: forward (X W + b, ReLU hidden layers, softmax
output), cross-entropy with the fused gradient (P - T)/n, backward (dW = X^T dZ, db = column sums,
dX = dZ W^T for every layer but the first), plain SGD; random inputs in [0, 1) with one-hot targets. With
--tiny: the 2-2-2 sigmoid network on one sample with squared error, as TinyNetworkBenchmark.

    python3 numpy_step.py --arch 784-128-10 --batch 100 --threads 1
    python3 numpy_step.py --tiny

Prints one JSON line: samples per second and microseconds per step (median of --runs timed runs).
"""
import argparse
import json
import os
import time

parser = argparse.ArgumentParser()
parser.add_argument('--arch', default='784-128-10')
parser.add_argument('--batch', type=int, default=100)
parser.add_argument('--threads', type=int, default=1)
parser.add_argument('--steps', type=int, default=0, help='timed steps per run; 0 picks about one second')
parser.add_argument('--runs', type=int, default=5)
parser.add_argument('--tiny', action='store_true')
args = parser.parse_args()
os.environ['OPENBLAS_NUM_THREADS'] = str(args.threads)
os.environ['OMP_NUM_THREADS'] = str(args.threads)
import numpy as np  # noqa: E402 (after the thread settings)

rng = np.random.default_rng(42)
if args.tiny:
    widths, batch, lr = [2, 2, 2], 1, 0.5
    pool_x = [np.array([[0.05, 0.10]])]
    pool_t = [np.array([[0.01, 0.99]])]
else:
    widths, batch, lr = [int(w) for w in args.arch.split('-')], args.batch, 0.1
    pool_x = [rng.random((batch, widths[0])) for _ in range(8)]
    pool_t = [np.eye(widths[-1])[rng.integers(0, widths[-1], batch)] for _ in range(8)]
weights = [rng.standard_normal((widths[i], widths[i + 1])) * np.sqrt(2.0 / widths[i]) for i in range(len(widths) - 1)]
biases = [np.zeros(w) for w in widths[1:]]


def step(x, t):
    inputs, zs = [], []
    a = x
    for layer, (w, b) in enumerate(zip(weights, biases)):
        inputs.append(a)
        z = a @ w + b
        zs.append(z)
        last = layer == len(weights) - 1
        if args.tiny:
            a = 1.0 / (1.0 + np.exp(-z))
        elif last:
            e = np.exp(z - z.max(axis=1, keepdims=True))
            a = e / e.sum(axis=1, keepdims=True)
        else:
            a = np.maximum(z, 0.0)
    if args.tiny:
        loss = 0.5 * np.sum((a - t) ** 2)
        dz = (a - t) * a * (1.0 - a)
    else:
        loss = -np.sum(t * np.log(a)) / x.shape[0]
        dz = (a - t) / x.shape[0]
    for layer in range(len(weights) - 1, -1, -1):
        w = weights[layer]
        dw = inputs[layer].T @ dz
        db = dz.sum(axis=0)
        if layer > 0:
            da = dz @ w.T
            if args.tiny:
                h = inputs[layer]
                dz = da * h * (1.0 - h)
            else:
                dz = da * (zs[layer - 1] > 0)
        w -= lr * dw
        biases[layer] -= lr * db
    return loss


def run(count):
    start = time.perf_counter()
    for i in range(count):
        step(pool_x[i % len(pool_x)], pool_t[i % len(pool_t)])
    return time.perf_counter() - start


steps = args.steps
if steps == 0:
    steps, elapsed = 10, run(10)
    while elapsed < 0.2:
        steps *= 2
        elapsed = run(steps)
    steps = max(10, int(steps / elapsed))
run(steps)  # warm-up
times = sorted(run(steps) / steps for _ in range(args.runs))
median = times[len(times) // 2]
print(json.dumps({'impl': 'numpy', 'numpy': np.__version__, 'arch': '-'.join(map(str, widths)), 'batch': batch,
                  'threads': args.threads, 'steps': steps, 'us_per_step': round(median * 1e6, 2),
                  'samples_per_s': round(batch / median)}))
