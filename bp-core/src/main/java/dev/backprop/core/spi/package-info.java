/**
 * The plug-in interfaces of bp: activations, losses, optimizers, learning-rate schedules and matrix backends,
 * each made by a provider that {@link java.util.ServiceLoader} finds on the class path or module path. A plug-in
 * jar implements a provider interface, registers it in {@code module-info.java} ({@code provides ... with ...})
 * and in {@code META-INF/services}, and is then usable by name.
 *
 * <p>Components are named with parameters ({@link dev.backprop.core.spi.ComponentSpec}, {@code adam(lr=0.001)})
 * whose numbers follow bp's one strict grammar ({@link dev.backprop.core.spi.Numbers}); messages quote user
 * input through {@link dev.backprop.core.spi.Echo}, which cuts it to a readable length.
 */
package dev.backprop.core.spi;
