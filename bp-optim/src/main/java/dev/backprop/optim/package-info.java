/**
 * bp's built-in optimizers, each registered with {@link java.util.ServiceLoader} under its name: {@code sgd},
 * {@code momentum}, {@code nesterov}, {@code adagrad}, {@code rmsprop}, {@code adam}, {@code adamw} and
 * {@code rprop}. They share {@link dev.backprop.optim.AbstractOptimizer}: the life cycle (initialise, step,
 * reset), state saved and restored by parameter name, and the {@link dev.backprop.optim.Regularization} keys
 * ({@code l2}, {@code l1}, {@code weight-decay}, {@code clip-value}, {@code clip-norm}, {@code max-norm},
 * {@code regularize-bias}) that every one of them accepts.
 *
 * <p>Example: {@code adam(lr=0.001,beta1=0.9,l2=1.0E-4,clip-norm=5.0)}.
 */
package dev.backprop.optim;
