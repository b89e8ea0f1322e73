package dev.backprop.core.spi;

import org.ejml.data.DMatrixRMaj;

/**
 * The matrix products of a network's forward and backward passes. A dense layer computes
 * {@code Z = X W} forward, and {@code dW = Xᵀ dZ} and {@code dX = dZ Wᵀ} backward, all through one backend;
 * the element-wise work (bias, activation, loss) stays in the engine.
 *
 * <p>Matrices are EJML's row-major {@link DMatrixRMaj}. Every method reshapes its output {@code c}, writes
 * every entry of it (no accumulation into old values), and refuses an output that is one of its inputs.
 *
 * <p>Contract for implementations:
 * <ul>
 *   <li>thread-safe: one backend serves every network built with it, on any thread;</li>
 *   <li>deterministic: with the same backend, shapes and thread count, results are bit-identical from run to
 *       run (each output entry is summed in a fixed order);</li>
 *   <li>allocation-free in steady state: after the first call with the largest shapes, a call on a
 *       {@link #confined()} view allocates nothing on the Java heap;</li>
 *   <li>scratch memory owned by its user: a backend that needs workspaces gives each user its own through
 *       {@link #confined()} (a network takes one when it is built, a predictor another), so they die with
 *       their owner; the backend keeps no per-thread workspaces;</li>
 *   <li>accurate: results agree with the plain sum of products to rounding (bp checks 1e-12 against the
 *       default backend).</li>
 * </ul>
 *
 * <p>Backends are found through {@link MatrixBackendProvider}.
 */
public interface MatrixBackend extends Component {

    /** The name of the provider that created this backend, e.g. {@code ejml} or {@code blas}. */
    @Override
    String name();

    /** No parameters: a backend's settings are system properties, read by its provider. */
    @Override
    default Config config() {
        return Config.empty();
    }

    /** What computes the products, for the log line naming the backend, e.g. {@code netlib JNIBLAS → OpenBLAS}. */
    default String description() {
        return name();
    }

    /**
     * A view of this backend for one caller at a time (one network, or one predictor), owning the scratch
     * memory its products need, so that the memory is freed with its owner rather than kept by the backend.
     * It computes exactly what this backend computes, with the same {@link #name()}. The default, for backends
     * without scratch memory, is this backend itself.
     *
     * @return a view that need not be thread-safe
     */
    default MatrixBackend confined() {
        return this;
    }

    /**
     * {@code C = A B}.
     *
     * @param a m × k. Not modified.
     * @param b k × n. Not modified.
     * @param c output, reshaped to m × n. Modified. Must not be {@code a} or {@code b}.
     * @throws IllegalArgumentException naming both shapes if the inner dimensions differ, or if {@code c} is an
     *                                  input
     */
    void mult(DMatrixRMaj a, DMatrixRMaj b, DMatrixRMaj c);

    /**
     * {@code C = Aᵀ B}.
     *
     * @param a k × m. Not modified.
     * @param b k × n. Not modified.
     * @param c output, reshaped to m × n. Modified. Must not be {@code a} or {@code b}.
     * @throws IllegalArgumentException naming both shapes if the row counts differ, or if {@code c} is an input
     */
    void multTransA(DMatrixRMaj a, DMatrixRMaj b, DMatrixRMaj c);

    /**
     * {@code C = A Bᵀ}.
     *
     * @param a m × k. Not modified.
     * @param b n × k. Not modified.
     * @param c output, reshaped to m × n. Modified. Must not be {@code a} or {@code b}.
     * @throws IllegalArgumentException naming both shapes if the column counts differ, or if {@code c} is an
     *                                  input
     */
    void multTransB(DMatrixRMaj a, DMatrixRMaj b, DMatrixRMaj c);
}
