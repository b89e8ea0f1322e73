package dev.backprop.core.internal.backend;

/**
 * One product in the row-streaming form {@code y_i = Σ_{p<k} X[i][p] · R_p} for output rows {@code i < count},
 * as {@link Kernels} and {@link VectorKernels} compute it. The fields are set once per product by
 * {@link EjmlProducts} and read by every thread computing part of it.
 *
 * <ul>
 *   <li>the coefficients {@code X[i][p] = x[i · rowStride + p · colStride]} (A with strides (k, 1), or Aᵀ with
 *       strides (1, m));</li>
 *   <li>the rows of the right operand, each of {@code len} entries: {@code R_p[j] = r[p · rld + j]} (rows of a
 *       row-major matrix) or, if {@code rColumns}, {@code R_p[j] = r[j · rld + p]} (its columns);</li>
 *   <li>the output: row i of a row-major {@code count × len} matrix ({@code c[i · len + j]}) or, if
 *       {@code transposed}, column i of a {@code len × ld} one ({@code c[j · ld + i]}).</li>
 * </ul>
 */
final class Operands {
    double[] x;
    int rowStride;
    int colStride;
    double[] r;
    int rld;
    boolean rColumns;
    int k;
    int len;
    double[] c;
    boolean transposed;
    int ld;

    /** Sets every field. */
    void set(
            double[] x,
            int rowStride,
            int colStride,
            double[] r,
            int rld,
            boolean rColumns,
            int k,
            int len,
            double[] c,
            boolean transposed,
            int ld) {
        this.x = x;
        this.rowStride = rowStride;
        this.colStride = colStride;
        this.r = r;
        this.rld = rld;
        this.rColumns = rColumns;
        this.k = k;
        this.len = len;
        this.c = c;
        this.transposed = transposed;
        this.ld = ld;
    }

    /** Drops the references to the matrices of the last product. */
    void clear() {
        x = null;
        r = null;
        c = null;
    }
}
