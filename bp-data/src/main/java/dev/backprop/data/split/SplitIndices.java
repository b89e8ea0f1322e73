package dev.backprop.data.split;

import java.util.Arrays;

/**
 * The sample indices of each part of a split, disjoint, together covering every sample once.
 *
 * @param train      indices of the training part, in the split's shuffled order
 * @param validation indices of the validation part (empty for a train/test split)
 * @param test       indices of the test part
 */
@SuppressWarnings("ArrayRecordComponent") // indices of one split, copied in; never compared with equals
public record SplitIndices(int[] train, int[] validation, int[] test) {

    /** Copies the arrays so that the record is not shared with its creator. */
    public SplitIndices {
        train = train.clone();
        validation = validation.clone();
        test = test.clone();
    }

    /** The indices of the training part, a copy. */
    @Override
    public int[] train() {
        return train.clone();
    }

    /** The indices of the validation part, a copy. */
    @Override
    public int[] validation() {
        return validation.clone();
    }

    /** The indices of the test part, a copy. */
    @Override
    public int[] test() {
        return test.clone();
    }

    /** Equal when all three parts hold the same indices in the same order. */
    @Override
    public boolean equals(Object o) {
        return o instanceof SplitIndices other
                && Arrays.equals(train, other.train)
                && Arrays.equals(validation, other.validation)
                && Arrays.equals(test, other.test);
    }

    @Override
    public int hashCode() {
        return 31 * (31 * Arrays.hashCode(train) + Arrays.hashCode(validation)) + Arrays.hashCode(test);
    }

    @Override
    public String toString() {
        return "SplitIndices[train " + train.length + ", validation " + validation.length + ", test " + test.length
                + "]";
    }
}
