package dev.backprop.core.train;

import java.util.Locale;
import java.util.Objects;

/**
 * Stops a run that has gone wrong without producing NaN: training that saturates instead of overflowing keeps
 * finite losses, so the non-finite guard never fires and the run "succeeds" at chance. Added to a trainer as a
 * listener ({@code Trainer.builder().listener(rule)}), it checks each epoch's record against up to three
 * conditions, each off unless set:
 * <ul>
 * <li><b>growth</b>: {@code train.loss > factor × L₁}, where L₁ is the train loss of the first epoch of this run
 *     (of the first epoch after a resume);</li>
 * <li><b>worse than a uniform guess</b>: for a K-class classifier trained with cross-entropy,
 *     {@code train.loss > factor × ln K}, ln K being the loss of predicting every class with probability
 *     1/K; a network that does worse than that on its own training data has diverged. K is the network's
 *     output size; the condition is skipped for K &lt; 2;</li>
 * <li><b>at chance</b>: a metric, e.g. {@code validation.accuracy}, at or below a chance level for
 *     {@code epochs} epochs in a row.</li>
 * </ul>
 * When a condition holds, {@link #onEpochEnd} throws a {@link TrainingDivergedException} naming the epoch
 * (from 1, as printed), the figure and the limit; its history holds the epochs of this run up to that one.
 *
 * <p>A rule keeps the state of the run it watches (L₁, the streak at chance); use one rule per trainer.
 */
public final class DivergenceRule implements TrainingListener {

    private final double growthFactor;
    private final double uniformGuessFactor;
    private final String chanceMetric;
    private final double chanceLevel;
    private final int chanceEpochs;

    private double firstLoss = Double.NaN;
    private double uniformGuessLoss = Double.NaN;
    private int streak;
    private History seen = new History();

    private DivergenceRule(
            double growthFactor, double uniformGuessFactor, String chanceMetric, double chanceLevel, int chanceEpochs) {
        this.growthFactor = growthFactor;
        this.uniformGuessFactor = uniformGuessFactor;
        this.chanceMetric = chanceMetric;
        this.chanceLevel = chanceLevel;
        this.chanceEpochs = chanceEpochs;
    }

    /** A rule with no condition set: it never fires until one is added. */
    public static DivergenceRule none() {
        return new DivergenceRule(Double.NaN, Double.NaN, null, Double.NaN, 0);
    }

    /**
     * This rule, also firing when the train loss exceeds {@code factor} times the first epoch's.
     *
     * @throws IllegalArgumentException unless {@code factor > 1} and finite
     */
    public DivergenceRule lossGrowth(double factor) {
        requireFactor("Loss growth factor", factor);
        return new DivergenceRule(factor, uniformGuessFactor, chanceMetric, chanceLevel, chanceEpochs);
    }

    /**
     * This rule, also firing when the train loss exceeds {@code factor × ln K} for a network of K ≥ 2 outputs:
     * for cross-entropy losses only, where ln K is the loss of a uniform guess.
     *
     * @throws IllegalArgumentException unless {@code factor > 1} and finite
     */
    public DivergenceRule worseThanUniformGuess(double factor) {
        requireFactor("Uniform-guess factor", factor);
        return new DivergenceRule(growthFactor, factor, chanceMetric, chanceLevel, chanceEpochs);
    }

    /**
     * This rule, also firing when {@code metric} stays at or below {@code chance} for {@code epochs} epochs in a
     * row.
     *
     * @throws IllegalArgumentException if {@code epochs < 1} or the chance level is not finite
     */
    public DivergenceRule atChance(String metric, double chance, int epochs) {
        Objects.requireNonNull(metric, "metric");
        if (epochs < 1) {
            throw new IllegalArgumentException("Epochs at chance must be at least 1, got " + epochs);
        }
        if (!Double.isFinite(chance)) {
            throw new IllegalArgumentException("Chance level must be a finite number, got " + chance);
        }
        return new DivergenceRule(growthFactor, uniformGuessFactor, metric, chance, epochs);
    }

    private static void requireFactor(String what, double factor) {
        if (!(factor > 1) || Double.isInfinite(factor)) {
            throw new IllegalArgumentException(what + " must be a finite number above 1, got " + factor);
        }
    }

    @Override
    public void onTrainingStart(TrainingContext context) {
        firstLoss = Double.NaN;
        streak = 0;
        seen = new History();
        int classes = context.network().outputSize();
        uniformGuessLoss = classes >= 2 ? Math.log(classes) : Double.NaN;
    }

    @Override
    public void onEpochEnd(TrainingContext context, EpochRecord record) {
        seen.add(record);
        double loss = record.trainLoss();
        if (Double.isNaN(firstLoss)) {
            firstLoss = loss;
        }
        if (!Double.isNaN(growthFactor) && loss > growthFactor * firstLoss && firstLoss > 0) {
            diverged(
                    record,
                    String.format(
                            Locale.ROOT,
                            "train.loss = %.6g is more than %s × the first epoch's %.6g",
                            loss,
                            factor(growthFactor),
                            firstLoss));
        }
        if (!Double.isNaN(uniformGuessFactor)
                && !Double.isNaN(uniformGuessLoss)
                && loss > uniformGuessFactor * uniformGuessLoss) {
            diverged(
                    record,
                    String.format(
                            Locale.ROOT,
                            "train.loss = %.6g is more than %s × ln %d = %.6g, the loss of guessing every class"
                                    + " with equal probability",
                            loss,
                            factor(uniformGuessFactor),
                            context.network().outputSize(),
                            uniformGuessFactor * uniformGuessLoss));
        }
        if (chanceMetric != null && record.metrics().containsKey(chanceMetric)) {
            double value = record.metrics().get(chanceMetric);
            streak = value <= chanceLevel ? streak + 1 : 0;
            if (streak >= chanceEpochs) {
                diverged(
                        record,
                        String.format(
                                Locale.ROOT,
                                "%s = %.6g has been at or below chance (%.6g) for %d epoch%s",
                                chanceMetric,
                                value,
                                chanceLevel,
                                streak,
                                streak == 1 ? "" : "s"));
            }
        }
    }

    private void diverged(EpochRecord record, String figure) {
        throw new TrainingDivergedException(
                "Training diverged at epoch " + (record.epoch() + 1) + ": " + figure
                        + ". The learning rate may be too high; try a smaller one.",
                seen,
                record.epoch(),
                -1);
    }

    private static String factor(double f) {
        return f == Math.rint(f) ? Long.toString((long) f) : Double.toString(f);
    }
}
