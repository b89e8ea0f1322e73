package dev.backprop.data.idx;

import dev.backprop.data.LabeledDataset;
import java.util.Objects;

/**
 * The training and test sets of one MNIST folder, read by {@link MnistLoader#loadFolder(java.nio.file.Path)} and
 * checked to hold images of one size.
 *
 * @param train the {@code train-*} images and labels
 * @param test  the {@code t10k-*} images and labels
 */
public record MnistFolder(LabeledDataset train, LabeledDataset test) {

    /** Checks that neither set is null. */
    public MnistFolder {
        Objects.requireNonNull(train, "train");
        Objects.requireNonNull(test, "test");
    }
}
