package dev.backprop.core.data;

import org.ejml.data.DMatrixRMaj;

/**
 * Samples with features and targets, read by row index. The training loop and evaluation see data only
 * through this interface, so an in-memory table and a source larger than memory that pages rows in can both
 * implement it.
 */
public interface Dataset {

    /** The number of samples. */
    int size();

    /** Columns of the feature matrix. */
    int featureCount();

    /** Columns of the target matrix (1 for class indices or a single regression target). */
    int targetCount();

    /**
     * Copies the samples {@code order[from] … order[to − 1]} into the buffers, one row each, in that order.
     *
     * @param order     sample indices, each in {@code [0, size())}. Not modified.
     * @param from      first position in {@code order}, inclusive
     * @param to        last position in {@code order}, exclusive
     * @param features  reshaped to {@code (to − from) × featureCount()} and filled. Modified.
     * @param targets   reshaped to {@code (to − from) × targetCount()} and filled. Modified.
     * @throws IndexOutOfBoundsException naming the position and index when an index is out of range
     */
    void copyRows(int[] order, int from, int to, DMatrixRMaj features, DMatrixRMaj targets);
}
