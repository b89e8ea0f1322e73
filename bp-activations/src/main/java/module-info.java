/**
 * bp's built-in activation functions, each registered as an {@link dev.backprop.core.spi.ActivationProvider}.
 */
module dev.backprop.activations {
    requires transitive dev.backprop.core;

    exports dev.backprop.activations;

    provides dev.backprop.core.spi.ActivationProvider with
            dev.backprop.activations.Identity.Provider,
            dev.backprop.activations.Sigmoid.Provider,
            dev.backprop.activations.Tanh.Provider,
            dev.backprop.activations.Relu.Provider,
            dev.backprop.activations.LeakyRelu.Provider,
            dev.backprop.activations.Elu.Provider,
            dev.backprop.activations.Selu.Provider,
            dev.backprop.activations.Gelu.Provider,
            dev.backprop.activations.Softplus.Provider,
            dev.backprop.activations.Softsign.Provider,
            dev.backprop.activations.Swish.Provider,
            dev.backprop.activations.Mish.Provider,
            dev.backprop.activations.HardSigmoid.Provider,
            dev.backprop.activations.HardTanh.Provider,
            dev.backprop.activations.Softmax.Provider,
            dev.backprop.activations.LogSoftmax.Provider;
}
