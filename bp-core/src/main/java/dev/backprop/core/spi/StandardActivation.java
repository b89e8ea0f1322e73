package dev.backprop.core.spi;

/**
 * Activations whose exact mathematics a loss may rely on to fuse its gradient with them (see
 * {@link Loss#fusedWith(Activation)}). An activation declares one through {@link Activation#standardForm()} only
 * if it computes exactly that function, with no parameters changing it; a replacement registered under the same
 * name that computes something else simply does not declare it, and the engine then takes the unfused path.
 */
public enum StandardActivation {
    /** The logistic function {@code σ(z) = 1 / (1 + e^−z)}, element-wise. */
    SIGMOID,
    /** The row-wise softmax {@code s_j = e^{z_j} / Σ_k e^{z_k}}. */
    SOFTMAX
}
