"""The double-precision GEMM peak of a BLAS library on this machine, for the "of peak" figures of the README.

Calls cblas_dgemm of the library given (by default Debian's OpenBLAS, the one bp's native backend loads) on
two n x n matrices (or the shape given), directly through ctypes so that no Python wrapper stands between, and
prints the best of --runs timings as one JSON line.

    python3 dgemm_peak.py --threads 1
    python3 dgemm_peak.py --threads 2 --library /usr/lib/x86_64-linux-gnu/openblas-pthread/libopenblas.so.0
    python3 dgemm_peak.py --threads 1 --shape 100x784x128   # an m x k times k x n product of bp's step
"""
import argparse
import ctypes
import json
import os
import time

parser = argparse.ArgumentParser()
parser.add_argument('--library', default='/usr/lib/x86_64-linux-gnu/openblas-pthread/libopenblas.so.0')
parser.add_argument('--threads', type=int, default=1)
parser.add_argument('--size', type=int, default=2048)
parser.add_argument('--shape', help='MxKxN: time an M x K times K x N product instead of size x size squares')
parser.add_argument('--runs', type=int, default=5)
args = parser.parse_args()
os.environ['OPENBLAS_NUM_THREADS'] = str(args.threads)
import numpy as np  # noqa: E402 (after the thread setting)

blas = ctypes.CDLL(args.library)
m = k = n = args.size
if args.shape:
    m, k, n = (int(d) for d in args.shape.split('x'))
rng = np.random.default_rng(1)
a = rng.random((m, k))
b = rng.random((k, n))
c = np.zeros((m, n))
double_p = ctypes.POINTER(ctypes.c_double)
ROW_MAJOR, NO_TRANS = 101, 111
call = (ctypes.c_int(ROW_MAJOR), ctypes.c_int(NO_TRANS), ctypes.c_int(NO_TRANS),
        ctypes.c_int(m), ctypes.c_int(n), ctypes.c_int(k), ctypes.c_double(1.0),
        a.ctypes.data_as(double_p), ctypes.c_int(k), b.ctypes.data_as(double_p), ctypes.c_int(n),
        ctypes.c_double(0.0), c.ctypes.data_as(double_p), ctypes.c_int(n))
blas.cblas_dgemm(*call)
# the product checked once against numpy's, so that a wrong call cannot pass as fast
assert np.allclose(c, a @ b), 'cblas_dgemm gave a different product than numpy'
flop = 2 * m * k * n
# each timing covers about a gigaflop of calls, so that a small product is not timed one call at a time
calls = max(1, round(1e9 / flop))
best = float('inf')
for _ in range(args.runs):
    start = time.perf_counter()
    for _ in range(calls):
        blas.cblas_dgemm(*call)
    best = min(best, (time.perf_counter() - start) / calls)
print(json.dumps({'library': args.library, 'threads': args.threads, 'shape': f'{m}x{k}x{n}',
                  'gflops': round(flop / best / 1e9, 1)}))
