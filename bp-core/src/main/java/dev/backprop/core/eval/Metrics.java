package dev.backprop.core.eval;

import org.ejml.data.DMatrixRMaj;

/**
 * The standard metrics. Classification: accuracy and top-k accuracy (the true class among the k largest
 * outputs; with a single output column, the output is the probability of class 1 and is read at 0.5). Regression, over all n·k entries: MSE = mean (y − t)², MAE = mean |y − t|, and R² = the mean over
 * output columns of 1 − Σ(y − t)² / Σ(t − t̄)² (scikit-learn's {@code r2_score} with
 * {@code multioutput='uniform_average'}; a constant target column scores 1 if predicted exactly, else 0).
 */
public final class Metrics {

    private Metrics() {}

    /** The share of rows whose argmax is the true class. */
    public static Metric accuracy() {
        return new Named("accuracy", true) {
            @Override
            public double compute(DMatrixRMaj outputs, DMatrixRMaj targets) {
                return topK(outputs, targets, 1);
            }
        };
    }

    /** The share of rows whose true class is among the k largest outputs. */
    public static Metric topKAccuracy(int k) {
        if (k < 1) {
            throw new IllegalArgumentException("top-k accuracy needs k >= 1, got " + k);
        }
        return new Named("top" + k + "-accuracy", true) {
            @Override
            public double compute(DMatrixRMaj outputs, DMatrixRMaj targets) {
                return topK(outputs, targets, k);
            }
        };
    }

    /** Mean squared error over all entries. */
    public static Metric mse() {
        return new Named("mse", false) {
            @Override
            public double compute(DMatrixRMaj y, DMatrixRMaj t) {
                sameShape(y, t);
                double sum = 0;
                for (int i = 0; i < y.getNumElements(); i++) {
                    double d = y.data[i] - t.data[i];
                    sum += d * d;
                }
                return sum / y.getNumElements();
            }
        };
    }

    /** Mean absolute error over all entries. */
    public static Metric mae() {
        return new Named("mae", false) {
            @Override
            public double compute(DMatrixRMaj y, DMatrixRMaj t) {
                sameShape(y, t);
                double sum = 0;
                for (int i = 0; i < y.getNumElements(); i++) {
                    sum += Math.abs(y.data[i] - t.data[i]);
                }
                return sum / y.getNumElements();
            }
        };
    }

    /** The coefficient of determination, averaged over output columns. */
    public static Metric r2() {
        return new Named("r2", true) {
            @Override
            public double compute(DMatrixRMaj y, DMatrixRMaj t) {
                sameShape(y, t);
                int n = t.numRows;
                int k = t.numCols;
                double total = 0;
                for (int c = 0; c < k; c++) {
                    double mean = 0;
                    for (int r = 0; r < n; r++) {
                        mean += t.get(r, c);
                    }
                    mean /= n;
                    double residual = 0;
                    double spread = 0;
                    for (int r = 0; r < n; r++) {
                        double d = y.get(r, c) - t.get(r, c);
                        double s = t.get(r, c) - mean;
                        residual += d * d;
                        spread += s * s;
                    }
                    total += spread == 0 ? (residual == 0 ? 1 : 0) : 1 - residual / spread;
                }
                return total / k;
            }
        };
    }

    /** The confusion matrix of outputs against targets for k classes. */
    public static ConfusionMatrix confusion(DMatrixRMaj outputs, DMatrixRMaj targets, int classes) {
        return ConfusionMatrix.of(classes, Classes.actual(targets), Classes.predicted(outputs));
    }

    private static double topK(DMatrixRMaj outputs, DMatrixRMaj targets, int k) {
        if (outputs.numRows != targets.numRows) {
            throw new IllegalArgumentException(
                    "Outputs have " + outputs.numRows + " rows but targets have " + targets.numRows);
        }
        int hits = 0;
        for (int r = 0; r < outputs.numRows; r++) {
            int trueClass = Classes.trueClass(targets, r);
            if (outputs.numCols == 1) {
                // one output: the probability of class 1, read at the 0.5 threshold
                if (trueClass > 1) {
                    throw new IllegalArgumentException("Target row " + r + " has class " + trueClass
                            + " but a single output distinguishes only classes 0 and 1");
                }
                hits += Classes.predictedClass(outputs, r) == trueClass || k > 1 ? 1 : 0;
                continue;
            }
            if (trueClass >= outputs.numCols) {
                throw new IllegalArgumentException("Target row " + r + " has class " + trueClass + " but outputs have "
                        + outputs.numCols + " columns");
            }
            if (Classes.inTopK(outputs, r, trueClass, k)) {
                hits++;
            }
        }
        return outputs.numRows == 0 ? 0 : (double) hits / outputs.numRows;
    }

    private static void sameShape(DMatrixRMaj y, DMatrixRMaj t) {
        if (y.numRows != t.numRows || y.numCols != t.numCols) {
            throw new IllegalArgumentException(
                    "Outputs are " + y.numRows + "x" + y.numCols + " but targets are " + t.numRows + "x" + t.numCols);
        }
    }

    private abstract static class Named implements Metric {
        private final String name;
        private final boolean higherIsBetter;

        Named(String name, boolean higherIsBetter) {
            this.name = name;
            this.higherIsBetter = higherIsBetter;
        }

        @Override
        public String name() {
            return name;
        }

        @Override
        public boolean higherIsBetter() {
            return higherIsBetter;
        }

        @Override
        public String toString() {
            return name;
        }
    }
}
