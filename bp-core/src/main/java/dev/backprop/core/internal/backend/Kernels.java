package dev.backprop.core.internal.backend;

import java.util.Arrays;

/**
 * bp's portable pure-Java matrix products, written for what HotSpot's C2 compiler (Java 17) turns into SIMD
 * code; {@link VectorKernels} replaces them when the Vector API is present.
 *
 * <p>Every product is computed row by row in the streaming ("axpy") form
 * {@code y_i = Σ_p X[i][p] · R_p}, where {@code R_p} are rows of the right operand (see {@link Operands}):
 * never as dot products down a column, which C2 cannot vectorise. C2 vectorises such a loop only when each
 * array is indexed from 0 ({@code acc[j] += x · row[j]}); at a variable offset into a flat matrix
 * ({@code c[c0 + j] += x · b[b0 + j]}) it falls back to scalar code, four to eight times slower. So each
 * block of rows of R is first copied ("packed") into arrays of their own, and each output row is summed in a
 * row-sized accumulator and then copied into place. A block holds {@link #blockRows} rows of R, a chunk of
 * output rows {@link #chunkRows} accumulators: the scratch memory depends on the widths, never on a whole
 * weight matrix.
 *
 * <p>Each output entry is summed in one fixed order, whatever the row range, block, chunk, thread or kernel
 * class: {@code y = 0}, then {@code y = fma(x_p, r_p, y)} for {@code p = 0, 1, …, k−1}: a chain of fused
 * multiply-adds ({@link Math#fma}), each rounded once. Every x86-64 processor since 2013 and every 64-bit ARM
 * one computes a fused multiply-add in one instruction, which C2 vectorises; where a processor has none, Java
 * computes it exactly in software, correct but many times slower.
 */
final class Kernels {

    /**
     * Doubles of R per block of the sum: 16 KiB, half the level-1 data cache of current x86 and ARM cores
     * (measured: 16 and 32 KiB blocks are equally fast, 64 KiB and unblocked 15 to 40% slower).
     */
    static final int L1_DOUBLES = 2048;

    /** Doubles of accumulators per chunk of output rows: 256 KiB, within the level-2 cache. */
    static final int CHUNK_DOUBLES = 1 << 15;

    private Kernels() {}

    /** Rows of R per block: a multiple of 4, at least 4, about {@link #L1_DOUBLES} doubles. */
    static int blockRows(int len) {
        return Math.max(4, (L1_DOUBLES / Math.max(1, len)) & ~3);
    }

    /** Output rows per chunk: at least 1, about {@link #CHUNK_DOUBLES} doubles of accumulators. */
    static int chunkRows(int len) {
        return Math.max(1, CHUNK_DOUBLES / Math.max(1, len));
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
        double[][] packed = s.packed(len);
        double[][] acc = s.accumulators(len);
        // packed.length and blockRows are multiples of 4
        int block = Math.min(Math.min(blockRows(len), packed.length), Math.max(4, k));
        int chunk = Math.min(acc.length, Math.max(1, to - from));
        double[] x = o.x;
        int colStride = o.colStride;
        for (int i0 = from; i0 < to; i0 += chunk) {
            int i1 = Math.min(to, i0 + chunk);
            for (int i = i0; i < i1; i++) {
                Arrays.fill(acc[i - i0], 0, len, 0.0);
            }
            for (int p0 = 0; p0 < quads; p0 += block) {
                int p1 = Math.min(quads, p0 + block);
                pack(o, p0, p1, packed);
                for (int i = i0; i < i1; i++) {
                    double[] y = acc[i - i0];
                    int base = i * o.rowStride;
                    for (int p = p0; p < p1; p += 4) {
                        int q = base + p * colStride;
                        int b = p - p0;
                        // y_i = fma(x_{p+3}, r_{p+3}, fma(x_{p+2}, r_{p+2}, fma(x_{p+1}, r_{p+1}, fma(x_p, r_p, y_i))))
                        axpy4(
                                y,
                                packed[b],
                                packed[b + 1],
                                packed[b + 2],
                                packed[b + 3],
                                len,
                                x[q],
                                x[q + colStride],
                                x[q + 2 * colStride],
                                x[q + 3 * colStride]);
                    }
                }
            }
            if (quads < k) {
                pack(o, quads, k, packed);
            }
            for (int i = i0; i < i1; i++) {
                double[] y = acc[i - i0];
                int base = i * o.rowStride;
                for (int p = quads; p < k; p++) {
                    // y_i = fma(x_p, r_p, y_i)
                    axpy1(y, packed[p - quads], len, x[base + p * colStride]);
                }
                store(o, i, y, 0);
            }
        }
    }

    /** Copies rows {@code [p0, p1)} of R into {@code packed[0 .. p1−p0)}. */
    private static void pack(Operands o, int p0, int p1, double[][] packed) {
        double[] r = o.r;
        int len = o.len;
        int rld = o.rld;
        if (!o.rColumns) {
            for (int p = p0; p < p1; p++) {
                System.arraycopy(r, p * rld, packed[p - p0], 0, len);
            }
            return;
        }
        // R_p[j] = r[j·rld + p]: eight entries of a packed row at a time, a cache line of each
        for (int j0 = 0; j0 < len; j0 += 8) {
            int j1 = Math.min(len, j0 + 8);
            for (int p = p0; p < p1; p++) {
                double[] row = packed[p - p0];
                for (int j = j0; j < j1; j++) {
                    row[j] = r[j * rld + p];
                }
            }
        }
    }

    /** Writes finished row {@code y_i}, {@code y[yo .. yo+len)}, into the output (row i, or column i if transposed). */
    static void store(Operands o, int i, double[] y, int yo) {
        int len = o.len;
        if (o.transposed) {
            double[] c = o.c;
            int ld = o.ld;
            for (int j = 0; j < len; j++) {
                c[j * ld + i] = y[yo + j];
            }
        } else {
            System.arraycopy(y, yo, o.c, i * len, len);
        }
    }

    /** {@code acc = fma(x3, r3, fma(x2, r2, fma(x1, r1, fma(x0, r0, acc))))} over the first n entries. */
    private static void axpy4(
            double[] acc,
            double[] r0,
            double[] r1,
            double[] r2,
            double[] r3,
            int n,
            double x0,
            double x1,
            double x2,
            double x3) {
        for (int j = 0; j < n; j++) {
            acc[j] = Math.fma(x3, r3[j], Math.fma(x2, r2[j], Math.fma(x1, r1[j], Math.fma(x0, r0[j], acc[j]))));
        }
    }

    /** {@code acc = fma(x, r, acc)} over the first n entries. */
    private static void axpy1(double[] acc, double[] r, int n, double x) {
        for (int j = 0; j < n; j++) {
            acc[j] = Math.fma(x, r[j], acc[j]);
        }
    }
}
