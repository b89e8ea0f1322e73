/**
 * The {@link dev.backprop.core.spi.OptimizerProvider}s of the built-in optimizers, found by
 * {@link java.util.ServiceLoader} through {@code provides} in module-info and the {@code META-INF/services} file.
 * Not exported: {@code provides} needs no export, and Java code uses {@link dev.backprop.optim.Optimizers}.
 */
package dev.backprop.optim.internal;
