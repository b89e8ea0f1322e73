package dev.backprop.core.testing;

import dev.backprop.core.spi.MatrixBackend;
import org.ejml.data.DMatrixRMaj;
import org.ejml.dense.row.CommonOps_DDRM;

/**
 * An independent reference backend: EJML's own {@code CommonOps_DDRM} products, counting the calls so tests
 * can see that every product of a network goes through its backend.
 */
public final class CommonOpsBackend implements MatrixBackend {

    private int calls;

    @Override
    public String name() {
        return "commonops-test";
    }

    /** How many products were computed. */
    public int calls() {
        return calls;
    }

    @Override
    public void mult(DMatrixRMaj a, DMatrixRMaj b, DMatrixRMaj c) {
        calls++;
        CommonOps_DDRM.mult(a, b, c);
    }

    @Override
    public void multTransA(DMatrixRMaj a, DMatrixRMaj b, DMatrixRMaj c) {
        calls++;
        CommonOps_DDRM.multTransA(a, b, c);
    }

    @Override
    public void multTransB(DMatrixRMaj a, DMatrixRMaj b, DMatrixRMaj c) {
        calls++;
        CommonOps_DDRM.multTransB(a, b, c);
    }
}
