package dev.backprop.data.scaling;

import java.util.Map;
import org.ejml.data.DMatrixRMaj;

/**
 * Min–max scaling to [0, 1]: {@code x' = (x − min_j) / (max_j − min_j)} per column j, with the minimum and maximum
 * of the training data. Other data may fall outside [0, 1]; it is not clipped.
 *
 * <p>A constant column (max = min) is divided by 1 instead of 0: it becomes 0 on the training data and
 * {@code x − min} elsewhere.
 *
 * <p>State arrays: {@code "min"} and {@code "scale"} (max − min, or 1 for constant columns).
 */
public final class MinMaxScaler extends AffineColumnScaler {

    /** The name under which {@link FeatureScalers#fromState} restores this scaler. */
    public static final String NAME = "minmax";

    /** The state key of the minimum array. */
    public static final String MIN = "min";

    private MinMaxScaler(double[] min, double[] scale) {
        super(MIN, min, scale);
    }

    /**
     * Fits the scaler on training data.
     *
     * @param train n × f, n ≥ 1, every value finite. Not modified.
     * @throws IllegalArgumentException when the matrix is empty or holds a non-finite value (naming where)
     */
    public static MinMaxScaler fit(DMatrixRMaj train) {
        requireFittable(NAME, train);
        int n = train.numRows;
        int f = train.numCols;
        double[] min = new double[f];
        double[] max = new double[f];
        System.arraycopy(train.data, 0, min, 0, f);
        System.arraycopy(train.data, 0, max, 0, f);
        for (int i = 1; i < n; i++) {
            for (int j = 0; j < f; j++) {
                double x = train.data[i * f + j];
                min[j] = Math.min(min[j], x);
                max[j] = Math.max(max[j], x);
            }
        }
        double[] scale = new double[f];
        for (int j = 0; j < f; j++) {
            // scale_j = max_j − min_j, or 1 for a constant column
            double range = max[j] - min[j];
            scale[j] = range > 0 && Double.isFinite(range) ? range : 1.0;
        }
        return new MinMaxScaler(min, scale);
    }

    /**
     * Restores a scaler from {@link #state()}.
     *
     * @param state exactly the arrays {@code "min"} and {@code "scale"}, equal length, scales positive. Not
     *              modified.
     * @throws IllegalArgumentException naming the key and the value that is missing or invalid
     */
    public static MinMaxScaler fromState(Map<String, double[]> state) {
        double[][] arrays = readState(NAME, MIN, state);
        return new MinMaxScaler(arrays[0], arrays[1]);
    }

    @Override
    public String name() {
        return NAME;
    }

    /** The fitted minimum of each column (a copy). */
    public double[] min() {
        return offsets();
    }

    /** The divisor of each column: max − min, or 1 for a constant column (a copy). */
    public double[] scale() {
        return scales();
    }
}
