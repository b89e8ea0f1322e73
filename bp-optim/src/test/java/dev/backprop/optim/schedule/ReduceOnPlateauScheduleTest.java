package dev.backprop.optim.schedule;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.assertj.core.api.Assertions.within;

import dev.backprop.core.spi.Config;
import dev.backprop.core.spi.Schedule;
import dev.backprop.optim.schedule.internal.ReduceOnPlateauProvider;
import java.util.HashMap;
import java.util.Map;
import org.junit.jupiter.api.Test;

/**
 * Reduce-on-plateau against sequences worked out by hand from the rules of PyTorch's
 * {@code ReduceLROnPlateau} (mode min, relative threshold), and its saved state.
 */
class ReduceOnPlateauScheduleTest {

    static final double[] METRICS = {1.0, 0.95, 0.92, 0.91, 0.5, 0.5, 0.5, 0.5, 0.5, 0.5, 0.5, 0.5};

    /**
     * By hand, with factor 0.5, patience 2, threshold 0.1, cooldown 1 (improvement means m < 0.9·best):
     * epoch 0 best = 1.0; 1, 2 bad (0.95, 0.92 ≥ 0.9); 3 bad = 3 > 2: halve, cooldown 1; 4 improves (best 0.5),
     * cooldown ends; 5, 6 bad; 7 bad = 3: halve, cooldown 1; 8 bad, but cooldown resets it to 0; 9, 10 bad;
     * 11 bad = 3: halve. Rates (base 0.1) after each epoch's metric:
     */
    static final double[] EXPECTED = {0.1, 0.1, 0.1, 0.05, 0.05, 0.05, 0.05, 0.025, 0.025, 0.025, 0.025, 0.0125};

    static ReduceOnPlateauSchedule create() {
        return new ReduceOnPlateauSchedule(Config.of("factor", 0.5, "patience", 2, "threshold", 0.1, "cooldown", 1));
    }

    @Test
    void rate_followsPlateauRules() {
        Schedule s = create();
        double[] rates = new double[METRICS.length];
        for (int epoch = 0; epoch < METRICS.length; epoch++) {
            s.observe(epoch, METRICS[epoch]);
            rates[epoch] = s.rate(0.1, 0, epoch + 1);
        }
        assertThat(rates).containsExactly(EXPECTED, within(1e-15));
    }

    @Test
    void rate_neverFallsBelowMinRate() {
        // by hand: patience 0 reduces after every bad epoch: 0.1 → 0.01 → max(0.001, 0.002) = 0.002 → 0.002
        Schedule s = new ReduceOnPlateauSchedule(Config.of("factor", 0.1, "patience", 0, "min-rate", 0.002));
        s.observe(0, 1.0);
        assertThat(s.rate(0.1, 0, 1)).isCloseTo(0.1, within(1e-15));
        s.observe(1, 1.0);
        assertThat(s.rate(0.1, 0, 2)).isCloseTo(0.01, within(1e-15));
        s.observe(2, 1.0);
        assertThat(s.rate(0.1, 0, 3)).isCloseTo(0.002, within(1e-15));
        s.observe(3, 1.0);
        assertThat(s.rate(0.1, 0, 4)).isCloseTo(0.002, within(1e-15));
    }

    @Test
    void nanMetric_countsAsNoImprovement() {
        // by hand: patience 0, so the first NaN after the best reduces the rate to 0.1 · 0.5
        Schedule s = new ReduceOnPlateauSchedule(Config.of("factor", 0.5, "patience", 0));
        s.observe(0, 1.0);
        s.observe(1, Double.NaN);
        assertThat(s.rate(0.1, 0, 2)).isCloseTo(0.05, within(1e-15));
    }

    @Test
    void saveRestoreContinue_equalsUninterrupted() {
        Schedule uninterrupted = create();
        double[] expected = new double[METRICS.length];
        for (int epoch = 0; epoch < METRICS.length; epoch++) {
            uninterrupted.observe(epoch, METRICS[epoch]);
            expected[epoch] = uninterrupted.rate(0.1, 0, epoch + 1);
        }
        for (int split = 0; split <= METRICS.length; split++) {
            Schedule first = create();
            double[] rates = new double[METRICS.length];
            for (int epoch = 0; epoch < split; epoch++) {
                first.observe(epoch, METRICS[epoch]);
                rates[epoch] = first.rate(0.1, 0, epoch + 1);
            }
            Schedule resumed = new ReduceOnPlateauProvider().create(first.config());
            resumed.restore(first.state());
            for (int epoch = split; epoch < METRICS.length; epoch++) {
                resumed.observe(epoch, METRICS[epoch]);
                rates[epoch] = resumed.rate(0.1, 0, epoch + 1);
            }
            assertThat(rates).as("split at %d", split).isEqualTo(expected);
        }
    }

    @Test
    void state_beforeAnyMetric_hasInfiniteBest() {
        assertThat(create().state())
                .containsEntry("best", Double.POSITIVE_INFINITY)
                .containsEntry("scale", 1.0)
                .containsEntry("bad-epochs", 0.0)
                .containsEntry("cooldown-left", 0.0);
    }

    @Test
    void restore_missingKey_isRefusedNamingIt() {
        Map<String, Double> state = new HashMap<>(create().state());
        state.remove("best");
        assertThatThrownBy(() -> create().restore(state))
                .isInstanceOf(IllegalArgumentException.class)
                .hasMessageContaining("missing [best]");
    }

    @Test
    void restore_fractionalCount_isRefused() {
        Map<String, Double> state = new HashMap<>(create().state());
        state.put("bad-epochs", 1.5);
        assertThatThrownBy(() -> create().restore(state))
                .isInstanceOf(IllegalArgumentException.class)
                .hasMessage("reduce-on-plateau state bad-epochs must be a non-negative integer, got 1.5");
    }
}
