package dev.backprop.core.spi;

/** Service interface for plug-in activations: register an implementation with {@link java.util.ServiceLoader}. */
public interface ActivationProvider extends ComponentProvider<Activation> {}
