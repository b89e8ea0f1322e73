package dev.backprop.core.spi;

import org.ejml.data.DMatrixRMaj;

/**
 * The gradient of a loss with respect to the last layer's pre-activations {@code Z}, computed directly for
 * an activation–loss pair (see {@link Loss#fusedWith(Activation)}).
 */
@FunctionalInterface
public interface FusedGradient {

    /**
     * Computes {@code dZ = ∂L/∂Z}.
     *
     * @param z      pre-activations of the last layer, n × k. Not modified.
     * @param output the activation's output {@code A = f(Z)}. Not modified.
     * @param target the targets. Not modified.
     * @param dz     output, already shaped n × k. Modified.
     */
    void gradient(DMatrixRMaj z, DMatrixRMaj output, DMatrixRMaj target, DMatrixRMaj dz);
}
