package dev.backprop.testkit;

import dev.backprop.core.random.Rng;
import java.util.Objects;
import java.util.function.BiConsumer;
import java.util.function.IntFunction;
import org.ejml.data.DMatrixRMaj;

/**
 * The network outputs Y a loss accepts: where the kit samples points for the gradient check, and which
 * extreme outputs it must survive with finite values. Losses on raw scores take {@link #real()}, losses on
 * probabilities {@link #probabilities()} (each entry in [0, 1]) or {@link #probabilityRows()} (rows summing
 * to 1).
 */
public final class OutputDomain {

    private static final double[] EXTREME_REALS = {1000, -1000, 1e4, -1e4, 30, -30, 1e8, -1e8, 0, 710, -745};
    private static final double[] EXTREME_PROBABILITIES = {0, 1, 1e-300, Math.nextDown(1.0), 0.5, 1e-16};

    private final String name;
    private final BiConsumer<DMatrixRMaj, Rng> sampler;
    private final IntFunction<DMatrixRMaj> extremes;

    private OutputDomain(String name, BiConsumer<DMatrixRMaj, Rng> sampler, IntFunction<DMatrixRMaj> extremes) {
        this.name = Objects.requireNonNull(name, "name");
        this.sampler = Objects.requireNonNull(sampler, "sampler");
        this.extremes = Objects.requireNonNull(extremes, "extremes");
    }

    /**
     * A custom domain.
     *
     * @param name     for messages
     * @param sampler  fills a matrix, already shaped n × k, with outputs where the loss is smooth
     * @param extremes gives outputs with k columns at the edges of the domain
     */
    public static OutputDomain of(
            String name, BiConsumer<DMatrixRMaj, Rng> sampler, IntFunction<DMatrixRMaj> extremes) {
        return new OutputDomain(name, sampler, extremes);
    }

    /** Any real numbers (logits, regression outputs): samples U(−3, 3); extremes up to ±1e8. */
    public static OutputDomain real() {
        return new OutputDomain("real", (y, rng) -> Matrices.uniform(y, -3, 3, rng), k -> cyclic(EXTREME_REALS, 4, k));
    }

    /**
     * Probabilities entry by entry, as a sigmoid gives: samples U(0.05, 0.95); extremes 0, 1 and values within
     * one rounding of them.
     */
    public static OutputDomain probabilities() {
        return new OutputDomain(
                "probabilities",
                (y, rng) -> Matrices.uniform(y, 0.05, 0.95, rng),
                k -> cyclic(EXTREME_PROBABILITIES, 3, k));
    }

    /**
     * Rows of probabilities summing to 1, as a softmax gives: samples the softmax of U(−2, 2) rows; extremes
     * one-hot rows and rows with entries of 1e-300.
     */
    public static OutputDomain probabilityRows() {
        return new OutputDomain("probability rows", OutputDomain::sampleRows, OutputDomain::extremeRows);
    }

    /** Fills {@code y}, already shaped n × k, with outputs in this domain. */
    public void sample(DMatrixRMaj y, Rng rng) {
        sampler.accept(y, rng);
    }

    /** Outputs with k columns at the edges of this domain. */
    public DMatrixRMaj extremes(int k) {
        return extremes.apply(k);
    }

    /** The domain's name. */
    @Override
    public String toString() {
        return name;
    }

    private static DMatrixRMaj cyclic(double[] values, int rows, int k) {
        DMatrixRMaj m = new DMatrixRMaj(rows, k);
        for (int i = 0; i < m.getNumElements(); i++) {
            // step by a number coprime to the length, so rows differ
            m.data[i] = values[(i * 5 + i / k) % values.length];
        }
        return m;
    }

    private static void sampleRows(DMatrixRMaj y, Rng rng) {
        int k = y.numCols;
        for (int r = 0; r < y.numRows; r++) {
            double sum = 0;
            for (int c = 0; c < k; c++) {
                double e = Math.exp(rng.nextDouble(-2, 2));
                y.data[r * k + c] = e;
                sum += e;
            }
            for (int c = 0; c < k; c++) {
                y.data[r * k + c] /= sum;
            }
        }
    }

    private static DMatrixRMaj extremeRows(int k) {
        DMatrixRMaj m = new DMatrixRMaj(4, k);
        // a one-hot row at the first class, one at the last
        m.set(0, 0, 1.0);
        m.set(1, k - 1, 1.0);
        // a row of 1e-300 entries but for the first
        for (int c = 1; c < k; c++) {
            m.set(2, c, 1e-300);
        }
        m.set(2, 0, 1.0);
        // the uniform row
        for (int c = 0; c < k; c++) {
            m.set(3, c, 1.0 / k);
        }
        return m;
    }
}
