package dev.backprop.spark;

import java.io.Serializable;
import java.util.Arrays;
import java.util.Objects;

/**
 * One training sample as Spark moves it between machines: its features and its targets. The targets are what
 * the loss expects: one class index ({@code targets.length == 1}), a one-hot row, or regression values.
 *
 * <p>The arrays are held, not copied; treat them as read-only once the sample is in an RDD. Two samples are
 * equal when their arrays hold the same values.
 *
 * @param features the inputs of the network, one value per input
 * @param targets  the targets, one row of the target matrix
 */
@SuppressWarnings(
        "ArrayRecordComponent") // one row of a Spark data set, serialised as it is; never compared with equals
public record Sample(double[] features, double[] targets) implements Serializable {

    /** Checks that both arrays are present. */
    public Sample {
        Objects.requireNonNull(features, "features");
        Objects.requireNonNull(targets, "targets");
    }

    /** A sample from its features and targets, e.g. {@code Sample.of(pixels, 7)} for class 7. */
    public static Sample of(double[] features, double... targets) {
        return new Sample(features, targets);
    }

    @Override
    public boolean equals(Object o) {
        return o instanceof Sample other
                && Arrays.equals(features, other.features)
                && Arrays.equals(targets, other.targets);
    }

    @Override
    public int hashCode() {
        return 31 * Arrays.hashCode(features) + Arrays.hashCode(targets);
    }

    @Override
    public String toString() {
        return "Sample[" + features.length + " features, targets " + Arrays.toString(targets) + "]";
    }
}
