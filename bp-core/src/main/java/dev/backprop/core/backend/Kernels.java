package dev.backprop.core.backend;

import java.util.Arrays;

/**
 * bp's pure-Java matrix products, written for what HotSpot's C2 compiler (Java 17) turns into SIMD code.
 *
 * <p>Every product is computed row by row in the streaming ("axpy") form
 * {@code c_i = Σ_p x_{i,p} · r_p}, where {@code r_p} are rows of the right operand: never as dot products
 * down a column, which C2 cannot vectorise. C2 vectorises such a loop only when each array is indexed from 0
 * ({@code acc[j] += x · row[j]}); at a variable offset into a flat matrix ({@code c[c0 + j] += x · b[b0 + j]})
 * it falls back to scalar code, four to eight times slower. So the right operand is first copied ("packed")
 * into one array per row, and each output row is summed in a row-sized accumulator and then copied into
 * place. Packing costs k·n copies against m·k·n multiply-adds.
 *
 * <p>When the output has few columns (the 10 classes of a classifier, say) its rows are too short for SIMD
 * code, so the transposed product {@code Cᵀ} is computed instead, row by row, with the left operand packed;
 * each entry is still the same sum in the same order.
 *
 * <p>Each output entry is summed in one fixed order, whatever the row range, orientation or thread:
 * {@code c = 0}, then for {@code p = 0, 4, 8, …}: {@code c += ((x_p r_p + x_{p+1} r_{p+1}) + x_{p+2} r_{p+2})
 * + x_{p+3} r_{p+3}}, then the remaining {@code p} one at a time.
 */
final class Kernels {

    /**
     * Doubles of R per block of the sum: 16 KiB, half the level-1 data cache of current x86 and ARM cores
     * (measured: 16 and 32 KiB blocks are equally fast, 64 KiB and unblocked 15 to 40% slower).
     */
    private static final int L1_DOUBLES = 2048;

    private Kernels() {}

    /**
     * Copies rows of a row-major k × n matrix into {@code packed[p][0..n)}.
     *
     * @param b      the matrix. Not modified.
     * @param packed at least k rows of at least n entries. Modified.
     */
    static void packRows(double[] b, int k, int n, double[][] packed) {
        for (int p = 0; p < k; p++) {
            System.arraycopy(b, p * n, packed[p], 0, n);
        }
    }

    /**
     * Copies the columns of a row-major n × k matrix into {@code packed[p][0..n)}: {@code packed[p][j] = B[j][p]},
     * the rows of Bᵀ.
     *
     * @param b      the matrix. Not modified.
     * @param packed at least k rows of at least n entries. Modified.
     */
    static void packColumns(double[] b, int n, int k, double[][] packed) {
        // eight rows of B at a time, so that each packed row is written a cache line at a time
        for (int j0 = 0; j0 < n; j0 += 8) {
            int j1 = Math.min(n, j0 + 8);
            for (int p = 0; p < k; p++) {
                double[] row = packed[p];
                for (int j = j0; j < j1; j++) {
                    row[j] = b[j * k + p];
                }
            }
        }
    }

    /**
     * Rows {@code [from, to)} of {@code Y = X R}: {@code y_i = Σ_{p<k} X[i][p] · packed[p]}, where
     * {@code X[i][p] = a[i · rowStride + p · colStride]} (so X is A with strides (k, 1), or Aᵀ with (1, m)).
     * Row {@code y_i} is written to row i of the row-major output ({@code c[i·len + j]}), or, if
     * {@code transposed}, to column i of an output with {@code ld} columns ({@code c[j·ld + i]}).
     *
     * <p>The sum runs over blocks of {@code p} small enough for their rows of R to stay in the level-1 cache
     * while every output row of the range takes its share, each row summing into its own accumulator
     * {@code acc[i]}; blocks are whole groups of four, so the order of the sum is the one in the class comment.
     *
     * @param a      the coefficients. Not modified.
     * @param packed k rows of the right operand, each of at least len entries. Not modified.
     * @param len    the length of each output row y_i
     * @param c      the output. Rows (or columns) from … to−1 are overwritten.
     * @param acc    accumulators: rows from … to−1, each of at least len entries. Modified.
     */
    static void rows(
            double[] a,
            int rowStride,
            int colStride,
            double[][] packed,
            int k,
            int len,
            double[] c,
            boolean transposed,
            int ld,
            int from,
            int to,
            double[][] acc) {
        for (int i = from; i < to; i++) {
            Arrays.fill(acc[i], 0, len, 0.0);
        }
        int quads = k & ~3;
        int block = Math.max(4, (L1_DOUBLES / Math.max(1, len)) & ~3);
        for (int p0 = 0; p0 < quads; p0 += block) {
            int p1 = Math.min(quads, p0 + block);
            for (int i = from; i < to; i++) {
                double[] y = acc[i];
                int base = i * rowStride;
                for (int p = p0; p < p1; p += 4) {
                    int q = base + p * colStride;
                    // y_i += x_p r_p + x_{p+1} r_{p+1} + x_{p+2} r_{p+2} + x_{p+3} r_{p+3}
                    axpy4(
                            y,
                            packed[p],
                            packed[p + 1],
                            packed[p + 2],
                            packed[p + 3],
                            len,
                            a[q],
                            a[q + colStride],
                            a[q + 2 * colStride],
                            a[q + 3 * colStride]);
                }
            }
        }
        for (int i = from; i < to; i++) {
            double[] y = acc[i];
            int base = i * rowStride;
            for (int p = quads; p < k; p++) {
                // y_i += x_p r_p
                axpy1(y, packed[p], len, a[base + p * colStride]);
            }
            if (transposed) {
                for (int j = 0; j < len; j++) {
                    c[j * ld + i] = y[j];
                }
            } else {
                System.arraycopy(y, 0, c, i * len, len);
            }
        }
    }

    /** {@code acc += x0 r0 + x1 r1 + x2 r2 + x3 r3} over the first n entries. */
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
            acc[j] += x0 * r0[j] + x1 * r1[j] + x2 * r2[j] + x3 * r3[j];
        }
    }

    /** {@code acc += x r} over the first n entries. */
    private static void axpy1(double[] acc, double[] r, int n, double x) {
        for (int j = 0; j < n; j++) {
            acc[j] += x * r[j];
        }
    }
}
