package dev.backprop.core.spi;

/** Service interface for plug-in optimizers: register an implementation with {@link java.util.ServiceLoader}. */
public interface OptimizerProvider extends ComponentProvider<Optimizer> {}
