package dev.backprop.core.eval;

import org.ejml.data.DMatrixRMaj;

/** A figure of merit computed from a network's outputs and the targets of a whole data set. */
public interface Metric {

    /** The short name used in histories and logs, e.g. {@code accuracy}. */
    String name();

    /**
     * The metric's value.
     *
     * @param outputs the network's outputs, n × k. Not modified.
     * @param targets the targets, n × k (one-hot or regression) or n × 1 (class indices). Not modified.
     */
    double compute(DMatrixRMaj outputs, DMatrixRMaj targets);

    /** Whether larger values are better (accuracy) rather than smaller (error). */
    boolean higherIsBetter();
}
