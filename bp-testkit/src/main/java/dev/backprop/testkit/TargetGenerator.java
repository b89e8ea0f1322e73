package dev.backprop.testkit;

import dev.backprop.core.random.Rng;
import org.ejml.data.DMatrixRMaj;

/**
 * Makes targets T for a batch of outputs Y, so that the kit can exercise a loss. The factories cover the
 * usual kinds of targets; a loss with other needs implements this interface.
 */
@FunctionalInterface
public interface TargetGenerator {

    /**
     * Targets for the outputs.
     *
     * @param outputs the outputs Y, n × k. Not modified.
     * @param rng     the source of randomness
     * @return a new matrix of targets, n rows
     */
    DMatrixRMaj targets(DMatrixRMaj outputs, Rng rng);

    /** Real targets U(−2, 2) shaped like Y, for regression losses. */
    static TargetGenerator real() {
        return (y, rng) -> {
            DMatrixRMaj t = new DMatrixRMaj(y.numRows, y.numCols);
            Matrices.uniform(t, -2, 2, rng);
            return t;
        };
    }

    /** Soft binary targets U(0, 1) shaped like Y. */
    static TargetGenerator probabilities() {
        return (y, rng) -> {
            DMatrixRMaj t = new DMatrixRMaj(y.numRows, y.numCols);
            Matrices.uniform(t, 0, 1, rng);
            return t;
        };
    }

    /** Hard binary targets, 0 or 1, shaped like Y. */
    static TargetGenerator binary() {
        return (y, rng) -> {
            DMatrixRMaj t = new DMatrixRMaj(y.numRows, y.numCols);
            for (int i = 0; i < t.getNumElements(); i++) {
                t.data[i] = rng.nextDouble() < 0.5 ? 0.0 : 1.0;
            }
            return t;
        };
    }

    /** Labels −1 or +1 shaped like Y, for margin losses such as hinge. */
    static TargetGenerator signs() {
        return (y, rng) -> {
            DMatrixRMaj t = new DMatrixRMaj(y.numRows, y.numCols);
            for (int i = 0; i < t.getNumElements(); i++) {
                t.data[i] = rng.nextDouble() < 0.5 ? -1.0 : 1.0;
            }
            return t;
        };
    }

    /** One-hot rows shaped like Y: a single 1 per row, at a random class. */
    static TargetGenerator oneHot() {
        return (y, rng) -> {
            DMatrixRMaj t = new DMatrixRMaj(y.numRows, y.numCols);
            for (int r = 0; r < t.numRows; r++) {
                t.set(r, rng.nextInt(t.numCols), 1.0);
            }
            return t;
        };
    }

    /**
     * Rows of probabilities summing to 1 shaped like Y, about a quarter of their entries exactly 0 (so that
     * {@code 0 · log 0 = 0} is exercised).
     */
    static TargetGenerator probabilityRows() {
        return (y, rng) -> {
            int k = y.numCols;
            DMatrixRMaj t = new DMatrixRMaj(y.numRows, k);
            for (int r = 0; r < t.numRows; r++) {
                double sum = 0;
                for (int c = 0; c < k; c++) {
                    double v = rng.nextDouble() < 0.25 ? 0.0 : rng.nextDouble(0.1, 1.0);
                    t.set(r, c, v);
                    sum += v;
                }
                if (sum == 0) {
                    t.set(r, rng.nextInt(k), 1.0);
                    sum = 1;
                }
                for (int c = 0; c < k; c++) {
                    t.set(r, c, t.get(r, c) / sum);
                }
            }
            return t;
        };
    }

    /** Class indices: an n × 1 column of integers in [0, k). */
    static TargetGenerator classIndices() {
        return (y, rng) -> {
            DMatrixRMaj t = new DMatrixRMaj(y.numRows, 1);
            for (int r = 0; r < t.numRows; r++) {
                t.data[r] = rng.nextInt(y.numCols);
            }
            return t;
        };
    }
}
