/**
 * bp's built-in activation functions, each registered as an {@link dev.backprop.core.spi.ActivationProvider}.
 */
module dev.backprop.activations {
    requires transitive dev.backprop.core;

    exports dev.backprop.activations;

    provides dev.backprop.core.spi.ActivationProvider with
            dev.backprop.activations.internal.IdentityProvider,
            dev.backprop.activations.internal.SigmoidProvider,
            dev.backprop.activations.internal.TanhProvider,
            dev.backprop.activations.internal.ReluProvider,
            dev.backprop.activations.internal.LeakyReluProvider,
            dev.backprop.activations.internal.EluProvider,
            dev.backprop.activations.internal.SeluProvider,
            dev.backprop.activations.internal.GeluProvider,
            dev.backprop.activations.internal.SoftplusProvider,
            dev.backprop.activations.internal.SoftsignProvider,
            dev.backprop.activations.internal.SwishProvider,
            dev.backprop.activations.internal.MishProvider,
            dev.backprop.activations.internal.HardSigmoidProvider,
            dev.backprop.activations.internal.HardTanhProvider,
            dev.backprop.activations.internal.SoftmaxProvider,
            dev.backprop.activations.internal.LogSoftmaxProvider;
}
