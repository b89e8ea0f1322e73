/**
 * The {@link dev.backprop.core.spi.ActivationProvider}s of the built-in activations, found by
 * {@link java.util.ServiceLoader} through {@code provides} in module-info and the {@code META-INF/services} file.
 * Not exported: {@code provides} needs no export, and Java code uses {@link dev.backprop.activations.Activations}.
 */
package dev.backprop.activations.internal;
