package dev.backprop.onnx;

import dev.backprop.core.network.Network;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;

/**
 * What an exported model computes for a raw input row: the input scaling, the network, and the target scaling
 * undone on the outputs; with the class names and free metadata that are written into the file's metadata.
 *
 * @param network       the trained network; kept by reference, its weights are read when exporting
 * @param inputScaling  applied to the input before the network, if the model was trained on scaled inputs
 * @param targetScaling undone on the network's outputs, for a regression trained on scaled targets
 * @param classNames    class i's name at position i, or empty
 * @param metadata      free key–value text written to the model's metadata
 */
public record ServingModel(
        Network network,
        Optional<AffineScaling> inputScaling,
        Optional<AffineScaling> targetScaling,
        List<String> classNames,
        Map<String, String> metadata) {

    /**
     * Checks that the scalings fit the network.
     *
     * @throws IllegalArgumentException naming both widths when they do not
     */
    public ServingModel {
        Objects.requireNonNull(network, "network");
        Objects.requireNonNull(inputScaling, "inputScaling");
        Objects.requireNonNull(targetScaling, "targetScaling");
        classNames = List.copyOf(classNames);
        metadata = Map.copyOf(metadata);
        inputScaling.ifPresent(s -> {
            if (s.columnCount() != network.inputSize()) {
                throw new IllegalArgumentException("The input scaling has " + s.columnCount()
                        + " columns but the network takes " + network.inputSize() + " inputs");
            }
        });
        targetScaling.ifPresent(s -> {
            if (s.columnCount() != network.outputSize()) {
                throw new IllegalArgumentException("The target scaling has " + s.columnCount()
                        + " columns but the network gives " + network.outputSize() + " outputs");
            }
        });
    }

    /** A network alone: no scaling, classes or metadata. */
    public static ServingModel of(Network network) {
        return new ServingModel(network, Optional.empty(), Optional.empty(), List.of(), Map.of());
    }

    /** This model with the input scaling. */
    public ServingModel withInputScaling(AffineScaling scaling) {
        return new ServingModel(network, Optional.of(scaling), targetScaling, classNames, metadata);
    }

    /** This model with the target scaling, undone on the outputs. */
    public ServingModel withTargetScaling(AffineScaling scaling) {
        return new ServingModel(network, inputScaling, Optional.of(scaling), classNames, metadata);
    }

    /** This model with class names. */
    public ServingModel withClassNames(List<String> names) {
        return new ServingModel(network, inputScaling, targetScaling, names, metadata);
    }

    /** This model with one metadata entry added or replaced. */
    public ServingModel withMetadata(String key, String value) {
        Map<String, String> copy = new LinkedHashMap<>(metadata);
        copy.put(key, value);
        return new ServingModel(network, inputScaling, targetScaling, classNames, copy);
    }
}
