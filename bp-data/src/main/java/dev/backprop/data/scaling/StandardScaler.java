package dev.backprop.data.scaling;

import java.util.Map;
import org.ejml.data.DMatrixRMaj;

/**
 * Standardisation: {@code x' = (x − μ_j) / σ_j} per column j, with the mean {@code μ_j} and the population
 * standard deviation {@code σ_j = sqrt(Σ_i (x_ij − μ_j)² / n)} of the training data (as scikit-learn's
 * {@code StandardScaler}). On the training data every column then has mean 0 and variance 1.
 *
 * <p>A constant column (all training values equal) has σ = 0: it is divided by 1 instead, so it becomes 0 on the
 * training data and {@code x − μ} elsewhere, never NaN or infinite. The column is detected exactly (max = min), and
 * its mean is taken as that value, so rounding in the sum cannot leave a tiny non-zero σ.
 *
 * <p>State arrays: {@code "mean"} (μ) and {@code "scale"} (σ, or 1 for constant columns).
 */
public final class StandardScaler extends AffineColumnScaler {

    /** The name under which {@link FeatureScalers#fromState} restores this scaler. */
    public static final String NAME = "standard";

    /** The state key of the mean array. */
    public static final String MEAN = "mean";

    private StandardScaler(double[] mean, double[] scale) {
        super(MEAN, mean, scale);
    }

    /**
     * Fits the scaler on training data.
     *
     * @param train n × f, n ≥ 1, every value finite. Not modified.
     * @throws IllegalArgumentException when the matrix is empty or holds a non-finite value (naming where)
     */
    public static StandardScaler fit(DMatrixRMaj train) {
        requireFittable(NAME, train);
        int n = train.numRows;
        int f = train.numCols;
        double[] mean = new double[f];
        double[] scale = new double[f];
        double[] min = new double[f];
        double[] max = new double[f];
        System.arraycopy(train.data, 0, min, 0, f);
        System.arraycopy(train.data, 0, max, 0, f);
        for (int i = 0; i < n; i++) {
            for (int j = 0; j < f; j++) {
                double x = train.data[i * f + j];
                // μ_j accumulates Σ_i x_ij
                mean[j] += x;
                min[j] = Math.min(min[j], x);
                max[j] = Math.max(max[j], x);
            }
        }
        for (int j = 0; j < f; j++) {
            // μ_j = Σ_i x_ij / n (exactly the column's value when the column is constant)
            mean[j] = min[j] == max[j] ? min[j] : mean[j] / n;
        }
        double[] sumSquares = new double[f];
        for (int i = 0; i < n; i++) {
            for (int j = 0; j < f; j++) {
                double d = train.data[i * f + j] - mean[j];
                // Σ_i (x_ij − μ_j)², two-pass for accuracy
                sumSquares[j] += d * d;
            }
        }
        for (int j = 0; j < f; j++) {
            // σ_j = sqrt(Σ_i (x_ij − μ_j)² / n); a constant column divides by 1
            double sigma = Math.sqrt(sumSquares[j] / n);
            scale[j] = min[j] == max[j] || !(sigma > 0) ? 1.0 : sigma;
        }
        return new StandardScaler(mean, scale);
    }

    /**
     * Restores a scaler from {@link #state()}.
     *
     * @param state exactly the arrays {@code "mean"} and {@code "scale"}, equal length, scales positive. Not
     *              modified.
     * @throws IllegalArgumentException naming the key and the value that is missing or invalid
     */
    public static StandardScaler fromState(Map<String, double[]> state) {
        double[][] arrays = readState(NAME, MEAN, state);
        return new StandardScaler(arrays[0], arrays[1]);
    }

    @Override
    public String name() {
        return NAME;
    }

    /** The fitted mean of each column (a copy). */
    public double[] mean() {
        return offsets();
    }

    /** The divisor of each column: the standard deviation, or 1 for a constant column (a copy). */
    public double[] scale() {
        return scales();
    }
}
