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
            dev.backprop.optim.SgdProvider,
            dev.backprop.optim.MomentumProvider,
            dev.backprop.optim.NesterovProvider,
            dev.backprop.optim.AdaGradProvider,
            dev.backprop.optim.RmsPropProvider,
            dev.backprop.optim.AdamProvider,
            dev.backprop.optim.AdamWProvider,
            dev.backprop.optim.RpropProvider;
    provides dev.backprop.core.spi.ScheduleProvider with
            dev.backprop.optim.schedule.ConstantProvider,
            dev.backprop.optim.schedule.StepDecayProvider,
            dev.backprop.optim.schedule.ExponentialDecayProvider,
            dev.backprop.optim.schedule.CosineProvider,
            dev.backprop.optim.schedule.ReduceOnPlateauProvider;
}
