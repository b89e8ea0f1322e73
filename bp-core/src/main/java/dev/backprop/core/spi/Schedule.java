package dev.backprop.core.spi;

import java.util.Map;

/**
 * A learning-rate schedule: the rate for each optimisation step, from the optimizer's base rate. A schedule
 * driven by a validation metric (reduce-on-plateau) hears it through {@link #observe}.
 */
public interface Schedule extends Component {

    /**
     * The learning rate to use.
     *
     * @param baseRate the optimizer's configured rate
     * @param step     optimisation steps taken before this one, from 0
     * @param epoch    the current epoch, from 0
     */
    double rate(double baseRate, long step, int epoch);

    /** Hears the validation metric (lower is better) at the end of an epoch. Stateless schedules ignore it. */
    default void observe(int epoch, double validationMetric) {}

    /** Forgets everything observed, as if newly created; the trainer calls it when a new fit starts. */
    default void reset() {}

    /** State to save with a checkpoint, as named numbers; empty for stateless schedules. */
    default Map<String, Double> state() {
        return Map.of();
    }

    /** Loads a state previously returned by {@link #state()}. */
    default void restore(Map<String, Double> state) {}
}
