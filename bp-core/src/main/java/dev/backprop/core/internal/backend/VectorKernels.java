package dev.backprop.core.internal.backend;

import java.util.Arrays;
import jdk.incubator.vector.DoubleVector;
import jdk.incubator.vector.VectorSpecies;

/**
 * The products of {@link Kernels} on the Vector API ({@code jdk.incubator.vector}), used when that module is
 * present (Java started with {@code --add-modules jdk.incubator.vector}); only
 * {@link EjmlProducts} loads this class, and only then.
 *
 * <p>Vectors load and store at any offset, so the rows of a row-major right operand are read in place and
 * output rows are summed directly in the output: nothing is copied, which is what makes a batch of one sample
 * (where a copy of the weights costs as much as the product) fast. Only rows of R that are columns of a matrix
 * ({@code A Bᵀ}, and the transposed orientation) are gathered, a block at a time, and only transposed outputs
 * use accumulators.
 *
 * <p>Each entry is summed in exactly the order of {@link Kernels} ({@code y += ((x_p r_p + x_{p+1} r_{p+1}) +
 * x_{p+2} r_{p+2}) + x_{p+3} r_{p+3}}, with separate multiplies and adds, lane by lane), so both kernels give
 * bit-identical results, for any number of threads.
 */
final class VectorKernels {

    private static final VectorSpecies<Double> SPECIES = DoubleVector.SPECIES_PREFERRED;

    private VectorKernels() {}

    /** Lanes per vector; loading this class fails where the Vector API is missing. */
    static int lanes() {
        return SPECIES.length();
    }

    /**
     * Output rows {@code [from, to)} of the product described by {@code o}.
     *
     * @param o the operands. Not modified; the output rows (or columns) from … to−1 are overwritten.
     * @param s this thread's scratch memory. Modified.
     */
    static void rows(Operands o, int from, int to, Scratch s) {
        int k = o.k;
        int len = o.len;
        int quads = k & ~3;
        int block = Math.min(Kernels.blockRows(len), Math.max(4, k));
        boolean direct = !o.transposed;
        double[][] acc = direct ? null : s.accumulators(len);
        int chunk = direct ? Math.max(1, to - from) : Math.min(acc.length, Math.max(1, to - from));
        double[] gathered = o.rColumns ? s.flat(block * len) : null;
        double[] x = o.x;
        int colStride = o.colStride;
        for (int i0 = from; i0 < to; i0 += chunk) {
            int i1 = Math.min(to, i0 + chunk);
            for (int i = i0; i < i1; i++) {
                if (direct) {
                    Arrays.fill(o.c, i * len, i * len + len, 0.0);
                } else {
                    Arrays.fill(acc[i - i0], 0, len, 0.0);
                }
            }
            for (int p0 = 0; p0 < k; p0 += block) {
                int p1 = Math.min(k, p0 + block);
                double[] r;
                int rBase;
                int rld;
                if (gathered != null) {
                    gather(o, p0, p1, gathered);
                    r = gathered;
                    rBase = -p0 * len;
                    rld = len;
                } else {
                    r = o.r;
                    rBase = 0;
                    rld = o.rld;
                }
                int q1 = Math.min(p1, quads);
                for (int i = i0; i < i1; i++) {
                    double[] y = direct ? o.c : acc[i - i0];
                    int yo = direct ? i * len : 0;
                    int base = i * o.rowStride;
                    int p = p0;
                    for (; p < q1; p += 4) {
                        int q = base + p * colStride;
                        int ro = rBase + p * rld;
                        // y_i += x_p r_p + x_{p+1} r_{p+1} + x_{p+2} r_{p+2} + x_{p+3} r_{p+3}
                        axpy4(
                                y,
                                yo,
                                r,
                                ro,
                                ro + rld,
                                ro + 2 * rld,
                                ro + 3 * rld,
                                len,
                                x[q],
                                x[q + colStride],
                                x[q + 2 * colStride],
                                x[q + 3 * colStride]);
                    }
                    for (; p < p1; p++) {
                        // y_i += x_p r_p
                        axpy1(y, yo, r, rBase + p * rld, len, x[base + p * colStride]);
                    }
                }
            }
            if (!direct) {
                for (int i = i0; i < i1; i++) {
                    Kernels.store(o, i, acc[i - i0]);
                }
            }
        }
    }

    /** Copies rows {@code [p0, p1)} of R, which are columns of {@code o.r}, into {@code flat[(p−p0)·len + j]}. */
    private static void gather(Operands o, int p0, int p1, double[] flat) {
        double[] r = o.r;
        int len = o.len;
        int rld = o.rld;
        for (int j0 = 0; j0 < len; j0 += 8) {
            int j1 = Math.min(len, j0 + 8);
            for (int p = p0; p < p1; p++) {
                int row = (p - p0) * len;
                for (int j = j0; j < j1; j++) {
                    flat[row + j] = r[j * rld + p];
                }
            }
        }
    }

    /** {@code y[yo..yo+n) += x0 r[o0..] + x1 r[o1..] + x2 r[o2..] + x3 r[o3..]}, summed left to right. */
    private static void axpy4(
            double[] y,
            int yo,
            double[] r,
            int o0,
            int o1,
            int o2,
            int o3,
            int n,
            double x0,
            double x1,
            double x2,
            double x3) {
        int j = 0;
        int upper = SPECIES.loopBound(n);
        if (upper > 0) {
            DoubleVector v0 = DoubleVector.broadcast(SPECIES, x0);
            DoubleVector v1 = DoubleVector.broadcast(SPECIES, x1);
            DoubleVector v2 = DoubleVector.broadcast(SPECIES, x2);
            DoubleVector v3 = DoubleVector.broadcast(SPECIES, x3);
            for (; j < upper; j += SPECIES.length()) {
                DoubleVector t = DoubleVector.fromArray(SPECIES, r, o0 + j)
                        .mul(v0)
                        .add(DoubleVector.fromArray(SPECIES, r, o1 + j).mul(v1))
                        .add(DoubleVector.fromArray(SPECIES, r, o2 + j).mul(v2))
                        .add(DoubleVector.fromArray(SPECIES, r, o3 + j).mul(v3));
                DoubleVector.fromArray(SPECIES, y, yo + j).add(t).intoArray(y, yo + j);
            }
        }
        for (; j < n; j++) {
            y[yo + j] += x0 * r[o0 + j] + x1 * r[o1 + j] + x2 * r[o2 + j] + x3 * r[o3 + j];
        }
    }

    /** {@code y[yo..yo+n) += x r[o..o+n)}. */
    private static void axpy1(double[] y, int yo, double[] r, int o, int n, double x) {
        int j = 0;
        int upper = SPECIES.loopBound(n);
        if (upper > 0) {
            DoubleVector v = DoubleVector.broadcast(SPECIES, x);
            for (; j < upper; j += SPECIES.length()) {
                DoubleVector t = DoubleVector.fromArray(SPECIES, r, o + j).mul(v);
                DoubleVector.fromArray(SPECIES, y, yo + j).add(t).intoArray(y, yo + j);
            }
        }
        for (; j < n; j++) {
            y[yo + j] += x * r[o + j];
        }
    }
}
