package dev.backprop.core.train;

import java.util.Collections;
import java.util.Map;
import java.util.Objects;
import java.util.TreeMap;
import org.ejml.data.DMatrixRMaj;

/**
 * Everything a run needs to continue exactly where it stopped, besides the network's weights: the position,
 * the history, the optimizer's and the schedule's state, and early stopping's bookkeeping. A checkpoint is
 * a network plus one of these.
 *
 * @param epochsDone      epochs completed; the resumed run starts with this epoch
 * @param step            optimisation steps taken
 * @param history         the epochs recorded so far
 * @param optimizerState  {@link dev.backprop.core.spi.Optimizer#state()}
 * @param scheduleState   {@link dev.backprop.core.spi.Schedule#state()}; empty without a schedule
 * @param bestValue       early stopping's best monitored value so far (NaN when not used)
 * @param bestEpoch       the epoch that reached it (−1 when not used)
 * @param epochsWithoutImprovement early stopping's patience counter
 * @param bestParameters  the best epoch's parameter values by parameter name, when early stopping restores
 *                        them; otherwise empty
 */
public record TrainingState(
        int epochsDone,
        long step,
        History history,
        Map<String, DMatrixRMaj> optimizerState,
        Map<String, Double> scheduleState,
        double bestValue,
        int bestEpoch,
        int epochsWithoutImprovement,
        Map<String, DMatrixRMaj> bestParameters) {

    /** Checks and copies the parts. */
    public TrainingState {
        if (epochsDone < 0 || step < 0) {
            throw new IllegalArgumentException(
                    "A training state needs epochsDone >= 0 and step >= 0, got " + epochsDone + " and " + step);
        }
        Objects.requireNonNull(history, "history");
        // sorted copies: iteration order, and so the bytes of a checkpoint, must not vary between JVM runs
        optimizerState = Collections.unmodifiableMap(new TreeMap<>(optimizerState));
        scheduleState = Collections.unmodifiableMap(new TreeMap<>(scheduleState));
        bestParameters = Collections.unmodifiableMap(new TreeMap<>(bestParameters));
    }
}
