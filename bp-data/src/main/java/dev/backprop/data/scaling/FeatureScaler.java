package dev.backprop.data.scaling;

import dev.backprop.data.LabeledDataset;
import dev.backprop.data.TabularDataset;
import java.util.Map;
import org.ejml.data.DMatrixRMaj;

/**
 * A fitted, immutable column-wise transformation of features. Fit it on the training data only, then apply the
 * same transformation to training, validation and test data, so that no statistics of the held-out data leak
 * into training.
 */
public interface FeatureScaler {

    /** The scaler's kind, the name under which {@link FeatureScalers#fromState} restores it. */
    String name();

    /** The number of columns the scaler was fitted on; it transforms matrices of exactly this width. */
    int columnCount();

    /**
     * Transforms every row of {@code in} into {@code out}. {@code in} and {@code out} may be the same matrix.
     *
     * @param in  n × {@link #columnCount()}. Not modified unless it is {@code out}.
     * @param out reshaped to the shape of {@code in} and overwritten. Modified.
     * @throws IllegalArgumentException naming both widths when {@code in} does not have {@link #columnCount()}
     *                                  columns
     */
    void transform(DMatrixRMaj in, DMatrixRMaj out);

    /**
     * Undoes {@link #transform(DMatrixRMaj, DMatrixRMaj)}. {@code in} and {@code out} may be the same matrix.
     *
     * @param in  n × {@link #columnCount()}, transformed values. Not modified unless it is {@code out}.
     * @param out reshaped to the shape of {@code in} and overwritten with values in the original units. Modified.
     * @throws IllegalArgumentException naming both widths when the width is wrong
     */
    void inverseTransform(DMatrixRMaj in, DMatrixRMaj out);

    /**
     * The fitted state as named arrays, each of length {@link #columnCount()}; copies, safe to keep.
     *
     * @return an immutable map; the names are documented by each scaler
     */
    Map<String, double[]> state();

    /**
     * A transformed copy of a matrix.
     *
     * @param in n × {@link #columnCount()}. Not modified.
     * @return a new n × {@link #columnCount()} matrix
     */
    default DMatrixRMaj transform(DMatrixRMaj in) {
        DMatrixRMaj out = new DMatrixRMaj(in.numRows, in.numCols);
        transform(in, out);
        return out;
    }

    /**
     * Transforms a matrix in place.
     *
     * @param matrix n × {@link #columnCount()}. Modified.
     */
    default void transformInPlace(DMatrixRMaj matrix) {
        transform(matrix, matrix);
    }

    /**
     * A new data set with transformed features (a copy) and the same targets.
     *
     * @param data features n × {@link #columnCount()}. Not modified.
     */
    default TabularDataset transform(TabularDataset data) {
        return data.withFeatures(transform(data.features()));
    }

    /**
     * A new labeled data set with transformed features (a copy) and the same labels and class names.
     *
     * @param data features n × {@link #columnCount()}. Not modified.
     */
    default LabeledDataset transform(LabeledDataset data) {
        return data.withFeatures(transform(data.features()));
    }
}
