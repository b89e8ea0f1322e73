package dev.backprop.onnx;

import java.util.Arrays;
import java.util.Map;
import java.util.Objects;
import java.util.TreeSet;

/**
 * A column-wise affine scaling {@code x'_j = (x_j − offset_j) / scale_j}, the form of bp's standard (mean, scale)
 * and min–max (min, scale) scalers. In front of a network it is written as {@code Sub} then {@code Div}; behind it,
 * undoing a target scaling, as {@code Mul} then {@code Add} ({@code y_j = y'_j · scale_j + offset_j}), the
 * operations bp's scalers perform.
 *
 * @param offset the value subtracted from each column
 * @param scale  the divisor of each column, positive and finite
 */
@SuppressWarnings("ArrayRecordComponent") // a scaler's columns, written into the graph; never compared with equals
public record AffineScaling(double[] offset, double[] scale) {

    /** The state key of the divisor in bp's scalers. */
    static final String SCALE = "scale";

    /**
     * Checks and copies the arrays.
     *
     * @throws IllegalArgumentException if the lengths differ or are 0, an offset is not finite or a scale is not
     *                                  positive and finite (naming the column and value)
     */
    public AffineScaling {
        offset = offset.clone();
        scale = scale.clone();
        if (offset.length == 0 || offset.length != scale.length) {
            throw new IllegalArgumentException("An affine scaling needs offset and scale of one non-zero length, got "
                    + offset.length + " and " + scale.length);
        }
        for (int j = 0; j < offset.length; j++) {
            if (!Double.isFinite(offset[j])) {
                throw new IllegalArgumentException("Scaling offset[" + j + "] is " + offset[j] + ", not finite");
            }
            if (!(scale[j] > 0) || !Double.isFinite(scale[j])) {
                throw new IllegalArgumentException(
                        "Scaling scale[" + j + "] is " + scale[j] + "; a scale must be positive and finite");
            }
        }
    }

    /**
     * The scaling a bp scaler's saved state describes: the array {@code scale} and exactly one other array, the
     * offset ({@code mean} of the standard scaler, {@code min} of the min–max scaler).
     *
     * @param scalerName the scaler's name, for messages
     * @param state      its state, as {@code FeatureScaler.state()} gives it. Not modified.
     * @throws IllegalArgumentException if the state is not of that form, naming the scaler and its arrays
     */
    public static AffineScaling fromState(String scalerName, Map<String, double[]> state) {
        TreeSet<String> keys = new TreeSet<>(state.keySet());
        if (keys.size() != 2 || !keys.remove(SCALE)) {
            throw new IllegalArgumentException("Scaler '" + scalerName + "' has the state arrays " + state.keySet()
                    + "; an affine scaler has 'scale' and one offset array (e.g. mean or min), so it cannot be"
                    + " exported");
        }
        return new AffineScaling(state.get(keys.first()), state.get(SCALE));
    }

    /** The number of columns. */
    public int columnCount() {
        return offset.length;
    }

    /** A copy of the offsets. */
    @Override
    public double[] offset() {
        return offset.clone();
    }

    /** A copy of the scales. */
    @Override
    public double[] scale() {
        return scale.clone();
    }

    @Override
    public boolean equals(Object o) {
        return o instanceof AffineScaling other
                && Arrays.equals(offset, other.offset)
                && Arrays.equals(scale, other.scale);
    }

    @Override
    public int hashCode() {
        return Objects.hash(Arrays.hashCode(offset), Arrays.hashCode(scale));
    }

    @Override
    public String toString() {
        return "AffineScaling[offset=" + Arrays.toString(offset) + ", scale=" + Arrays.toString(scale) + "]";
    }
}
