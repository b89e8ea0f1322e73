package dev.backprop.core.train;

import java.util.Objects;

/**
 * Stops training when a monitored metric has not improved for {@code patience} epochs. An epoch improves on
 * the best so far when it is better by more than {@code minDelta} (lower for losses and errors, higher for
 * accuracies). With {@code restoreBest}, the network ends with the weights of the best epoch.
 *
 * @param monitor     the metric key, e.g. {@code validation.loss} or {@code validation.accuracy}
 * @param patience    epochs without improvement tolerated before stopping, at least 1
 * @param minDelta    the smallest change that counts as improvement, at least 0
 * @param higherIsBetter whether larger values of the metric are better
 * @param restoreBest whether to restore the best epoch's weights when training ends
 */
public record EarlyStopping(
        String monitor, int patience, double minDelta, boolean higherIsBetter, boolean restoreBest) {

    /** Checks the settings. */
    public EarlyStopping {
        Objects.requireNonNull(monitor, "monitor");
        if (patience < 1) {
            throw new IllegalArgumentException("Early stopping patience must be at least 1, got " + patience);
        }
        if (!(minDelta >= 0)) {
            throw new IllegalArgumentException("Early stopping minDelta must be >= 0, got " + minDelta);
        }
    }

    /** Stops when the validation loss has not fallen for {@code patience} epochs; restores the best weights. */
    public static EarlyStopping onValidationLoss(int patience) {
        return new EarlyStopping("validation.loss", patience, 0, false, true);
    }

    /** This rule with another minimum improvement. */
    public EarlyStopping withMinDelta(double delta) {
        return new EarlyStopping(monitor, patience, delta, higherIsBetter, restoreBest);
    }

    /** This rule with or without restoring the best weights. */
    public EarlyStopping withRestoreBest(boolean restore) {
        return new EarlyStopping(monitor, patience, minDelta, higherIsBetter, restore);
    }

    /** Whether {@code value} improves on {@code best} by more than minDelta. */
    public boolean improves(double value, double best) {
        return higherIsBetter ? value > best + minDelta : value < best - minDelta;
    }
}
