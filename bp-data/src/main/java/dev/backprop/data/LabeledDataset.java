package dev.backprop.data;

import dev.backprop.data.encoding.Labels;
import dev.backprop.data.encoding.OneHot;
import java.util.List;
import org.ejml.data.DMatrixRMaj;

/**
 * A classification data set: a {@link TabularDataset} whose target is one class index per sample (n × 1), with
 * the names of the classes. Give {@link #data()} to a loss that takes class indices, or {@link #oneHot()} to one
 * that takes one-hot rows.
 *
 * @param data       features n × f and targets n × 1, each target a class index in {@code [0, classNames.size())}
 * @param classNames the name of class i at position i (for digits, "0" … "9"); immutable
 */
public record LabeledDataset(TabularDataset data, List<String> classNames) {

    /**
     * Checks that the targets are one column of class indices within the named classes.
     *
     * @throws IllegalArgumentException naming the row and the value of the first target that is not a class
     *                                  index below {@code classNames.size()}, or when the targets are not n × 1
     */
    public LabeledDataset {
        classNames = List.copyOf(classNames);
        if (classNames.isEmpty()) {
            throw new IllegalArgumentException("a labeled data set needs at least one class name");
        }
        Labels.requireInRange(Labels.fromColumn(data.targets()), classNames.size());
    }

    /**
     * A labeled data set over features and labels.
     *
     * @param features   n × f. Not modified; held by the data set.
     * @param labels     n class indices. Not modified.
     * @param classNames k names
     * @throws IllegalArgumentException when a label is outside {@code [0, k)} or the row counts differ
     */
    public static LabeledDataset of(DMatrixRMaj features, int[] labels, List<String> classNames) {
        return new LabeledDataset(new TabularDataset(features, Labels.toColumn(labels)), classNames);
    }

    /** The number of samples. */
    public int size() {
        return data.size();
    }

    /** The number of features. */
    public int featureCount() {
        return data.featureCount();
    }

    /** The number of classes, k. */
    public int classCount() {
        return classNames.size();
    }

    /** The feature matrix (n × f): the held matrix, not a copy. Treat it as read-only. */
    public DMatrixRMaj features() {
        return data.features();
    }

    /** The class index of each sample, a new array. */
    public int[] labels() {
        return Labels.fromColumn(data.targets());
    }

    /** The class index of sample {@code row}. */
    public int label(int row) {
        return (int) data.target(row, 0);
    }

    /**
     * The same samples with one-hot targets, n × k (features shared, not copied).
     *
     * @return a new data set whose target row i is {@code e_{label(i)}}
     */
    public TabularDataset oneHot() {
        return data.withTargets(OneHot.encode(labels(), classCount()));
    }

    /**
     * The given rows, in the given order, copied, with the same class names.
     *
     * @param indices row indices in {@code [0, size())}. Not modified.
     * @throws IndexOutOfBoundsException naming the position and the index when one is out of range
     */
    public LabeledDataset subset(int[] indices) {
        return new LabeledDataset(data.subset(indices), classNames);
    }

    /**
     * The same samples and classes with other features (for instance scaled ones).
     *
     * @param newFeatures n × f'. Not modified; held by the new data set.
     */
    public LabeledDataset withFeatures(DMatrixRMaj newFeatures) {
        return new LabeledDataset(data.withFeatures(newFeatures), classNames);
    }
}
