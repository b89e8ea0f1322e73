package dev.backprop.data.split;

import dev.backprop.core.random.Rng;
import dev.backprop.data.LabeledDataset;
import dev.backprop.data.TabularDataset;
import dev.backprop.data.encoding.Labels;

/**
 * Seeded splits of a data set into train/test or train/validation/test parts by fraction.
 *
 * <p>The samples are first shuffled (Fisher–Yates with {@code new Rng(Rng.derive(seed, 0x5EED_5917L))}, a
 * stream separate from the batches' shuffles of the same seed). Then, within each group, the first
 * {@code round(m · testFraction)} samples in shuffled order go to the test part, the next
 * {@code round(m · validationFraction)} to the validation part and the rest to the training part, where m is
 * the group's size and {@code round} rounds half up ({@link Math#round(double)}). Without stratification the
 * whole data set is one group; with it each class is a group, so every class appears in each part in proportion
 * to its size (up to that rounding; a class too small for a part — {@code round(m · fraction) = 0} — is absent
 * from it). Each part keeps the shuffled order. The same data, fractions, seed and stratification give the same
 * split on every run and platform.
 *
 * <p>Stratification reads the class of each sample from the targets: an n × 1 column of class indices, or the
 * arg max of n × k one-hot rows.
 */
public final class Splits {

    /** The path that separates the split's random stream from others derived from the same seed. */
    private static final long SPLIT_STREAM = 0x5EED_5917L;

    private Splits() {}

    /**
     * Splits into training and test parts.
     *
     * @param data         the samples. Not modified.
     * @param testFraction the share of samples for the test part, in (0, 1)
     * @param seed         seed of the shuffle
     * @param stratified   whether to split each class separately
     * @throws IllegalArgumentException when the fraction is outside (0, 1), a part would be empty, or stratified
     *                                  targets are not class labels
     */
    public static TrainTest<TabularDataset> trainTest(
            TabularDataset data, double testFraction, long seed, boolean stratified) {
        SplitIndices s = indices(data.size(), stratified ? classesOf(data) : null, 0.0, testFraction, seed);
        return new TrainTest<>(data.subset(s.train()), data.subset(s.test()));
    }

    /**
     * Splits a labeled data set into training and test parts; see
     * {@link #trainTest(TabularDataset, double, long, boolean)}.
     */
    public static TrainTest<LabeledDataset> trainTest(
            LabeledDataset data, double testFraction, long seed, boolean stratified) {
        SplitIndices s = indices(data.size(), stratified ? data.labels() : null, 0.0, testFraction, seed);
        return new TrainTest<>(data.subset(s.train()), data.subset(s.test()));
    }

    /**
     * Splits into training, validation and test parts.
     *
     * @param data               the samples. Not modified.
     * @param validationFraction the share for the validation part, in (0, 1)
     * @param testFraction       the share for the test part, in (0, 1); the two shares sum to less than 1
     * @param seed               seed of the shuffle
     * @param stratified         whether to split each class separately
     * @throws IllegalArgumentException when a fraction is outside (0, 1), they sum to 1 or more, a part would be
     *                                  empty, or stratified targets are not class labels
     */
    public static TrainValidationTest<TabularDataset> trainValidationTest(
            TabularDataset data, double validationFraction, double testFraction, long seed, boolean stratified) {
        requireFraction("validationFraction", validationFraction);
        SplitIndices s =
                indices(data.size(), stratified ? classesOf(data) : null, validationFraction, testFraction, seed);
        return new TrainValidationTest<>(data.subset(s.train()), data.subset(s.validation()), data.subset(s.test()));
    }

    /**
     * Splits a labeled data set into training, validation and test parts; see
     * {@link #trainValidationTest(TabularDataset, double, double, long, boolean)}.
     */
    public static TrainValidationTest<LabeledDataset> trainValidationTest(
            LabeledDataset data, double validationFraction, double testFraction, long seed, boolean stratified) {
        requireFraction("validationFraction", validationFraction);
        SplitIndices s =
                indices(data.size(), stratified ? data.labels() : null, validationFraction, testFraction, seed);
        return new TrainValidationTest<>(data.subset(s.train()), data.subset(s.validation()), data.subset(s.test()));
    }

    /**
     * The indices of a split, by the rule in the class description.
     *
     * @param size               the number of samples
     * @param classes            the class of each sample (length {@code size}, non-negative) to stratify by, or
     *                           {@code null} for no stratification. Not modified.
     * @param validationFraction the validation share, in (0, 1), or 0 for no validation part
     * @param testFraction       the test share, in (0, 1)
     * @param seed               seed of the shuffle
     * @throws IllegalArgumentException when a fraction is out of range, the shares sum to 1 or more, the classes
     *                                  do not match the size, or the training, validation (if asked) or test part
     *                                  would be empty
     */
    public static SplitIndices indices(
            int size, int[] classes, double validationFraction, double testFraction, long seed) {
        requireFraction("testFraction", testFraction);
        if (validationFraction != 0.0) {
            requireFraction("validationFraction", validationFraction);
        }
        if (!(validationFraction + testFraction < 1.0)) {
            throw new IllegalArgumentException("validationFraction " + validationFraction + " + testFraction "
                    + testFraction + " = " + (validationFraction + testFraction)
                    + " leaves nothing for training; the sum must be below 1");
        }
        if (size < 0) {
            throw new IllegalArgumentException("size must not be negative, got " + size);
        }
        int[] groups = classes == null ? new int[size] : classes;
        if (groups.length != size) {
            throw new IllegalArgumentException("classes has " + groups.length + " entries for " + size + " samples");
        }
        Labels.requireInRange(groups, Integer.MAX_VALUE);
        int groupCount = Labels.impliedClassCount(groups);
        int[] groupSize = new int[groupCount];
        for (int g : groups) {
            groupSize[g]++;
        }
        int[] testQuota = new int[groupCount];
        int[] validationQuota = new int[groupCount];
        int testTotal = 0;
        int validationTotal = 0;
        for (int g = 0; g < groupCount; g++) {
            int m = groupSize[g];
            // test_g = round(m · testFraction), validation_g = round(m · validationFraction), capped at m
            testQuota[g] = (int) Math.min(m, Math.round(m * testFraction));
            validationQuota[g] = (int) Math.min(m - testQuota[g], Math.round(m * validationFraction));
            testTotal += testQuota[g];
            validationTotal += validationQuota[g];
        }
        int trainTotal = size - testTotal - validationTotal;
        String described = "testFraction " + testFraction
                + (validationFraction != 0.0 ? " and validationFraction " + validationFraction : "") + " of "
                + size + " samples" + (classes == null ? "" : " stratified over " + groupCount + " classes");
        if (testTotal == 0) {
            throw new IllegalArgumentException(described + " gives an empty test part");
        }
        if (validationFraction != 0.0 && validationTotal == 0) {
            throw new IllegalArgumentException(described + " gives an empty validation part");
        }
        if (trainTotal == 0) {
            throw new IllegalArgumentException(described + " gives an empty training part");
        }

        int[] order = new int[size];
        for (int i = 0; i < size; i++) {
            order[i] = i;
        }
        new Rng(Rng.derive(seed, SPLIT_STREAM)).shuffle(order);

        int[] train = new int[trainTotal];
        int[] validation = new int[validationTotal];
        int[] test = new int[testTotal];
        int[] seen = new int[groupCount];
        int tr = 0;
        int va = 0;
        int te = 0;
        for (int sample : order) {
            int g = groups[sample];
            int k = seen[g]++;
            // in each group: first the test quota, then the validation quota, then training
            if (k < testQuota[g]) {
                test[te++] = sample;
            } else if (k < testQuota[g] + validationQuota[g]) {
                validation[va++] = sample;
            } else {
                train[tr++] = sample;
            }
        }
        return new SplitIndices(train, validation, test);
    }

    private static int[] classesOf(TabularDataset data) {
        try {
            return Labels.fromTargets(data.targets());
        } catch (IllegalArgumentException e) {
            throw new IllegalArgumentException(
                    "a stratified split needs class labels in the targets (n×1 class "
                            + "indices or n×k one-hot rows): " + e.getMessage(),
                    e);
        }
    }

    private static void requireFraction(String name, double value) {
        if (!(value > 0.0 && value < 1.0)) {
            throw new IllegalArgumentException(name + " must be in (0, 1), got " + value);
        }
    }
}
