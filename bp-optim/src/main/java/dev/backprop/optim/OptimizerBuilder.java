package dev.backprop.optim;

import dev.backprop.core.spi.Config;
import dev.backprop.core.spi.Optimizer;
import dev.backprop.core.spi.OptimizerProvider;
import java.util.Objects;

/**
 * The typed parameters every built-in optimizer shares (learning rate and regularisation), for the builders of
 * {@link Optimizers}. Each method checks its value at once, by the rules of the named provider, so a bad value
 * fails at the call that gives it, with the message the name would give; {@link #build()} creates exactly what
 * the named provider creates from the same parameters.
 *
 * @param <B> the concrete builder, returned by each method for chaining
 */
public abstract class OptimizerBuilder<B extends OptimizerBuilder<B>> {

    private final OptimizerProvider provider;
    private Config config = Config.empty();

    OptimizerBuilder(OptimizerProvider provider) {
        this.provider = Objects.requireNonNull(provider, "provider");
    }

    /** This builder, as its concrete type. */
    abstract B self();

    /** Sets one parameter and checks the whole configuration with the provider. */
    final B set(String key, Object value) {
        Config next = config.with(key, value);
        provider.create(next);
        config = next;
        return self();
    }

    /**
     * The learning rate {@code lr}, finite and &gt;= 0.
     *
     * @throws IllegalArgumentException if the rate is negative or not finite
     */
    public B learningRate(double lr) {
        return set(AbstractOptimizer.LEARNING_RATE, lr);
    }

    /**
     * The L2 penalty {@code l2}: the gradient gains l2 * w.
     *
     * @throws IllegalArgumentException if the coefficient is negative or not finite
     */
    public B l2(double l2) {
        return set(Regularization.L2, l2);
    }

    /**
     * The L1 penalty {@code l1}: the gradient gains l1 * sign(w).
     *
     * @throws IllegalArgumentException if the coefficient is negative or not finite
     */
    public B l1(double l1) {
        return set(Regularization.L1, l1);
    }

    /**
     * Decoupled weight decay {@code weight-decay}: w -= lr * weightDecay * w besides the update.
     *
     * @throws IllegalArgumentException if the coefficient is negative or not finite
     */
    public B weightDecay(double weightDecay) {
        return set(Regularization.WEIGHT_DECAY, weightDecay);
    }

    /**
     * Clips each gradient entry to [-clipValue, clipValue] ({@code clip-value}); 0 turns clipping off.
     *
     * @throws IllegalArgumentException if the bound is negative or not finite
     */
    public B clipValue(double clipValue) {
        return set(Regularization.CLIP_VALUE, clipValue);
    }

    /**
     * Rescales all gradients together when their global L2 norm exceeds {@code clip-norm}; 0 turns it off.
     *
     * @throws IllegalArgumentException if the bound is negative or not finite
     */
    public B clipNorm(double clipNorm) {
        return set(Regularization.CLIP_NORM, clipNorm);
    }

    /**
     * Rescales each weight column whose L2 norm exceeds {@code max-norm} after the update; 0 turns it off.
     *
     * @throws IllegalArgumentException if the bound is negative or not finite
     */
    public B maxNorm(double maxNorm) {
        return set(Regularization.MAX_NORM, maxNorm);
    }

    /** Whether the penalties and decay apply to biases too ({@code regularize-bias}, default false). */
    public B regularizeBias(boolean regularizeBias) {
        return set(Regularization.REGULARIZE_BIAS, regularizeBias);
    }

    /** The optimizer: what the named provider creates from the parameters given. */
    public Optimizer build() {
        return provider.create(config);
    }
}
