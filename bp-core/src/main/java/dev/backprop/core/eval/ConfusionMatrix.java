package dev.backprop.core.eval;

import java.util.Locale;

/**
 * Counts of (true class, predicted class) pairs for k classes, with the metrics derived from them. Row = true
 * class, column = predicted class.
 *
 * <p>For class c with TP = count(c, c), FP = column sum − TP, FN = row sum − TP: precision = TP / (TP + FP),
 * recall = TP / (TP + FN), F1 = 2·P·R / (P + R); a ratio whose denominator is 0 is defined as 0 (scikit-learn's
 * {@code zero_division=0}). Macro averages are the unweighted means over classes; micro averages pool the counts
 * of all classes, which for single-label classification all equal the accuracy.
 */
public final class ConfusionMatrix {

    private final long[][] counts;
    private final int classes;

    /** An empty matrix for k classes. */
    public ConfusionMatrix(int classes) {
        if (classes < 1) {
            throw new IllegalArgumentException("A confusion matrix needs at least one class, got " + classes);
        }
        this.classes = classes;
        this.counts = new long[classes][classes];
    }

    /** A matrix of the given true and predicted classes. */
    public static ConfusionMatrix of(int classes, int[] actual, int[] predicted) {
        if (actual.length != predicted.length) {
            throw new IllegalArgumentException(
                    actual.length + " true classes but " + predicted.length + " predictions");
        }
        ConfusionMatrix m = new ConfusionMatrix(classes);
        for (int i = 0; i < actual.length; i++) {
            m.add(actual[i], predicted[i]);
        }
        return m;
    }

    /**
     * Counts one sample.
     *
     * @throws IllegalArgumentException naming the class when one is outside [0, k)
     */
    public void add(int actual, int predicted) {
        if (actual < 0 || actual >= classes || predicted < 0 || predicted >= classes) {
            throw new IllegalArgumentException(
                    "Class out of range [0, " + classes + "): true " + actual + ", predicted " + predicted);
        }
        counts[actual][predicted]++;
    }

    /** The number of classes. */
    public int classCount() {
        return classes;
    }

    /** Samples of true class {@code actual} predicted as {@code predicted}. */
    public long count(int actual, int predicted) {
        return counts[actual][predicted];
    }

    /** All samples counted. */
    public long total() {
        long n = 0;
        for (long[] row : counts) {
            for (long v : row) {
                n += v;
            }
        }
        return n;
    }

    /** The share of samples predicted correctly; 0 for an empty matrix. */
    public double accuracy() {
        long correct = 0;
        for (int c = 0; c < classes; c++) {
            correct += counts[c][c];
        }
        return ratio(correct, total());
    }

    /** TP / (TP + FP) for class c. */
    public double precision(int c) {
        long predicted = 0;
        for (int a = 0; a < classes; a++) {
            predicted += counts[a][c];
        }
        return ratio(counts[c][c], predicted);
    }

    /** TP / (TP + FN) for class c. */
    public double recall(int c) {
        long actual = 0;
        for (int p = 0; p < classes; p++) {
            actual += counts[c][p];
        }
        return ratio(counts[c][c], actual);
    }

    /** 2·P·R / (P + R) for class c. */
    public double f1(int c) {
        double p = precision(c);
        double r = recall(c);
        return p + r == 0 ? 0 : 2 * p * r / (p + r);
    }

    /** The unweighted mean of the per-class precisions. */
    public double macroPrecision() {
        double sum = 0;
        for (int c = 0; c < classes; c++) {
            sum += precision(c);
        }
        return sum / classes;
    }

    /** The unweighted mean of the per-class recalls. */
    public double macroRecall() {
        double sum = 0;
        for (int c = 0; c < classes; c++) {
            sum += recall(c);
        }
        return sum / classes;
    }

    /** The unweighted mean of the per-class F1 scores (scikit-learn's {@code f1_score(average='macro')}). */
    public double macroF1() {
        double sum = 0;
        for (int c = 0; c < classes; c++) {
            sum += f1(c);
        }
        return sum / classes;
    }

    /** Pooled TP / (TP + FP) over all classes; equals the accuracy for single-label data. */
    public double microPrecision() {
        return accuracy();
    }

    /** Pooled TP / (TP + FN) over all classes; equals the accuracy for single-label data. */
    public double microRecall() {
        return accuracy();
    }

    /** The F1 of the pooled precision and recall; equals the accuracy for single-label data. */
    public double microF1() {
        return accuracy();
    }

    private static double ratio(long numerator, long denominator) {
        return denominator == 0 ? 0 : (double) numerator / denominator;
    }

    /** The matrix as a table, true classes in rows. */
    @Override
    public String toString() {
        StringBuilder sb = new StringBuilder("true\\pred");
        for (int c = 0; c < classes; c++) {
            sb.append(String.format(Locale.ROOT, "%8d", c));
        }
        for (int a = 0; a < classes; a++) {
            sb.append(String.format(Locale.ROOT, "%n%9d", a));
            for (int p = 0; p < classes; p++) {
                sb.append(String.format(Locale.ROOT, "%8d", counts[a][p]));
            }
        }
        return sb.toString();
    }
}
