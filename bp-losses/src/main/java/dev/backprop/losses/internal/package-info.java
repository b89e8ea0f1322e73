/**
 * The {@link dev.backprop.core.spi.LossProvider}s of the built-in losses, found by {@link java.util.ServiceLoader}
 * through {@code provides} in module-info and the {@code META-INF/services} file. Not exported: {@code provides}
 * needs no export, and Java code uses {@link dev.backprop.losses.Losses}.
 */
package dev.backprop.losses.internal;
