package dev.backprop.data;

import dev.backprop.core.data.Dataset;
import org.ejml.data.DMatrixRMaj;

/**
 * An in-memory data set: a feature matrix (n × f) and a target matrix (n × t) with one row per sample, every
 * value finite. The targets are whatever the loss expects: one class index per row (t = 1), one-hot rows
 * (t = classes) or regression values.
 *
 * <p>The matrices are held, not copied: the constructor takes them over and the accessors return them. Treat
 * them as read-only; methods that change data ({@link #subset}, the scalers' {@code transform}) return a new
 * data set.
 */
public final class TabularDataset implements Dataset {

    private final DMatrixRMaj features;
    private final DMatrixRMaj targets;

    /**
     * A data set over the given matrices.
     *
     * @param features n × f, every value finite. Not modified; held by the data set from now on.
     * @param targets  n × t, every value finite. Not modified; held by the data set from now on.
     * @throws IllegalArgumentException when the row counts differ, a matrix has no columns, or a value is NaN or
     *                                  infinite (naming the matrix, row, column and value)
     */
    public TabularDataset(DMatrixRMaj features, DMatrixRMaj targets) {
        if (features == null || targets == null) {
            throw new IllegalArgumentException("features and targets must not be null");
        }
        if (features.numRows != targets.numRows) {
            throw new IllegalArgumentException("features have " + features.numRows + " rows but targets have "
                    + targets.numRows + "; a data set needs one target row per feature row");
        }
        if (features.numCols == 0 || targets.numCols == 0) {
            throw new IllegalArgumentException("features (" + features.numRows + "×" + features.numCols
                    + ") and targets (" + targets.numRows + "×" + targets.numCols + ") need at least one column");
        }
        requireFinite("features", features);
        requireFinite("targets", targets);
        this.features = features;
        this.targets = targets;
    }

    private static void requireFinite(String name, DMatrixRMaj m) {
        int n = m.numRows * m.numCols;
        for (int i = 0; i < n; i++) {
            double v = m.data[i];
            if (!Double.isFinite(v)) {
                throw new IllegalArgumentException(name + " row " + i / m.numCols + ", column " + i % m.numCols + " is "
                        + v + "; a data set holds finite values only");
            }
        }
    }

    @Override
    public int size() {
        return features.numRows;
    }

    @Override
    public int featureCount() {
        return features.numCols;
    }

    @Override
    public int targetCount() {
        return targets.numCols;
    }

    /** The feature matrix, n × f: the held matrix, not a copy. Treat it as read-only. */
    public DMatrixRMaj features() {
        return features;
    }

    /** The target matrix, n × t: the held matrix, not a copy. Treat it as read-only. */
    public DMatrixRMaj targets() {
        return targets;
    }

    /** The feature in row {@code row}, column {@code column}. */
    public double feature(int row, int column) {
        return features.get(row, column);
    }

    /** The target in row {@code row}, column {@code column}. */
    public double target(int row, int column) {
        return targets.get(row, column);
    }

    /**
     * A new data set with the given rows, in the given order (repeats allowed), copied.
     *
     * @param indices row indices, each in {@code [0, size())}. Not modified.
     * @throws IndexOutOfBoundsException naming the position and the index when one is out of range
     */
    public TabularDataset subset(int[] indices) {
        DMatrixRMaj f = new DMatrixRMaj(indices.length, features.numCols);
        DMatrixRMaj t = new DMatrixRMaj(indices.length, targets.numCols);
        copyRows(indices, 0, indices.length, f, t);
        return new TabularDataset(f, t);
    }

    /**
     * A new data set with the same targets (shared, not copied) and other features.
     *
     * @param newFeatures n × f' with n = {@link #size()}. Not modified; held by the new data set.
     * @throws IllegalArgumentException when the row count differs or a value is not finite
     */
    public TabularDataset withFeatures(DMatrixRMaj newFeatures) {
        return new TabularDataset(newFeatures, targets);
    }

    /**
     * A new data set with the same features (shared, not copied) and other targets.
     *
     * @param newTargets n × t' with n = {@link #size()}. Not modified; held by the new data set.
     * @throws IllegalArgumentException when the row count differs or a value is not finite
     */
    public TabularDataset withTargets(DMatrixRMaj newTargets) {
        return new TabularDataset(features, newTargets);
    }

    /** {@inheritDoc} Copies with {@link System#arraycopy}; the buffers keep their arrays when large enough. */
    @Override
    public void copyRows(int[] order, int from, int to, DMatrixRMaj featureBuffer, DMatrixRMaj targetBuffer) {
        if (from < 0 || to > order.length || from > to) {
            throw new IndexOutOfBoundsException("positions [" + from + ", " + to + ") are not within the "
                    + order.length + " entries of the order");
        }
        int f = features.numCols;
        int t = targets.numCols;
        int rows = to - from;
        featureBuffer.reshape(rows, f);
        targetBuffer.reshape(rows, t);
        int n = features.numRows;
        for (int r = 0; r < rows; r++) {
            int sample = order[from + r];
            if (sample < 0 || sample >= n) {
                throw new IndexOutOfBoundsException(
                        "order[" + (from + r) + "] = " + sample + " is not a sample index in [0, " + n + ")");
            }
            // featureBuffer[r, :] = features[sample, :]; targetBuffer[r, :] = targets[sample, :]
            System.arraycopy(features.data, sample * f, featureBuffer.data, r * f, f);
            System.arraycopy(targets.data, sample * t, targetBuffer.data, r * t, t);
        }
    }

    @Override
    public String toString() {
        return "TabularDataset[" + size() + " samples, " + featureCount() + " features, " + targetCount() + " targets]";
    }
}
