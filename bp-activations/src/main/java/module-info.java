/** bp's built-in activation functions, each registered as an {@link dev.backprop.core.spi.ActivationProvider}. */
module dev.backprop.activations {
    requires transitive dev.backprop.core;
}
