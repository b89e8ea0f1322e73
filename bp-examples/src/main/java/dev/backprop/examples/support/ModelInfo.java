package dev.backprop.examples.support;

import dev.backprop.data.scaling.FeatureScaler;
import java.util.List;
import java.util.Objects;
import java.util.Optional;

/**
 * What a saved model needs besides its network and loss so that {@code bp predict} can use it on raw input rows:
 * the kind of task, the class names, and the scalers fitted on the training data.
 *
 * @param command       the command that trained it, e.g. {@code iris}
 * @param task          how to read the network's outputs
 * @param classNames    class i's name at position i; empty for regression
 * @param featureScaler the scaling applied to input rows before the network, if any
 * @param targetScaler  for regression, the scaling of the target, undone on the outputs, if any
 */
public record ModelInfo(
        String command,
        Task task,
        List<String> classNames,
        Optional<FeatureScaler> featureScaler,
        Optional<FeatureScaler> targetScaler) {

    /** How the outputs of a network are read. */
    public enum Task {
        /** k softmax outputs: the class is the argmax, the outputs are the class probabilities. */
        CLASSIFICATION,
        /** One sigmoid output p = P(class 1): the class is 1 when p ≥ 0.5. */
        BINARY,
        /** Real-valued outputs, in the target's units after the target scaler is undone. */
        REGRESSION
    }

    /** Checks the fields. */
    public ModelInfo {
        Objects.requireNonNull(command, "command");
        Objects.requireNonNull(task, "task");
        classNames = List.copyOf(classNames);
        Objects.requireNonNull(featureScaler, "featureScaler");
        Objects.requireNonNull(targetScaler, "targetScaler");
        if (task != Task.REGRESSION && classNames.size() < 2) {
            throw new IllegalArgumentException(
                    "a " + task + " model needs at least two class names, got " + classNames);
        }
    }

    /** A multi-class model with softmax outputs; {@code scaler} may be null. */
    public static ModelInfo classifier(String command, List<String> classNames, FeatureScaler scaler) {
        return new ModelInfo(command, Task.CLASSIFICATION, classNames, Optional.ofNullable(scaler), Optional.empty());
    }

    /** A binary model with one sigmoid output; {@code scaler} may be null. */
    public static ModelInfo binary(String command, List<String> classNames, FeatureScaler scaler) {
        return new ModelInfo(command, Task.BINARY, classNames, Optional.ofNullable(scaler), Optional.empty());
    }

    /** A regression model; either scaler may be null. */
    public static ModelInfo regression(String command, FeatureScaler features, FeatureScaler target) {
        return new ModelInfo(
                command, Task.REGRESSION, List.of(), Optional.ofNullable(features), Optional.ofNullable(target));
    }
}
