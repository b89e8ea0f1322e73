"""Reference values for OptimizerReferenceValuesTest and RegularizationTest, in numpy float64.

Six steps of each optimizer on the quadratic of Quadratic.java, L = sum(0.5 * a * (p - c)**2), at the rates
0.1, 0.05, 0.08, 0.02, 0.1, 0.05, with the gradient g = a * (p - c) recomputed before each step and t counting
from 1. Prints W (row-major) then b after step 3 and after step 6, as in the tests, each value with 17
significant digits (enough to round-trip a double).

    python3 optimizer_reference.py            print every reference
    python3 optimizer_reference.py --check    also compare with the constants in the two Java tests (1e-15)
"""

import os
import re
import sys

import numpy as np

RATES = [0.1, 0.05, 0.08, 0.02, 0.1, 0.05]
W0 = np.array([[0.5, -1.0], [1.5, 2.0]])
A_W = np.array([[1.0, 2.0], [3.0, 0.5]])
C_W = np.array([[0.1, -0.3], [0.7, 1.2]])
B0 = np.array([[0.3, -0.2]])
A_B = np.array([[1.5, 0.8]])
C_B = np.array([[-0.4, 0.6]])


def gradients(w, b):
    return A_W * (w - C_W), A_B * (b - C_B)


def run(step, transform=None):
    """Six steps; step(params, grads, state, lr, t) updates params in place."""
    params = [W0.copy(), B0.copy()]
    state = {}
    snapshots = []
    for t, lr in enumerate(RATES, start=1):
        grads = list(gradients(*params))
        if transform is not None:
            grads = transform(params, grads, lr)
        step(params, grads, state, lr, t)
        if transform is not None and hasattr(transform, "after"):
            transform.after(params)
        if t in (3, 6):
            snapshots.append(np.concatenate([params[0].ravel(), params[1].ravel()]))
    return snapshots


# --- the optimizers, from their published update equations --------------------------------------------------

def sgd(params, grads, state, lr, t):
    # p -= lr*g (Robbins and Monro 1951)
    for p, g in zip(params, grads):
        p -= lr * g


def momentum(params, grads, state, lr, t, nesterov=False):
    # v = mu*v + g; p -= lr*v, or p -= lr*(g + mu*v) for Nesterov (torch.optim.SGD docs)
    mu = 0.9
    vs = state.setdefault("v", [np.zeros_like(p) for p in params])
    for p, g, v in zip(params, grads, vs):
        v *= mu
        v += g
        p -= lr * (g + mu * v) if nesterov else lr * v


def nesterov(params, grads, state, lr, t):
    momentum(params, grads, state, lr, t, nesterov=True)


def adagrad(params, grads, state, lr, t):
    # s += g*g; p -= lr*g/(sqrt(s) + 1e-10) (Duchi et al. 2011)
    ss = state.setdefault("s", [np.zeros_like(p) for p in params])
    for p, g, s in zip(params, grads, ss):
        s += g * g
        p -= lr * g / (np.sqrt(s) + 1e-10)


def rmsprop(params, grads, state, lr, t):
    # s = 0.99*s + 0.01*g*g; p -= lr*g/(sqrt(s) + 1e-8) (Tieleman and Hinton 2012)
    ss = state.setdefault("s", [np.zeros_like(p) for p in params])
    for p, g, s in zip(params, grads, ss):
        s *= 0.99
        s += 0.01 * g * g
        p -= lr * g / (np.sqrt(s) + 1e-8)


def adam(params, grads, state, lr, t, decay=0.0):
    # m = 0.9*m + 0.1*g; v = 0.999*v + 0.001*g*g; p -= lr*m̂/(sqrt(v̂) + 1e-8) (Kingma and Ba 2015, Algorithm 1);
    # AdamW first decays the weights: W *= 1 - lr*decay (Loshchilov and Hutter 2019)
    ms = state.setdefault("m", [np.zeros_like(p) for p in params])
    vs = state.setdefault("v", [np.zeros_like(p) for p in params])
    if decay:
        params[0] *= 1 - lr * decay
    for p, g, m, v in zip(params, grads, ms, vs):
        m *= 0.9
        m += 0.1 * g
        v *= 0.999
        v += 0.001 * g * g
        p -= lr * (m / (1 - 0.9 ** t)) / (np.sqrt(v / (1 - 0.999 ** t)) + 1e-8)


def adamw(params, grads, state, lr, t):
    adam(params, grads, state, lr, t, decay=0.01)


def rprop(params, grads, state, lr, t):
    # iRprop- (Igel and Huesken 2000): steps d start at 0.1, grow ×1.2 up to 50, shrink ×0.5 down to 1e-6;
    # after a sign change the gradient counts as 0
    ds = state.setdefault("d", [np.full_like(p, 0.1) for p in params])
    prevs = state.setdefault("prev", [np.zeros_like(p) for p in params])
    for i, (p, g) in enumerate(zip(params, grads)):
        prod = g * prevs[i]
        d = np.where(prod > 0, np.minimum(ds[i] * 1.2, 50), np.where(prod < 0, np.maximum(ds[i] * 0.5, 1e-6), ds[i]))
        g = np.where(prod < 0, 0, g)
        ds[i] = d
        prevs[i] = g
        p -= np.sign(g) * d


OPTIMIZERS = {
    "sgd": sgd,
    "momentum": momentum,
    "nesterov": nesterov,
    "adagrad": adagrad,
    "rmsprop": rmsprop,
    "adam": adam,
    "adamw": adamw,
    "rprop": rprop,
}


# --- regularisation, in the order of RegularizationTest's Javadoc ----------------------------------------------

class Regularize:
    def __init__(self, clip_value=None, l2=0.0, l1=0.0, clip_norm=None, weight_decay=0.0, max_norm=None,
                 bias=False):
        self.clip_value, self.l2, self.l1 = clip_value, l2, l1
        self.clip_norm, self.weight_decay, self.max_norm, self.bias = clip_norm, weight_decay, max_norm, bias

    def penalised(self):
        return [0, 1] if self.bias else [0]

    def __call__(self, params, grads, lr):
        if self.clip_value is not None:
            grads = [np.clip(g, -self.clip_value, self.clip_value) for g in grads]
        for i in self.penalised():
            grads[i] = grads[i] + self.l2 * params[i] + self.l1 * np.sign(params[i])
        if self.clip_norm is not None:
            n = np.sqrt(sum((g * g).sum() for g in grads))
            if n > self.clip_norm:
                grads = [g * (self.clip_norm / n) for g in grads]
        for i in self.penalised():
            params[i] *= 1 - lr * self.weight_decay
        return grads

    def after(self, params):
        if self.max_norm is None:
            return
        for i in self.penalised():
            n = np.sqrt((params[i] * params[i]).sum(axis=0))
            params[i][...] = np.where(n > self.max_norm, params[i] * (self.max_norm / n), params[i])


REGULARIZED = [
    ("sgd(l2=0.1,l1=0.05)", sgd, Regularize(l2=0.1, l1=0.05)),
    ("sgd(l2=0.1,l1=0.05,regularize-bias=true)", sgd, Regularize(l2=0.1, l1=0.05, bias=True)),
    ("sgd(clip-value=0.5)", sgd, Regularize(clip_value=0.5)),
    ("sgd(clip-norm=1.0)", sgd, Regularize(clip_norm=1.0)),
    ("sgd(weight-decay=0.5)", sgd, Regularize(weight_decay=0.5)),
    ("sgd(max-norm=1.2)", sgd, Regularize(max_norm=1.2)),
    ("momentum(clip-value=1.0,l2=0.2,l1=0.1,clip-norm=1.5,weight-decay=0.3,max-norm=1.1,regularize-bias=true)",
     momentum,
     Regularize(clip_value=1.0, l2=0.2, l1=0.1, clip_norm=1.5, weight_decay=0.3, max_norm=1.1, bias=True)),
]


def references():
    out = {}
    for name, step in OPTIMIZERS.items():
        out[("OptimizerReferenceValuesTest", name)] = run(step)
    for spec, step, transform in REGULARIZED:
        out[("RegularizationTest", spec)] = run(step, transform)
    return out


def java_constants(path):
    """The (name, [after three, after six]) arguments of a test's references(), in order."""
    text = open(path).read()
    args = []
    for block in re.split(r"Arguments\.of\(", text)[1:]:
        name = "".join(re.findall(r'"([^"]*)"', block.split("new double[]")[0]))
        arrays = re.findall(r"new double\[\] \{([^}]*)\}", block)[:2]
        args.append((name, [np.array([float(v) for v in a.replace("\n", " ").split(",") if v.strip()])
                            for a in arrays]))
    return args


def main():
    refs = references()
    for (test, name), (three, six) in refs.items():
        print(f"{test} {name}")
        for label, values in (("after 3", three), ("after 6", six)):
            print(f"  {label}: " + ", ".join(f"{v:.17g}" for v in values))
    if "--check" in sys.argv:
        here = os.path.dirname(os.path.abspath(__file__))
        java = os.path.join(here, "..", "java", "dev", "backprop", "optim")
        worst = 0.0
        count = 0
        for test in ("OptimizerReferenceValuesTest", "RegularizationTest"):
            for name, arrays in java_constants(os.path.join(java, test + ".java")):
                expected = refs[(test, name)]
                for a, e in zip(arrays, expected):
                    worst = max(worst, float(np.max(np.abs(a - e))))
                    count += a.size
        print(f"checked {count} constants; largest difference {worst:.3g}")
        sys.exit(0 if worst <= 1e-15 else 1)


if __name__ == "__main__":
    main()
