/** bp's built-in losses, each registered as a {@link dev.backprop.core.spi.LossProvider}. */
module dev.backprop.losses {
    requires transitive dev.backprop.core;
    requires org.slf4j;

    exports dev.backprop.losses;

    provides dev.backprop.core.spi.LossProvider with
            dev.backprop.losses.Mse.Provider,
            dev.backprop.losses.Mae.Provider,
            dev.backprop.losses.HalfSse.Provider,
            dev.backprop.losses.Huber.Provider,
            dev.backprop.losses.BinaryCrossEntropy.Provider,
            dev.backprop.losses.BinaryCrossEntropyWithLogits.Provider,
            dev.backprop.losses.CategoricalCrossEntropy.Provider,
            dev.backprop.losses.SoftmaxCrossEntropy.Provider,
            dev.backprop.losses.KlDivergence.Provider,
            dev.backprop.losses.Hinge.Provider;
}
