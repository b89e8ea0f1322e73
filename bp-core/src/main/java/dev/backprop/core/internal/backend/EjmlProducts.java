package dev.backprop.core.internal.backend;

import dev.backprop.core.spi.MatrixBackend;
import org.ejml.data.DMatrixRMaj;

/**
 * The products of an {@link EjmlBackend} for one caller at a time, with the scratch memory they need: what
 * {@link EjmlBackend#confined()} returns, so that a network or a predictor owns its workspace and it dies with
 * its owner. Allocation-free once it has seen its largest product.
 *
 * <p>Products of at least {@link EjmlBackend#PARALLEL_WORK} multiply-adds split their output rows between the
 * calling thread and the common fork-join pool, each thread with its own {@link Scratch}; on the Vector API
 * kernel, {@code A Bᵀ} splits its output columns instead, so that each column of B is gathered once.
 */
final class EjmlProducts implements MatrixBackend, RowSplitter.RowRange {

    /** Output rows shorter than this are computed as columns of Cᵀ when those are longer. */
    private static final int SHORT_ROW = 32;

    private final EjmlBackend owner;
    private final int threads;
    private final boolean vector;
    private final Scratch[] scratch;
    private final RowSplitter splitter;
    private final Operands operands = new Operands();
    private final RowSplitter.RowRange panelTask = this::computePanels;
    /** Output rows of the product being split by columns. */
    private int rows;

    EjmlProducts(EjmlBackend owner, int threads, boolean vector) {
        this.owner = owner;
        this.threads = threads;
        this.vector = vector;
        this.scratch = new Scratch[threads];
        for (int t = 0; t < threads; t++) {
            scratch[t] = new Scratch();
        }
        this.splitter = new RowSplitter(threads);
    }

    @Override
    public String name() {
        return owner.name();
    }

    @Override
    public String description() {
        return owner.description();
    }

    @Override
    public MatrixBackend confined() {
        return owner.confined();
    }

    @Override
    public void mult(DMatrixRMaj a, DMatrixRMaj b, DMatrixRMaj c) {
        ProductShapes.checkMult(a, b, c);
        int m = a.numRows;
        int k = a.numCols;
        int n = b.numCols;
        c.reshape(m, n);
        if (transpose(m, n)) {
            // Cᵀ = Bᵀ Aᵀ: row j of Cᵀ is Σ_p B[p][j] Aᵀ[p], Aᵀ[p] the column p of A
            operands.set(b.data, 1, n, a.data, k, true, k, m, c.data, true, n);
            run(n);
        } else {
            // C = A B: row i of C is Σ_p A[i][p] B[p]
            operands.set(a.data, k, 1, b.data, n, false, k, n, c.data, false, n);
            run(m);
        }
    }

    @Override
    public void multTransA(DMatrixRMaj a, DMatrixRMaj b, DMatrixRMaj c) {
        ProductShapes.checkMultTransA(a, b, c);
        int k = a.numRows;
        int m = a.numCols;
        int n = b.numCols;
        c.reshape(m, n);
        if (transpose(m, n)) {
            // Cᵀ = Bᵀ A: row j of Cᵀ is Σ_p B[p][j] A[p]
            operands.set(b.data, 1, n, a.data, m, false, k, m, c.data, true, n);
            run(n);
        } else {
            // C = Aᵀ B: row i of C is Σ_p A[p][i] B[p]
            operands.set(a.data, 1, m, b.data, n, false, k, n, c.data, false, n);
            run(m);
        }
    }

    @Override
    public void multTransB(DMatrixRMaj a, DMatrixRMaj b, DMatrixRMaj c) {
        ProductShapes.checkMultTransB(a, b, c);
        int m = a.numRows;
        int k = a.numCols;
        int n = b.numRows;
        c.reshape(m, n);
        if (transpose(m, n)) {
            // Cᵀ = B Aᵀ: row j of Cᵀ is Σ_p B[j][p] Aᵀ[p], Aᵀ[p] the column p of A
            operands.set(b.data, k, 1, a.data, k, true, k, m, c.data, true, n);
            run(n);
        } else {
            // C = A Bᵀ: row i of C is Σ_p A[i][p] Bᵀ[p], Bᵀ[p] the column p of B
            operands.set(a.data, k, 1, b.data, k, true, k, n, c.data, false, n);
            run(m);
        }
    }

    /** Whether C's rows (n entries) are too short for SIMD code while Cᵀ's (m entries) are long enough. */
    private static boolean transpose(int m, int n) {
        return n < SHORT_ROW && m > n;
    }

    private void run(int count) {
        long work = (long) count * operands.k * operands.len;
        int useful = (int) Math.min(threads, Math.max(1, work / EjmlBackend.PARALLEL_WORK));
        try {
            int panels = vector && operands.rColumns && !operands.transposed
                    ? (operands.len + VectorKernels.panelColumns() - 1) / VectorKernels.panelColumns()
                    : 0;
            if (useful > 1 && panels >= 2) {
                // R gathered from columns: threads share the columns, so that each is gathered once
                rows = count;
                splitter.run(panelTask, panels, useful, 1);
            } else if (useful > 1 && count >= 2) {
                // a compile-time constant: reading it does not load VectorKernels
                splitter.run(this, count, useful, vector ? VectorKernels.TILE_ROWS : 1);
            } else {
                compute(0, count, 0);
            }
        } finally {
            operands.clear();
        }
    }

    /** Computes the columns of panels {@code [from, to)} of every output row, as part number {@code part}. */
    private void computePanels(int from, int to, int part) {
        int width = VectorKernels.panelColumns();
        VectorKernels.columns(operands, rows, from * width, Math.min(operands.len, to * width), scratch[part]);
    }

    @Override
    public void compute(int from, int to, int part) {
        if (from >= to) {
            return;
        }
        if (vector) {
            VectorKernels.rows(operands, from, to, scratch[part]);
        } else {
            Kernels.rows(operands, from, to, scratch[part]);
        }
    }

    /** The doubles of scratch memory this view holds, over all its threads. */
    long scratchDoubles() {
        long total = 0;
        for (Scratch s : scratch) {
            total += s.doubles();
        }
        return total;
    }

    @Override
    public String toString() {
        return owner + ", confined";
    }
}
