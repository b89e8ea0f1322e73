package dev.backprop.optim.schedule;

import dev.backprop.core.spi.Config;
import dev.backprop.optim.HyperParameters;
import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Set;
import java.util.TreeSet;

/**
 * Reduces the rate by a factor when a validation metric (lower is better) has stopped improving, following
 * PyTorch's {@code ReduceLROnPlateau} with {@code mode="min"} and {@code threshold_mode="rel"}. At the end of
 * each epoch, {@link #observe} hears the metric m:
 * <pre>
 *   if m &lt; best · (1 − threshold):  best ← m,  bad ← 0      (an improvement; best starts at +∞)
 *   else:                            bad ← bad + 1
 *   if cooldown-left &gt; 0:           cooldown-left ← cooldown-left − 1,  bad ← 0
 *   if bad &gt; patience:              scale ← scale · factor,  cooldown-left ← cooldown,  bad ← 0
 * </pre>
 * and the rate is {@code max(η₀ · scale, min-rate)}, with scale starting at 1. A NaN metric is never an
 * improvement. Unlike PyTorch, reductions smaller than 1e-8 are not skipped; the rate is the same once it
 * reaches {@code min-rate}.
 *
 * <p>Parameters: {@code factor} in (0, 1) (default 0.1), {@code patience} ≥ 0 epochs (default 10),
 * {@code threshold} ≥ 0 (default 1e-4), {@code cooldown} ≥ 0 epochs (default 0), {@code min-rate} ≥ 0
 * (default 0), {@code warmup-steps}. State: {@code scale}, {@code best}, {@code bad-epochs},
 * {@code cooldown-left}.
 */
public final class ReduceOnPlateauSchedule extends AbstractSchedule {

    /** The registered name. */
    public static final String NAME = "reduce-on-plateau";
    /** The key of the reduction factor. */
    public static final String FACTOR = "factor";
    /** The key of the number of epochs without improvement that are tolerated. */
    public static final String PATIENCE = "patience";
    /** The key of the relative improvement that counts. */
    public static final String THRESHOLD = "threshold";
    /** The key of the epochs to wait after a reduction before counting bad epochs again. */
    public static final String COOLDOWN = "cooldown";
    /** The key of the lowest rate. */
    public static final String MIN_RATE = "min-rate";

    /** State key: the factor the base rate is multiplied by. */
    public static final String STATE_SCALE = "scale";
    /** State key: the best metric so far. */
    public static final String STATE_BEST = "best";
    /** State key: the epochs without improvement. */
    public static final String STATE_BAD_EPOCHS = "bad-epochs";
    /** State key: the epochs of cooldown still to go. */
    public static final String STATE_COOLDOWN_LEFT = "cooldown-left";

    private static final Set<String> STATE_KEYS =
            Set.of(STATE_SCALE, STATE_BEST, STATE_BAD_EPOCHS, STATE_COOLDOWN_LEFT);

    private final double factor;
    private final int patience;
    private final double threshold;
    private final int cooldown;
    private final double minRate;

    private double scale = 1;
    private double best = Double.POSITIVE_INFINITY;
    private int badEpochs;
    private int cooldownLeft;

    /**
     * Creates the schedule.
     *
     * @throws IllegalArgumentException for an unknown key or an invalid value, naming both
     */
    public ReduceOnPlateauSchedule(Config config) {
        super(NAME, config, Set.of(FACTOR, PATIENCE, THRESHOLD, COOLDOWN, MIN_RATE));
        this.factor =
                HyperParameters.inOpenUnitInterval(NAME, FACTOR, HyperParameters.getDouble(NAME, config, FACTOR, 0.1));
        this.patience = HyperParameters.atLeast(NAME, PATIENCE, HyperParameters.getInt(NAME, config, PATIENCE, 10), 0);
        this.threshold =
                HyperParameters.nonNegative(NAME, THRESHOLD, HyperParameters.getDouble(NAME, config, THRESHOLD, 1e-4));
        this.cooldown = HyperParameters.atLeast(NAME, COOLDOWN, HyperParameters.getInt(NAME, config, COOLDOWN, 0), 0);
        this.minRate =
                HyperParameters.nonNegative(NAME, MIN_RATE, HyperParameters.getDouble(NAME, config, MIN_RATE, 0));
    }

    @Override
    protected Config ownConfig() {
        return Config.of(
                FACTOR, factor, PATIENCE, patience, THRESHOLD, threshold, COOLDOWN, cooldown, MIN_RATE, minRate);
    }

    @Override
    protected double decayed(double baseRate, long step, int epoch) {
        // rate = max(η₀ · scale, min-rate)
        return Math.max(baseRate * scale, minRate);
    }

    /** Counts the epoch as an improvement or not, and reduces the rate after more than {@code patience}. */
    @Override
    public void observe(int epoch, double validationMetric) {
        // an improvement when m < best · (1 − threshold); false for NaN
        if (validationMetric < best * (1 - threshold)) {
            best = validationMetric;
            badEpochs = 0;
        } else {
            badEpochs++;
        }
        if (cooldownLeft > 0) {
            cooldownLeft--;
            badEpochs = 0;
        }
        if (badEpochs > patience) {
            // scale = scale · factor
            scale *= factor;
            cooldownLeft = cooldown;
            badEpochs = 0;
        }
    }

    /** The factor the base rate is currently multiplied by (before {@code min-rate}). */
    public double scale() {
        return scale;
    }

    /**
     * The state: {@code scale}, {@code best} (+∞ before the first metric), {@code bad-epochs},
     * {@code cooldown-left}.
     */
    @Override
    public Map<String, Double> state() {
        Map<String, Double> state = new LinkedHashMap<>();
        state.put(STATE_SCALE, scale);
        state.put(STATE_BEST, best);
        state.put(STATE_BAD_EPOCHS, (double) badEpochs);
        state.put(STATE_COOLDOWN_LEFT, (double) cooldownLeft);
        return Collections.unmodifiableMap(state);
    }

    /** Forgets what it observed: scale 1, no best value, no bad epochs, no cooldown. */
    @Override
    public void reset() {
        scale = 1;
        best = Double.POSITIVE_INFINITY;
        badEpochs = 0;
        cooldownLeft = 0;
    }

    /**
     * Loads a state from {@link #state()}.
     *
     * @throws IllegalArgumentException naming a missing or unexpected key or an invalid value
     */
    @Override
    public void restore(Map<String, Double> state) {
        Set<String> missing = new TreeSet<>(STATE_KEYS);
        missing.removeAll(state.keySet());
        Set<String> unexpected = new TreeSet<>(state.keySet());
        unexpected.removeAll(STATE_KEYS);
        if (!missing.isEmpty() || !unexpected.isEmpty()) {
            throw new IllegalArgumentException(NAME + " state must have the keys " + new TreeSet<>(STATE_KEYS)
                    + "; missing " + missing + ", unexpected " + unexpected);
        }
        double s = state.get(STATE_SCALE);
        if (!(s >= 0 && s <= 1)) {
            throw new IllegalArgumentException(NAME + " state " + STATE_SCALE + " must be in [0, 1], got " + s);
        }
        int bad = count(state, STATE_BAD_EPOCHS);
        int left = count(state, STATE_COOLDOWN_LEFT);
        scale = s;
        best = state.get(STATE_BEST);
        badEpochs = bad;
        cooldownLeft = left;
    }

    private static int count(Map<String, Double> state, String key) {
        double v = state.get(key);
        if (!(v >= 0 && v <= Integer.MAX_VALUE && v == Math.rint(v))) {
            throw new IllegalArgumentException(NAME + " state " + key + " must be a non-negative integer, got " + v);
        }
        return (int) v;
    }
}
