/**
 * bp's built-in optimizers, each registered with {@link java.util.ServiceLoader} under its name: {@code sgd},
 * {@code momentum}, {@code nesterov}, {@code adagrad}, {@code rmsprop}, {@code adam}, {@code adamw} and
 * {@code rprop}. They share {@link dev.backprop.optim.AbstractOptimizer}: the life cycle (initialise, step,
 * reset), state saved and restored by parameter name, and the {@link dev.backprop.optim.Regularization} keys
 * ({@code l2}, {@code l1}, {@code weight-decay}, {@code clip-value}, {@code clip-norm}, {@code max-norm},
 * {@code regularize-bias}) that every one of them accepts.
 *
 * <p>Example: {@code adam(lr=0.001,beta1=0.9,l2=1.0E-4,clip-norm=5.0)} by name, or in Java code
 * {@code Optimizers.adam().learningRate(0.001).beta1(0.9).l2(1e-4).clipNorm(5).build()} with the typed builders
 * of {@link dev.backprop.optim.Optimizers}. The providers live in the non-exported {@code internal} package.
 *
 * <p>Spelling: new API spells with "-ize", as {@code Initializer}, {@code Optimizer}, {@code regularize-bias}
 * and the JDK do; the SPI's older life-cycle method {@code Optimizer.initialise} keeps its name so that no plug-in
 * breaks.
 */
package dev.backprop.optim;
