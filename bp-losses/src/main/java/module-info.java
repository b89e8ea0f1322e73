/** bp's built-in losses, each registered as a {@link dev.backprop.core.spi.LossProvider}. */
module dev.backprop.losses {
    requires transitive dev.backprop.core;
    requires org.slf4j;

    exports dev.backprop.losses;

    provides dev.backprop.core.spi.LossProvider with
            dev.backprop.losses.internal.MseProvider,
            dev.backprop.losses.internal.MaeProvider,
            dev.backprop.losses.internal.HalfSseProvider,
            dev.backprop.losses.internal.HuberProvider,
            dev.backprop.losses.internal.BinaryCrossEntropyProvider,
            dev.backprop.losses.internal.BinaryCrossEntropyWithLogitsProvider,
            dev.backprop.losses.internal.CategoricalCrossEntropyProvider,
            dev.backprop.losses.internal.SoftmaxCrossEntropyProvider,
            dev.backprop.losses.internal.KlDivergenceProvider,
            dev.backprop.losses.internal.HingeProvider;
}
