package dev.backprop.examples.support;

import dev.backprop.core.network.Network;
import dev.backprop.core.spi.ComponentSpec;
import java.util.Locale;
import java.util.Objects;
import java.util.Optional;

/**
 * A model read back from a file: the network with its weights, the loss it was trained with, and what
 * {@code bp predict} needs to read raw rows and print predictions.
 *
 * @param network the network
 * @param loss    the training loss, when the file names one
 * @param info    the task, class names and scalers
 */
public record SavedModel(Network network, Optional<ComponentSpec> loss, ModelInfo info) {

    /** Checks the fields. */
    public SavedModel {
        Objects.requireNonNull(network, "network");
        Objects.requireNonNull(loss, "loss");
        Objects.requireNonNull(info, "info");
        if (info.task() != ModelInfo.Task.REGRESSION) {
            int outputs = network.outputSize();
            int expected =
                    info.task() == ModelInfo.Task.BINARY ? 1 : info.classNames().size();
            if (outputs != expected) {
                throw new IllegalArgumentException("the model's network has " + outputs + " outputs but its "
                        + info.task().name().toLowerCase(Locale.ROOT) + " task with classes "
                        + info.classNames() + " needs " + expected);
            }
        }
        info.featureScaler().ifPresent(s -> {
            if (s.columnCount() != network.inputSize()) {
                throw new IllegalArgumentException("the model's input scaler has " + s.columnCount()
                        + " columns but its network takes " + network.inputSize() + " inputs");
            }
        });
    }
}
