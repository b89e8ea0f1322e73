package dev.backprop.core.backend;

import dev.backprop.core.spi.MatrixBackend;
import java.util.concurrent.ForkJoinPool;
import org.ejml.data.DMatrixRMaj;

/**
 * The default backend: pure Java on EJML's row-major matrices, available everywhere.
 *
 * <p>EJML's own {@code CommonOps_DDRM.multTransB} computes {@code A Bᵀ} as dot products, which the JIT cannot
 * vectorise, and its other products index one flat array at moving offsets, which Java 17's JIT does not
 * vectorise either. This backend computes every product in the row-streaming ("axpy") form, four terms per
 * pass, on a copy of the right operand packed one array per row ({@code B} for {@code A B} and {@code Aᵀ B},
 * {@code Bᵀ} for {@code A Bᵀ}), which the JIT turns into SIMD code; see {@link Kernels}. The packed copy and
 * the scratch rows live in a per-thread workspace that grows to the largest product and is then reused.
 *
 * <p>Products of at least {@link #PARALLEL_WORK} multiply-adds split their output rows between the calling
 * thread and the common fork-join pool, up to {@link #threads()} threads; results are bit-identical for any
 * number of threads because only rows are split. Thread-safe: each calling thread has its own workspace.
 * Allocation-free in steady state.
 */
public final class EjmlBackend implements MatrixBackend {

    /** The registered name. */
    public static final String NAME = "ejml";

    /**
     * The smallest product, in multiply-adds m·k·n, that is split between threads (about 50 µs of work on one
     * thread); below it the hand-off to a pool worker, which can take tens of microseconds to wake, costs more
     * than it saves.
     */
    public static final long PARALLEL_WORK = 1L << 19;

    /** Output rows shorter than this are computed as columns of Cᵀ when those are longer. */
    private static final int SHORT_ROW = 32;

    private final int threads;
    private final ThreadLocal<Workspace> workspaces;

    /** A backend using the calling thread and the common pool's workers, at most one thread per processor. */
    public EjmlBackend() {
        this(defaultThreads());
    }

    /**
     * A backend using up to {@code threads} threads per product, the caller included; 1 for single-threaded.
     *
     * @throws IllegalArgumentException if {@code threads} is less than 1
     */
    public EjmlBackend(int threads) {
        if (threads < 1) {
            throw new IllegalArgumentException("threads must be at least 1, got " + threads);
        }
        this.threads = threads;
        this.workspaces = ThreadLocal.withInitial(() -> new Workspace(threads));
    }

    /** The calling thread plus the common pool's workers, at most the number of processors. */
    static int defaultThreads() {
        return Math.max(
                1, Math.min(Runtime.getRuntime().availableProcessors(), ForkJoinPool.getCommonPoolParallelism() + 1));
    }

    /** The most threads one product uses, the caller included. */
    public int threads() {
        return threads;
    }

    @Override
    public String name() {
        return NAME;
    }

    @Override
    public String description() {
        return "pure Java on EJML matrices, " + threads + (threads == 1 ? " thread" : " threads");
    }

    @Override
    public void mult(DMatrixRMaj a, DMatrixRMaj b, DMatrixRMaj c) {
        ProductShapes.checkMult(a, b, c);
        int m = a.numRows;
        int k = a.numCols;
        int n = b.numCols;
        c.reshape(m, n);
        Workspace w = workspaces.get();
        if (transpose(m, n)) {
            // Aᵀ, one array per row
            double[][] packed = w.packed(k, m);
            Kernels.packColumns(a.data, m, k, packed);
            // Cᵀ = Bᵀ Aᵀ: row j of Cᵀ is Σ_p B[p][j] Aᵀ[p]
            rows(w, b.data, 1, n, packed, k, m, c.data, true, n, n);
        } else {
            // B, one array per row
            double[][] packed = w.packed(k, n);
            Kernels.packRows(b.data, k, n, packed);
            // C = A B: row i of C is Σ_p A[i][p] B[p]
            rows(w, a.data, k, 1, packed, k, n, c.data, false, n, m);
        }
    }

    @Override
    public void multTransA(DMatrixRMaj a, DMatrixRMaj b, DMatrixRMaj c) {
        ProductShapes.checkMultTransA(a, b, c);
        int k = a.numRows;
        int m = a.numCols;
        int n = b.numCols;
        c.reshape(m, n);
        Workspace w = workspaces.get();
        if (transpose(m, n)) {
            // A, one array per row
            double[][] packed = w.packed(k, m);
            Kernels.packRows(a.data, k, m, packed);
            // Cᵀ = Bᵀ A: row j of Cᵀ is Σ_p B[p][j] A[p]
            rows(w, b.data, 1, n, packed, k, m, c.data, true, n, n);
        } else {
            // B, one array per row
            double[][] packed = w.packed(k, n);
            Kernels.packRows(b.data, k, n, packed);
            // C = Aᵀ B: row i of C is Σ_p A[p][i] B[p]
            rows(w, a.data, 1, m, packed, k, n, c.data, false, n, m);
        }
    }

    @Override
    public void multTransB(DMatrixRMaj a, DMatrixRMaj b, DMatrixRMaj c) {
        ProductShapes.checkMultTransB(a, b, c);
        int m = a.numRows;
        int k = a.numCols;
        int n = b.numRows;
        c.reshape(m, n);
        Workspace w = workspaces.get();
        if (transpose(m, n)) {
            // Aᵀ, one array per row
            double[][] packed = w.packed(k, m);
            Kernels.packColumns(a.data, m, k, packed);
            // Cᵀ = B Aᵀ: row j of Cᵀ is Σ_p B[j][p] Aᵀ[p]
            rows(w, b.data, k, 1, packed, k, m, c.data, true, n, n);
        } else {
            // Bᵀ, one array per row
            double[][] packed = w.packed(k, n);
            Kernels.packColumns(b.data, n, k, packed);
            // C = A Bᵀ: row i of C is Σ_p A[i][p] Bᵀ[p]
            rows(w, a.data, k, 1, packed, k, n, c.data, false, n, m);
        }
    }

    /** Whether C's rows (n entries) are too short for SIMD code while Cᵀ's (m entries) are long enough. */
    private static boolean transpose(int m, int n) {
        return n < SHORT_ROW && m > n;
    }

    private void rows(
            Workspace w,
            double[] a,
            int rowStride,
            int colStride,
            double[][] packed,
            int k,
            int len,
            double[] c,
            boolean transposed,
            int ld,
            int count) {
        long work = (long) count * k * len;
        int useful = (int) Math.min(threads, Math.max(1, work / PARALLEL_WORK));
        double[][] acc = w.accumulators(count, len);
        if (useful > 1 && count >= 2) {
            w.splitter.run(a, rowStride, colStride, packed, k, len, c, transposed, ld, count, useful, acc);
        } else {
            Kernels.rows(a, rowStride, colStride, packed, k, len, c, transposed, ld, 0, count, acc);
        }
    }

    @Override
    public String toString() {
        return NAME + " (" + description() + ")";
    }

    /** What one calling thread reuses from call to call; it grows to the largest product and stays. */
    private static final class Workspace {
        final RowSplitter splitter;
        private double[][] packed = new double[0][0];
        private double[][] accumulators = new double[0][0];

        Workspace(int threads) {
            this.splitter = new RowSplitter(threads);
        }

        /** Rows for the packed right operand: at least k of at least n entries. */
        double[][] packed(int k, int n) {
            packed = atLeast(packed, k, n);
            return packed;
        }

        /** One accumulator per output row: at least m of at least n entries. */
        double[][] accumulators(int m, int n) {
            accumulators = atLeast(accumulators, m, n);
            return accumulators;
        }

        private static double[][] atLeast(double[][] rows, int count, int length) {
            int width = rows.length == 0 ? 0 : rows[0].length;
            if (rows.length >= count && width >= length) {
                return rows;
            }
            return new double[Math.max(count, rows.length)][Math.max(length, width)];
        }
    }
}
