package dev.backprop.spark;

/**
 * A sample that cannot be trained on: its features or targets have the wrong length, or hold a value that is
 * not finite. The message names the partition, the row within the partition, the sample's index in the RDD and
 * what was wrong.
 */
public final class InvalidSampleException extends IllegalArgumentException {

    private static final long serialVersionUID = 1L;

    private final int partition;
    private final int row;

    /**
     * An exception for one sample.
     *
     * @param partition the RDD partition holding the sample
     * @param row       the sample's row within its partition, from 0
     * @param message   the whole message, naming both
     * @param cause     the failure that reported it, or null
     */
    public InvalidSampleException(int partition, int row, String message, Throwable cause) {
        super(message, cause);
        this.partition = partition;
        this.row = row;
    }

    /** The RDD partition holding the sample. */
    public int partition() {
        return partition;
    }

    /** The sample's row within its partition, from 0. */
    public int row() {
        return row;
    }
}
