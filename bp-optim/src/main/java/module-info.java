/**
 * bp's built-in optimizers (sgd, momentum, nesterov, adagrad, rmsprop, adam, adamw, rprop) with the
 * regularisation they share, and its learning-rate schedules (constant, step-decay, exponential-decay,
 * cosine, reduce-on-plateau), all found by name through {@link java.util.ServiceLoader}.
 */
module dev.backprop.optim {
    requires transitive dev.backprop.core;

    exports dev.backprop.optim;
    exports dev.backprop.optim.schedule;

    provides dev.backprop.core.spi.OptimizerProvider with
            dev.backprop.optim.internal.SgdProvider,
            dev.backprop.optim.internal.MomentumProvider,
            dev.backprop.optim.internal.NesterovProvider,
            dev.backprop.optim.internal.AdaGradProvider,
            dev.backprop.optim.internal.RmsPropProvider,
            dev.backprop.optim.internal.AdamProvider,
            dev.backprop.optim.internal.AdamWProvider,
            dev.backprop.optim.internal.RpropProvider;
    provides dev.backprop.core.spi.ScheduleProvider with
            dev.backprop.optim.schedule.internal.ConstantProvider,
            dev.backprop.optim.schedule.internal.StepDecayProvider,
            dev.backprop.optim.schedule.internal.ExponentialDecayProvider,
            dev.backprop.optim.schedule.internal.CosineProvider,
            dev.backprop.optim.schedule.internal.ReduceOnPlateauProvider;
}
