package dev.backprop.losses;

import dev.backprop.core.spi.Config;
import dev.backprop.core.spi.Loss;
import dev.backprop.core.spi.LossProvider;
import dev.backprop.losses.internal.BinaryCrossEntropyProvider;
import dev.backprop.losses.internal.BinaryCrossEntropyWithLogitsProvider;
import dev.backprop.losses.internal.CategoricalCrossEntropyProvider;
import dev.backprop.losses.internal.HalfSseProvider;
import dev.backprop.losses.internal.HingeProvider;
import dev.backprop.losses.internal.HuberProvider;
import dev.backprop.losses.internal.KlDivergenceProvider;
import dev.backprop.losses.internal.MaeProvider;
import dev.backprop.losses.internal.MseProvider;
import dev.backprop.losses.internal.SoftmaxCrossEntropyProvider;
import java.util.Objects;

/**
 * Typed factories for the built-in losses, for Java code: {@code Losses.categoricalCrossEntropy()} instead of
 * the name {@code "categorical-cross-entropy"}. Each factory returns exactly what the named provider creates
 * from the same parameters (same class, same {@link Loss#config()}), because it asks that provider; parameters
 * are checked by the same rules and fail with the same messages.
 *
 * <p>Names stay the source of truth for model files, the command line and plug-ins found at run time; use these
 * factories where the compiler and the IDE should check the choice.
 */
public final class Losses {

    private Losses() {}

    /** {@code mse}, the mean over every entry of (y - t)^2. */
    public static Loss mse() {
        return create(new MseProvider(), Config.empty());
    }

    /**
     * {@code mse} with a reduction: the sum of (y - t)^2 over every entry, scaled by 1/entries for {@code MEAN}.
     *
     * @param reduction how the squared errors of a batch are combined
     */
    public static Loss mse(Reduction reduction) {
        return create(new MseProvider(), reduction(reduction));
    }

    /** {@code mae}, the mean over every entry of |y - t|. */
    public static Loss mae() {
        return create(new MaeProvider(), Config.empty());
    }

    /**
     * {@code mae} with a reduction: the sum of |y - t| over every entry, scaled by 1/entries for {@code MEAN}.
     *
     * @param reduction how the absolute errors of a batch are combined
     */
    public static Loss mae(Reduction reduction) {
        return create(new MaeProvider(), reduction(reduction));
    }

    /** {@code half-sse}: 1/2 * sum of (y - t)^2 over the batch. */
    public static Loss halfSse() {
        return create(new HalfSseProvider(), Config.empty());
    }

    /** {@code huber} with its default delta {@value Huber#DEFAULT_DELTA}. */
    public static Loss huber() {
        return create(new HuberProvider(), Config.empty());
    }

    /**
     * {@code huber}: per entry 1/2 r^2 for |r| &lt;= delta, delta * (|r| - delta/2) otherwise, with r = y - t,
     * averaged over every entry.
     *
     * @param delta where the quadratic part ends, finite and &gt; 0
     * @throws IllegalArgumentException if delta is not finite and positive
     */
    public static Loss huber(double delta) {
        return create(new HuberProvider(), Config.of(Huber.DELTA, delta));
    }

    /**
     * {@code binary-cross-entropy} (alias {@code bce}) on probabilities: -(t ln y + (1 - t) ln(1 - y)),
     * summed over the columns and averaged over the rows.
     */
    public static Loss binaryCrossEntropy() {
        return create(new BinaryCrossEntropyProvider(), Config.empty());
    }

    /** {@code binary-cross-entropy-with-logits} (alias {@code bce-with-logits}): the same loss on raw logits. */
    public static Loss binaryCrossEntropyWithLogits() {
        return create(new BinaryCrossEntropyWithLogitsProvider(), Config.empty());
    }

    /**
     * {@code categorical-cross-entropy} (alias {@code cce}) on probabilities: -sum_j t_j ln y_j,
     * averaged over the rows.
     */
    public static Loss categoricalCrossEntropy() {
        return create(new CategoricalCrossEntropyProvider(), Config.empty());
    }

    /** {@code softmax-cross-entropy}: categorical cross-entropy of softmax(z) on raw logits z, averaged over the rows. */
    public static Loss softmaxCrossEntropy() {
        return create(new SoftmaxCrossEntropyProvider(), Config.empty());
    }

    /** {@code kl-divergence}: sum_j t_j ln(t_j / y_j) on probabilities, averaged over the rows. */
    public static Loss klDivergence() {
        return create(new KlDivergenceProvider(), Config.empty());
    }

    /** {@code hinge}: max(0, 1 - t y) averaged over every entry, targets -1 or 1. */
    public static Loss hinge() {
        return create(new HingeProvider(), Config.empty());
    }

    private static Config reduction(Reduction reduction) {
        return Config.of(
                Reduction.PARAMETER,
                Objects.requireNonNull(reduction, "reduction").configName());
    }

    private static Loss create(LossProvider provider, Config config) {
        return provider.create(config);
    }
}
