package dev.backprop.spark;

import dev.backprop.core.data.Dataset;
import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import org.ejml.data.DMatrixRMaj;

/**
 * Conversions between bp's in-memory data sets and the {@link Sample}s an RDD holds. Data that starts on a
 * cluster is read straight into samples (for example {@code sc.textFile(path).map(line -> parse(line))}); these
 * conversions serve data that starts in the driver, and tests.
 */
public final class Samples {

    private Samples() {}

    /**
     * The samples of a data set, in its row order, each with its own copies of the row's values; give them to
     * {@code JavaSparkContext.parallelize(list, partitions)}.
     *
     * @param data the data set. Not modified.
     * @return a new unmodifiable list, sample i being row i
     */
    public static List<Sample> of(Dataset data) {
        int n = data.size();
        int[] order = new int[n];
        for (int i = 0; i < n; i++) {
            order[i] = i;
        }
        DMatrixRMaj features = new DMatrixRMaj(1, 1);
        DMatrixRMaj targets = new DMatrixRMaj(1, 1);
        data.copyRows(order, 0, n, features, targets);
        int f = data.featureCount();
        int t = data.targetCount();
        List<Sample> samples = new ArrayList<>(n);
        for (int r = 0; r < n; r++) {
            double[] x = new double[f];
            double[] y = new double[t];
            System.arraycopy(features.data, r * f, x, 0, f);
            System.arraycopy(targets.data, r * t, y, 0, t);
            samples.add(new Sample(x, y));
        }
        return Collections.unmodifiableList(samples);
    }
}
