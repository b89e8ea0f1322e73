package dev.backprop.optim.schedule;

import dev.backprop.optim.schedule.internal.ConstantProvider;
import dev.backprop.optim.schedule.internal.CosineProvider;
import dev.backprop.optim.schedule.internal.ExponentialDecayProvider;
import dev.backprop.optim.schedule.internal.ReduceOnPlateauProvider;
import dev.backprop.optim.schedule.internal.StepDecayProvider;
import java.util.Objects;

/**
 * Typed builders for the built-in learning-rate schedules, for Java code: {@code Schedules.cosine().tMax(50)
 * .build()} instead of the name {@code "cosine"} with {@code Config.of("t-max", 50)}. Each builder checks every
 * value when it is given, by the rules of the named provider, and {@code build()} returns exactly what the
 * named provider creates from the same parameters (same class, same {@code config()}).
 *
 * <p>Names stay the source of truth for model files, checkpoints, the command line and plug-ins found at run
 * time; use these builders where the compiler and the IDE should check the choice.
 */
public final class Schedules {

    private Schedules() {}

    /** {@code constant}: rate = eta0. */
    public static ConstantBuilder constant() {
        return new ConstantBuilder();
    }

    /** {@code step-decay}: rate = eta0 * gamma^floor(n / stepSize) (defaults: step size 10, gamma 0.1). */
    public static StepDecayBuilder stepDecay() {
        return new StepDecayBuilder();
    }

    /** {@code exponential-decay}: rate = eta0 * gamma^n (default gamma 0.95). */
    public static ExponentialDecayBuilder exponentialDecay() {
        return new ExponentialDecayBuilder();
    }

    /**
     * {@code cosine}: rate = minRate + (eta0 - minRate) * (1 + cos(pi * min(n, T) / T)) / 2 (defaults: T 100,
     * minRate 0).
     */
    public static CosineBuilder cosine() {
        return new CosineBuilder();
    }

    /** {@code reduce-on-plateau}: the rate times a factor when the validation metric stops improving. */
    public static ReduceOnPlateauBuilder reduceOnPlateau() {
        return new ReduceOnPlateauBuilder();
    }

    private static String unitName(ScheduleUnit unit) {
        return Objects.requireNonNull(unit, "unit").toString();
    }

    /** The builder of {@code constant}. */
    public static final class ConstantBuilder extends ScheduleBuilder<ConstantBuilder> {
        ConstantBuilder() {
            super(new ConstantProvider());
        }

        @Override
        ConstantBuilder self() {
            return this;
        }
    }

    /** The builder of {@code step-decay}. */
    public static final class StepDecayBuilder extends ScheduleBuilder<StepDecayBuilder> {
        StepDecayBuilder() {
            super(new StepDecayProvider());
        }

        @Override
        StepDecayBuilder self() {
            return this;
        }

        /**
         * How many epochs (or steps) pass between two multiplications by gamma, at least 1.
         *
         * @throws IllegalArgumentException if the size is below 1
         */
        public StepDecayBuilder stepSize(int stepSize) {
            return set(StepDecaySchedule.STEP_SIZE, stepSize);
        }

        /**
         * The factor gamma, in (0, 1].
         *
         * @throws IllegalArgumentException if gamma is outside (0, 1]
         */
        public StepDecayBuilder gamma(double gamma) {
            return set(StepDecaySchedule.GAMMA, gamma);
        }

        /** Whether n counts epochs (the default) or steps. */
        public StepDecayBuilder unit(ScheduleUnit unit) {
            return set(ScheduleUnit.KEY, unitName(unit));
        }
    }

    /** The builder of {@code exponential-decay}. */
    public static final class ExponentialDecayBuilder extends ScheduleBuilder<ExponentialDecayBuilder> {
        ExponentialDecayBuilder() {
            super(new ExponentialDecayProvider());
        }

        @Override
        ExponentialDecayBuilder self() {
            return this;
        }

        /**
         * The factor gamma per epoch (or step), in (0, 1].
         *
         * @throws IllegalArgumentException if gamma is outside (0, 1]
         */
        public ExponentialDecayBuilder gamma(double gamma) {
            return set(ExponentialDecaySchedule.GAMMA, gamma);
        }

        /** Whether n counts epochs (the default) or steps. */
        public ExponentialDecayBuilder unit(ScheduleUnit unit) {
            return set(ScheduleUnit.KEY, unitName(unit));
        }
    }

    /** The builder of {@code cosine}. */
    public static final class CosineBuilder extends ScheduleBuilder<CosineBuilder> {
        CosineBuilder() {
            super(new CosineProvider());
        }

        @Override
        CosineBuilder self() {
            return this;
        }

        /**
         * The length T of the annealing in epochs (or steps), at least 1.
         *
         * @throws IllegalArgumentException if T is below 1
         */
        public CosineBuilder tMax(int tMax) {
            return set(CosineSchedule.T_MAX, tMax);
        }

        /**
         * The rate reached at T and held after it, finite and &gt;= 0.
         *
         * @throws IllegalArgumentException if the rate is negative or not finite
         */
        public CosineBuilder minRate(double minRate) {
            return set(CosineSchedule.MIN_RATE, minRate);
        }

        /** Whether n counts epochs (the default) or steps. */
        public CosineBuilder unit(ScheduleUnit unit) {
            return set(ScheduleUnit.KEY, unitName(unit));
        }
    }

    /** The builder of {@code reduce-on-plateau}. */
    public static final class ReduceOnPlateauBuilder extends ScheduleBuilder<ReduceOnPlateauBuilder> {
        ReduceOnPlateauBuilder() {
            super(new ReduceOnPlateauProvider());
        }

        @Override
        ReduceOnPlateauBuilder self() {
            return this;
        }

        /**
         * The factor the rate is multiplied by on a plateau, in (0, 1).
         *
         * @throws IllegalArgumentException if the factor is outside (0, 1)
         */
        public ReduceOnPlateauBuilder factor(double factor) {
            return set(ReduceOnPlateauSchedule.FACTOR, factor);
        }

        /**
         * How many epochs without improvement are tolerated before a reduction, at least 0.
         *
         * @throws IllegalArgumentException if patience is negative
         */
        public ReduceOnPlateauBuilder patience(int patience) {
            return set(ReduceOnPlateauSchedule.PATIENCE, patience);
        }

        /**
         * The relative improvement that counts: m &lt; best * (1 - threshold), finite and &gt;= 0.
         *
         * @throws IllegalArgumentException if the threshold is negative or not finite
         */
        public ReduceOnPlateauBuilder threshold(double threshold) {
            return set(ReduceOnPlateauSchedule.THRESHOLD, threshold);
        }

        /**
         * How many epochs after a reduction pass before bad epochs count again, at least 0.
         *
         * @throws IllegalArgumentException if the cooldown is negative
         */
        public ReduceOnPlateauBuilder cooldown(int cooldown) {
            return set(ReduceOnPlateauSchedule.COOLDOWN, cooldown);
        }

        /**
         * The lowest rate a reduction goes to, finite and &gt;= 0.
         *
         * @throws IllegalArgumentException if the rate is negative or not finite
         */
        public ReduceOnPlateauBuilder minRate(double minRate) {
            return set(ReduceOnPlateauSchedule.MIN_RATE, minRate);
        }
    }
}
