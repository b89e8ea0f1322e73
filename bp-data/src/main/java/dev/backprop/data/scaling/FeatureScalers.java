package dev.backprop.data.scaling;

import java.util.Map;
import java.util.Set;
import java.util.TreeSet;
import java.util.function.Function;

/** Restores a scaler from its name and saved state, as a model file stores them. */
public final class FeatureScalers {

    private static final Map<String, Function<Map<String, double[]>, FeatureScaler>> RESTORERS = Map.of(
            StandardScaler.NAME, StandardScaler::fromState,
            MinMaxScaler.NAME, MinMaxScaler::fromState);

    private FeatureScalers() {}

    /** The names {@link #fromState} accepts, sorted. */
    public static Set<String> names() {
        return new TreeSet<>(RESTORERS.keySet());
    }

    /**
     * The scaler that {@code name} and {@code state} describe.
     *
     * @param name  {@link FeatureScaler#name()} of the saved scaler
     * @param state {@link FeatureScaler#state()} of the saved scaler. Not modified.
     * @throws IllegalArgumentException when the name is unknown (listing the known names) or the state is invalid
     */
    public static FeatureScaler fromState(String name, Map<String, double[]> state) {
        Function<Map<String, double[]>, FeatureScaler> restorer = name == null ? null : RESTORERS.get(name);
        if (restorer == null) {
            throw new IllegalArgumentException("unknown scaler '" + name + "'; known: " + names());
        }
        return restorer.apply(state);
    }
}
