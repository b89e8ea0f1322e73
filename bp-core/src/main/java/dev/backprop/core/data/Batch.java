package dev.backprop.core.data;

import org.ejml.data.DMatrixRMaj;

/**
 * One minibatch: features and targets with one row per sample. The matrices belong to the {@link BatchSource}
 * and are overwritten by its next batch.
 *
 * @param features n × featureCount
 * @param targets  n × targetCount
 */
public record Batch(DMatrixRMaj features, DMatrixRMaj targets) {

    /** Checks that both matrices have one row per sample. */
    public Batch {
        if (features.numRows != targets.numRows) {
            throw new IllegalArgumentException(
                    "Batch features have " + features.numRows + " rows but targets have " + targets.numRows);
        }
    }

    /** The number of samples. */
    public int size() {
        return features.numRows;
    }
}
