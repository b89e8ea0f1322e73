"""Reference: a plain numpy MLP trained on the MNIST subset, in the seeds' layer style (Affine / ReLU /
softmax-with-loss classes with forward and backward). Use it to put the project's throughput beside a
numpy implementation measured at the same time on the same machine.

    python3 bp-bench/src/main/python/numpy_mlp.py --arch 784-128-10 --dtype float64 --threads 1 --runs 3

Work: --epochs passes over the 8,000 training images, minibatch --batch, SGD --lr, ReLU hidden layers,
softmax + cross-entropy (mean over the batch), He-normal initial weights. Prints one JSON line: training
samples per second (median, min, max over --runs; training loop only), test accuracy on the 2,000 test
images. The input layer's dL/dX is computed as textbook code does (pass --skip-input-grad to omit it).
"""
import argparse, gzip, json, os, struct, time

ap = argparse.ArgumentParser()
ap.add_argument('--arch', default='784-128-10')
ap.add_argument('--dtype', choices=['float32', 'float64'], default='float64')
ap.add_argument('--threads', type=int, default=1)
ap.add_argument('--epochs', type=int, default=5)
ap.add_argument('--batch', type=int, default=100)
ap.add_argument('--lr', type=float, default=0.1)
ap.add_argument('--runs', type=int, default=3)
ap.add_argument('--seed', type=int, default=1)
ap.add_argument('--skip-input-grad', action='store_true')
ap.add_argument('--data', default=os.path.join(os.path.dirname(os.path.abspath(__file__)), '..', '..', '..', '..',
                                             'bp-datasets', 'src', 'main', 'resources', 'dev', 'backprop', 'datasets'))
args = ap.parse_args()
os.environ['OPENBLAS_NUM_THREADS'] = str(args.threads)
os.environ['OMP_NUM_THREADS'] = str(args.threads)
import numpy as np  # after the thread settings

DT = np.dtype(args.dtype)
sizes = [int(s) for s in args.arch.split('-')]


def idx(name):
    with gzip.open(os.path.join(args.data, name), 'rb') as f:
        data = f.read()
    ndim = struct.unpack('>I', data[:4])[0] & 0xFF
    dims = struct.unpack('>' + 'I' * ndim, data[4:4 + 4 * ndim])
    return np.frombuffer(data, dtype=np.uint8, offset=4 + 4 * ndim).reshape(dims)


class Affine:
    def __init__(self, W, b, need_dx=True):
        self.W, self.b, self.need_dx = W, b, need_dx

    def forward(self, x):
        self.x = x
        return x @ self.W + self.b

    def backward(self, dout):
        self.dW = self.x.T @ dout
        self.db = dout.sum(axis=0)
        return dout @ self.W.T if self.need_dx else None


class Relu:
    def forward(self, x):
        self.mask = x <= 0
        out = x.copy()
        out[self.mask] = 0
        return out

    def backward(self, dout):
        dout[self.mask] = 0
        return dout


class SoftmaxWithLoss:
    def forward(self, x, t):
        e = np.exp(x - x.max(axis=1, keepdims=True))
        self.y, self.t = e / e.sum(axis=1, keepdims=True), t
        return -np.sum(t * np.log(self.y + DT.type(1e-7))) / x.shape[0]

    def backward(self):
        return (self.y - self.t) / self.t.shape[0]


def train(xtr, T, seed):
    rng = np.random.default_rng(seed)
    layers, affines = [], []
    for i in range(len(sizes) - 1):
        W = (rng.standard_normal((sizes[i], sizes[i + 1])) * np.sqrt(2.0 / sizes[i])).astype(DT)
        a = Affine(W, np.zeros(sizes[i + 1], dtype=DT), need_dx=(i > 0 or not args.skip_input_grad))
        affines.append(a)
        layers.append(a)
        if i < len(sizes) - 2:
            layers.append(Relu())
    last, lr, n = SoftmaxWithLoss(), DT.type(args.lr), xtr.shape[0]
    t0 = time.perf_counter()
    for _ in range(args.epochs):
        perm = rng.permutation(n)
        for i in range(0, n, args.batch):
            b = perm[i:i + args.batch]
            x = xtr[b]
            for l in layers:
                x = l.forward(x)
            last.forward(x, T[b])
            d = last.backward()
            for l in reversed(layers):
                d = l.backward(d)
            for a in affines:
                a.W -= lr * a.dW
                a.b -= lr * a.db
    return time.perf_counter() - t0, layers


xtr = idx('train-images-idx3-ubyte.gz').reshape(-1, 784).astype(DT) / DT.type(255)
ytr = idx('train-labels-idx1-ubyte.gz').astype(np.int64)
xte = idx('t10k-images-idx3-ubyte.gz').reshape(-1, 784).astype(DT) / DT.type(255)
yte = idx('t10k-labels-idx1-ubyte.gz').astype(np.int64)
T = np.eye(10, dtype=DT)[ytr]
rates, acc = [], None
for _ in range(args.runs):
    dt, layers = train(xtr, T, args.seed)
    rates.append(args.epochs * xtr.shape[0] / dt)
    x = xte
    for l in layers:
        x = l.forward(x)
    acc = float((x.argmax(axis=1) == yte).mean())
rates.sort()
print(json.dumps({'impl': 'numpy', 'numpy': np.__version__, 'arch': args.arch, 'dtype': args.dtype,
                  'threads': args.threads, 'batch': args.batch, 'epochs': args.epochs,
                  'samples_per_s_median': round(rates[len(rates) // 2]), 'samples_per_s_min': round(rates[0]),
                  'samples_per_s_max': round(rates[-1]), 'test_accuracy': acc}))
