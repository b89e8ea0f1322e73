/**
 * bp's built-in losses. Each is a class implementing {@link dev.backprop.core.spi.Loss}, created in Java code
 * by the typed factories of {@link dev.backprop.losses.Losses} and found by name through the registries, its
 * provider (in the non-exported {@code internal} package) registered in {@code module-info.java} and in
 * {@code META-INF/services}:
 * {@code mse}, {@code mae}, {@code half-sse}, {@code huber}, {@code binary-cross-entropy},
 * {@code binary-cross-entropy-with-logits}, {@code categorical-cross-entropy},
 * {@code softmax-cross-entropy}, {@code kl-divergence} and {@code hinge}.
 *
 * <p>Every class documents its value, how the batch is reduced to one number and the gradient it computes,
 * which is the exact gradient of that number. Conventions: n is the number of rows (samples) and k the number
 * of columns; {@code mean} reductions of the regression losses average over all n·k entries (PyTorch's
 * convention), the cross-entropies average over the n rows. Value, gradient and validation allocate nothing.
 *
 * <p>Fused gradients: binary-cross-entropy after sigmoid gives {@code dZ = (P − T)/n}; categorical-cross-entropy
 * and kl-divergence after softmax give {@code dZ = (P ⊙ rowsum(T) − T)/n}, which is {@code (P − T)/n} for
 * targets whose rows sum to 1. The engine uses them automatically.
 */
package dev.backprop.losses;
