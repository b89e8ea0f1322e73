package dev.backprop.optim;

import dev.backprop.core.spi.OptimizerProvider;
import dev.backprop.optim.internal.AdaGradProvider;
import dev.backprop.optim.internal.AdamProvider;
import dev.backprop.optim.internal.AdamWProvider;
import dev.backprop.optim.internal.MomentumProvider;
import dev.backprop.optim.internal.NesterovProvider;
import dev.backprop.optim.internal.RmsPropProvider;
import dev.backprop.optim.internal.RpropProvider;
import dev.backprop.optim.internal.SgdProvider;

/**
 * Typed builders for the built-in optimizers, for Java code: {@code Optimizers.adam().learningRate(0.001).build()}
 * instead of the name {@code "adam"} with {@code Config.of("lr", 0.001)}. Each builder checks every value when
 * it is given, by the rules of the named provider, and {@code build()} returns exactly what the named provider
 * creates from the same parameters (same class, same {@code config()}).
 *
 * <p>Names stay the source of truth for model files, checkpoints, the command line and plug-ins found at run
 * time; use these builders where the compiler and the IDE should check the choice.
 */
public final class Optimizers {

    private Optimizers() {}

    /** {@code sgd}: w -= lr * g (default lr 0.01). */
    public static SgdBuilder sgd() {
        return new SgdBuilder(new SgdProvider());
    }

    /** {@code momentum}: v = mu * v + g, w -= lr * v (default lr 0.01, momentum 0.9). */
    public static MomentumBuilder momentum() {
        return new MomentumBuilder(new MomentumProvider());
    }

    /** {@code nesterov}: v = mu * v + g, w -= lr * (g + mu * v) (default lr 0.01, momentum 0.9). */
    public static MomentumBuilder nesterov() {
        return new MomentumBuilder(new NesterovProvider());
    }

    /** {@code adagrad}: s += g^2, w -= lr * g / (sqrt(s) + eps) (default lr 0.01, eps 1e-10). */
    public static AdaGradBuilder adaGrad() {
        return new AdaGradBuilder();
    }

    /** {@code rmsprop}: s = rho * s + (1 - rho) * g^2, w -= lr * g / (sqrt(s) + eps) (default lr 0.01). */
    public static RmsPropBuilder rmsProp() {
        return new RmsPropBuilder();
    }

    /** {@code adam}: bias-corrected moments, w -= lr * m^ / (sqrt(v^) + eps) (default lr 0.001). */
    public static AdamBuilder adam() {
        return new AdamBuilder(new AdamProvider());
    }

    /** {@code adamw}: Adam with decoupled weight decay, 0.01 unless {@code weightDecay} says otherwise. */
    public static AdamBuilder adamW() {
        return new AdamBuilder(new AdamWProvider());
    }

    /** {@code rprop}: per-weight step sizes grown or shrunk by the sign of successive gradients. */
    public static RpropBuilder rprop() {
        return new RpropBuilder();
    }

    /** The builder of an optimizer with no parameters of its own ({@code sgd}). */
    public static final class SgdBuilder extends OptimizerBuilder<SgdBuilder> {
        SgdBuilder(OptimizerProvider provider) {
            super(provider);
        }

        @Override
        SgdBuilder self() {
            return this;
        }
    }

    /** The builder of {@code momentum} and {@code nesterov}. */
    public static final class MomentumBuilder extends OptimizerBuilder<MomentumBuilder> {
        MomentumBuilder(OptimizerProvider provider) {
            super(provider);
        }

        @Override
        MomentumBuilder self() {
            return this;
        }

        /**
         * The momentum coefficient mu, in [0, 1).
         *
         * @throws IllegalArgumentException if mu is outside [0, 1)
         */
        public MomentumBuilder momentum(double mu) {
            return set(MomentumSgd.MOMENTUM, mu);
        }
    }

    /** The builder of {@code adagrad}. */
    public static final class AdaGradBuilder extends OptimizerBuilder<AdaGradBuilder> {
        AdaGradBuilder() {
            super(new AdaGradProvider());
        }

        @Override
        AdaGradBuilder self() {
            return this;
        }

        /**
         * The term eps added to the denominator, finite and &gt; 0.
         *
         * @throws IllegalArgumentException if eps is not finite and positive
         */
        public AdaGradBuilder eps(double eps) {
            return set(AdaGrad.EPS, eps);
        }

        /**
         * The starting value of the sum of squared gradients, finite and &gt;= 0.
         *
         * @throws IllegalArgumentException if the value is negative or not finite
         */
        public AdaGradBuilder initialAccumulator(double value) {
            return set(AdaGrad.INITIAL_ACCUMULATOR, value);
        }
    }

    /** The builder of {@code rmsprop}. */
    public static final class RmsPropBuilder extends OptimizerBuilder<RmsPropBuilder> {
        RmsPropBuilder() {
            super(new RmsPropProvider());
        }

        @Override
        RmsPropBuilder self() {
            return this;
        }

        /**
         * The decay rho of the running mean of squared gradients, in [0, 1).
         *
         * @throws IllegalArgumentException if rho is outside [0, 1)
         */
        public RmsPropBuilder rho(double rho) {
            return set(RmsProp.RHO, rho);
        }

        /**
         * The term eps added to the denominator, finite and &gt; 0.
         *
         * @throws IllegalArgumentException if eps is not finite and positive
         */
        public RmsPropBuilder eps(double eps) {
            return set(RmsProp.EPS, eps);
        }
    }

    /** The builder of {@code adam} and {@code adamw}. */
    public static final class AdamBuilder extends OptimizerBuilder<AdamBuilder> {
        AdamBuilder(OptimizerProvider provider) {
            super(provider);
        }

        @Override
        AdamBuilder self() {
            return this;
        }

        /**
         * The decay beta1 of the first moment, in [0, 1).
         *
         * @throws IllegalArgumentException if beta1 is outside [0, 1)
         */
        public AdamBuilder beta1(double beta1) {
            return set(Adam.BETA1, beta1);
        }

        /**
         * The decay beta2 of the second moment, in [0, 1).
         *
         * @throws IllegalArgumentException if beta2 is outside [0, 1)
         */
        public AdamBuilder beta2(double beta2) {
            return set(Adam.BETA2, beta2);
        }

        /**
         * The term eps added to the denominator, finite and &gt; 0.
         *
         * @throws IllegalArgumentException if eps is not finite and positive
         */
        public AdamBuilder eps(double eps) {
            return set(Adam.EPS, eps);
        }
    }

    /** The builder of {@code rprop}. */
    public static final class RpropBuilder extends OptimizerBuilder<RpropBuilder> {
        RpropBuilder() {
            super(new RpropProvider());
        }

        @Override
        RpropBuilder self() {
            return this;
        }

        /**
         * The factor eta+ a step size grows by when the gradient keeps its sign, &gt; 1.
         *
         * @throws IllegalArgumentException if the factor is not finite and above 1
         */
        public RpropBuilder etaPlus(double etaPlus) {
            return set(Rprop.ETA_PLUS, etaPlus);
        }

        /**
         * The factor eta- a step size shrinks by when the gradient changes sign, in (0, 1).
         *
         * @throws IllegalArgumentException if the factor is outside (0, 1)
         */
        public RpropBuilder etaMinus(double etaMinus) {
            return set(Rprop.ETA_MINUS, etaMinus);
        }

        /**
         * The first step size, finite and &gt; 0.
         *
         * @throws IllegalArgumentException if the size is not finite and positive
         */
        public RpropBuilder delta0(double delta0) {
            return set(Rprop.DELTA0, delta0);
        }

        /**
         * The smallest step size, finite and &gt; 0.
         *
         * @throws IllegalArgumentException if the size is not finite and positive
         */
        public RpropBuilder deltaMin(double deltaMin) {
            return set(Rprop.DELTA_MIN, deltaMin);
        }

        /**
         * The largest step size, finite and &gt; 0.
         *
         * @throws IllegalArgumentException if the size is not finite and positive
         */
        public RpropBuilder deltaMax(double deltaMax) {
            return set(Rprop.DELTA_MAX, deltaMax);
        }
    }
}
