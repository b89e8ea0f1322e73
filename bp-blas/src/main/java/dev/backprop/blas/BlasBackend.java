package dev.backprop.blas;

import dev.backprop.core.internal.backend.EjmlBackend;
import dev.backprop.core.internal.backend.ProductShapes;
import dev.backprop.core.spi.MatrixBackend;
import dev.ludovic.netlib.blas.BLAS;
import org.ejml.data.DMatrixRMaj;

/**
 * Matrix products as one {@code dgemm} call each into a BLAS, on bp's row-major matrices without copying.
 *
 * <p>BLAS is column-major, and a row-major m × n array read column-major is its transpose. So
 * {@code C = A B} (row-major) is computed as {@code Cᵀ = Bᵀ Aᵀ} (column-major) by passing the operands swapped:
 * <pre>
 *   C = A B    →  dgemm("N", "N", n, m, k, 1, B, n, A, k, 0, C, n)    A m × k, B k × n
 *   C = Aᵀ B   →  dgemm("N", "T", n, m, k, 1, B, n, A, m, 0, C, n)    A k × m, B k × n
 *   C = A Bᵀ   →  dgemm("T", "N", n, m, k, 1, B, k, A, k, 0, C, n)    A m × k, B n × k
 * </pre>
 *
 * <p>Products smaller than {@link #SMALL_WORK} multiply-adds go to bp's pure-Java kernels on the calling
 * thread instead, where a native call's fixed cost would dominate (a 2-2-2 network's products have 8); empty
 * products never reach the BLAS either.
 * Thread-safe if the BLAS is (OpenBLAS is); allocation-free.
 */
public final class BlasBackend implements MatrixBackend {

    /** The registered name. */
    public static final String NAME = "blas";

    /** Products of fewer multiply-adds (m·k·n) than this are computed in Java. */
    public static final long SMALL_WORK = 4096;

    private final BLAS blas;
    private final String description;
    private final MatrixBackend small = new EjmlBackend(1);

    /**
     * A backend on the given BLAS; {@link BlasBackendProvider#create()} makes one on the native BLAS.
     *
     * @param blas        the binding, e.g. netlib's JNI one
     * @param description what computes the products, for the log line, e.g. {@code netlib JNIBLAS → OpenBLAS}
     */
    BlasBackend(BLAS blas, String description) {
        this.blas = blas;
        this.description = description;
    }

    @Override
    public String name() {
        return NAME;
    }

    @Override
    public String description() {
        return description;
    }

    @Override
    public void mult(DMatrixRMaj a, DMatrixRMaj b, DMatrixRMaj c) {
        ProductShapes.checkMult(a, b, c);
        int m = a.numRows;
        int k = a.numCols;
        int n = b.numCols;
        if ((long) m * k * n < SMALL_WORK) {
            small.mult(a, b, c);
            return;
        }
        c.reshape(m, n);
        // C = A B, as column-major Cᵀ = Bᵀ Aᵀ
        blas.dgemm("N", "N", n, m, k, 1.0, b.data, n, a.data, k, 0.0, c.data, n);
    }

    @Override
    public void multTransA(DMatrixRMaj a, DMatrixRMaj b, DMatrixRMaj c) {
        ProductShapes.checkMultTransA(a, b, c);
        int k = a.numRows;
        int m = a.numCols;
        int n = b.numCols;
        if ((long) m * k * n < SMALL_WORK) {
            small.multTransA(a, b, c);
            return;
        }
        c.reshape(m, n);
        // C = Aᵀ B, as column-major Cᵀ = Bᵀ A
        blas.dgemm("N", "T", n, m, k, 1.0, b.data, n, a.data, m, 0.0, c.data, n);
    }

    @Override
    public void multTransB(DMatrixRMaj a, DMatrixRMaj b, DMatrixRMaj c) {
        ProductShapes.checkMultTransB(a, b, c);
        int m = a.numRows;
        int k = a.numCols;
        int n = b.numRows;
        if ((long) m * k * n < SMALL_WORK) {
            small.multTransB(a, b, c);
            return;
        }
        c.reshape(m, n);
        // C = A Bᵀ, as column-major Cᵀ = B Aᵀ
        blas.dgemm("T", "N", n, m, k, 1.0, b.data, k, a.data, k, 0.0, c.data, n);
    }

    @Override
    public String toString() {
        return NAME + " (" + description + ")";
    }
}
