/** bp's built-in losses, each registered as a {@link dev.backprop.core.spi.LossProvider}. */
module dev.backprop.losses {
    requires transitive dev.backprop.core;
    requires org.slf4j;

    exports dev.backprop.losses;

    provides dev.backprop.core.spi.LossProvider with
            dev.backprop.losses.MseProvider,
            dev.backprop.losses.MaeProvider,
            dev.backprop.losses.HalfSseProvider,
            dev.backprop.losses.HuberProvider,
            dev.backprop.losses.BinaryCrossEntropyProvider,
            dev.backprop.losses.BinaryCrossEntropyWithLogitsProvider,
            dev.backprop.losses.CategoricalCrossEntropyProvider,
            dev.backprop.losses.SoftmaxCrossEntropyProvider,
            dev.backprop.losses.KlDivergenceProvider,
            dev.backprop.losses.HingeProvider;
}
