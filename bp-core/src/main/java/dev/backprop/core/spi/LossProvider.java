package dev.backprop.core.spi;

/** Service interface for plug-in losses: register an implementation with {@link java.util.ServiceLoader}. */
public interface LossProvider extends ComponentProvider<Loss> {}
