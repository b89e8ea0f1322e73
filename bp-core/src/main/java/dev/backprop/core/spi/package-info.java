/**
 * The plug-in interfaces of bp: activations, losses, optimizers, learning-rate schedules and matrix backends,
 * each made by a provider that {@link java.util.ServiceLoader} finds on the class path or module path. A plug-in
 * jar implements a provider interface, registers it in {@code module-info.java} ({@code provides ... with ...})
 * and in {@code META-INF/services}, and is then usable by name.
 */
package dev.backprop.core.spi;
