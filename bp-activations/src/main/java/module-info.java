/**
 * bp's built-in activation functions, each registered as an {@link dev.backprop.core.spi.ActivationProvider}.
 */
module dev.backprop.activations {
    requires transitive dev.backprop.core;

    exports dev.backprop.activations;

    provides dev.backprop.core.spi.ActivationProvider with
            dev.backprop.activations.IdentityProvider,
            dev.backprop.activations.SigmoidProvider,
            dev.backprop.activations.TanhProvider,
            dev.backprop.activations.ReluProvider,
            dev.backprop.activations.LeakyReluProvider,
            dev.backprop.activations.EluProvider,
            dev.backprop.activations.SeluProvider,
            dev.backprop.activations.GeluProvider,
            dev.backprop.activations.SoftplusProvider,
            dev.backprop.activations.SoftsignProvider,
            dev.backprop.activations.SwishProvider,
            dev.backprop.activations.MishProvider,
            dev.backprop.activations.HardSigmoidProvider,
            dev.backprop.activations.HardTanhProvider,
            dev.backprop.activations.SoftmaxProvider,
            dev.backprop.activations.LogSoftmaxProvider;
}
