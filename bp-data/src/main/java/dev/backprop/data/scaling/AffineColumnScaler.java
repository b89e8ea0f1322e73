package dev.backprop.data.scaling;

import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Set;
import org.ejml.data.DMatrixRMaj;

/**
 * The shared form of both scalers: {@code x'_ij = (x_ij − offset_j) / scale_j}, with every scale positive.
 */
abstract class AffineColumnScaler implements FeatureScaler {

    /** The state key of the scale array, shared by both scalers. */
    static final String SCALE = "scale";

    private final String offsetKey;
    private final double[] offset;
    private final double[] scale;

    AffineColumnScaler(String offsetKey, double[] offset, double[] scale) {
        this.offsetKey = offsetKey;
        this.offset = offset;
        this.scale = scale;
    }

    @Override
    public final int columnCount() {
        return offset.length;
    }

    /** The offset of each column (a copy). */
    final double[] offsets() {
        return offset.clone();
    }

    /** The scale of each column (a copy). */
    final double[] scales() {
        return scale.clone();
    }

    @Override
    public final void transform(DMatrixRMaj in, DMatrixRMaj out) {
        requireWidth(in, "transform");
        int cols = in.numCols;
        out.reshape(in.numRows, cols);
        int size = in.numRows * cols;
        for (int i = 0; i < size; i++) {
            int j = i % cols;
            // x'_ij = (x_ij - offset_j) / scale_j
            out.data[i] = (in.data[i] - offset[j]) / scale[j];
        }
    }

    @Override
    public final void inverseTransform(DMatrixRMaj in, DMatrixRMaj out) {
        requireWidth(in, "inverseTransform");
        int cols = in.numCols;
        out.reshape(in.numRows, cols);
        int size = in.numRows * cols;
        for (int i = 0; i < size; i++) {
            int j = i % cols;
            // x_ij = x'_ij * scale_j + offset_j
            out.data[i] = in.data[i] * scale[j] + offset[j];
        }
    }

    @Override
    public final Map<String, double[]> state() {
        Map<String, double[]> state = new LinkedHashMap<>();
        state.put(offsetKey, offset.clone());
        state.put(SCALE, scale.clone());
        return Collections.unmodifiableMap(state);
    }

    private void requireWidth(DMatrixRMaj in, String operation) {
        if (in.numCols != offset.length) {
            throw new IllegalArgumentException(name() + " scaler was fitted on " + offset.length
                    + " columns; cannot " + operation + " a matrix with " + in.numCols + " columns ("
                    + in.numRows + "×" + in.numCols + ")");
        }
    }

    /**
     * Checks a saved state and returns its two arrays (copies) as {offset, scale}.
     *
     * @throws IllegalArgumentException naming the key and the value that is missing, extra or invalid
     */
    static double[][] readState(String scalerName, String offsetKey, Map<String, double[]> state) {
        Set<String> expected = Set.of(offsetKey, SCALE);
        if (!state.keySet().equals(expected)) {
            throw new IllegalArgumentException(
                    scalerName + " scaler state needs exactly the arrays " + expected + ", got " + state.keySet());
        }
        double[] offset = state.get(offsetKey);
        double[] scale = state.get(SCALE);
        if (offset == null || scale == null || offset.length != scale.length || offset.length == 0) {
            throw new IllegalArgumentException(scalerName + " scaler state arrays '" + offsetKey + "' and '" + SCALE
                    + "' must be non-empty and of equal length, got " + (offset == null ? "null" : offset.length)
                    + " and " + (scale == null ? "null" : scale.length));
        }
        for (int j = 0; j < offset.length; j++) {
            if (!Double.isFinite(offset[j])) {
                throw new IllegalArgumentException(
                        scalerName + " scaler state '" + offsetKey + "'[" + j + "] is " + offset[j] + ", not finite");
            }
            if (!(scale[j] > 0) || !Double.isFinite(scale[j])) {
                throw new IllegalArgumentException(scalerName + " scaler state '" + SCALE + "'[" + j + "] is "
                        + scale[j] + "; a scale must be positive and finite");
            }
        }
        return new double[][] {offset.clone(), scale.clone()};
    }

    /**
     * Checks a training matrix: at least one row and one column, every value finite.
     *
     * @throws IllegalArgumentException naming the row, column and value of the first non-finite value
     */
    static void requireFittable(String scalerName, DMatrixRMaj train) {
        if (train.numRows == 0 || train.numCols == 0) {
            throw new IllegalArgumentException(scalerName + " scaler needs at least one row and one column to fit, got "
                    + train.numRows + "×" + train.numCols);
        }
        int size = train.numRows * train.numCols;
        for (int i = 0; i < size; i++) {
            if (!Double.isFinite(train.data[i])) {
                throw new IllegalArgumentException(scalerName + " scaler cannot fit: row " + i / train.numCols
                        + ", column " + i % train.numCols + " is " + train.data[i]);
            }
        }
    }
}
