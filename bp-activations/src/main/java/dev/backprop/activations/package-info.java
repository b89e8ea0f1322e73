/**
 * bp's built-in activation functions. Each is a class implementing
 * {@link dev.backprop.core.spi.Activation}, created in Java code by the typed factories of
 * {@link dev.backprop.activations.Activations} and found by name through the registries, its provider (in the
 * non-exported {@code internal} package) registered in {@code module-info.java} and in
 * {@code META-INF/services}:
 * {@code identity} (alias {@code linear}), {@code sigmoid}, {@code tanh}, {@code relu}, {@code leaky-relu},
 * {@code elu}, {@code selu}, {@code gelu}, {@code softplus}, {@code softsign}, {@code swish} (alias
 * {@code silu}), {@code mish}, {@code hard-sigmoid}, {@code hard-tanh}, {@code softmax} and
 * {@code log-softmax}.
 *
 * <p>Every class documents its function and the derivative its backward pass implements. Forward and backward
 * passes allocate nothing and accept {@code dZ} aliasing {@code G}.
 */
package dev.backprop.activations;
