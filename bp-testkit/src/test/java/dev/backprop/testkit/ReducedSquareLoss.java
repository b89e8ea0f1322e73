package dev.backprop.testkit;

import dev.backprop.core.spi.BatchReduction;
import dev.backprop.core.spi.Config;
import dev.backprop.core.spi.Loss;
import org.ejml.data.DMatrixRMaj;

/**
 * A squared error for the kit's tests of batch reductions, {@code L = c Σ (y − t)²} with {@code c = 1/n} (a mean
 * over the n rows) or {@code c = 1} (a sum), gradient {@code 2 c (y − t)}, and whatever configuration and
 * {@link #batchReduction()} its provider gives it, right or wrong.
 */
final class ReducedSquareLoss implements Loss {

    private final String name;
    private final Config config;
    private final boolean sums;
    private final BatchReduction declared;

    /**
     * @param sums     whether the value is the sum over rows, else the mean
     * @param declared what {@link #batchReduction()} says
     */
    ReducedSquareLoss(String name, Config config, boolean sums, BatchReduction declared) {
        this.name = name;
        this.config = config;
        this.sums = sums;
        this.declared = declared;
    }

    @Override
    public String name() {
        return name;
    }

    @Override
    public Config config() {
        return config;
    }

    @Override
    public BatchReduction batchReduction() {
        return declared;
    }

    @Override
    public void validate(DMatrixRMaj output, DMatrixRMaj target) {
        if (output.numRows != target.numRows || output.numCols != target.numCols) {
            throw new IllegalArgumentException("targets are " + target.numRows + "x" + target.numCols
                    + " but outputs are " + output.numRows + "x" + output.numCols);
        }
    }

    @Override
    public double value(DMatrixRMaj output, DMatrixRMaj target) {
        double sum = 0;
        for (int i = 0; i < output.getNumElements(); i++) {
            double e = output.data[i] - target.data[i];
            sum += e * e;
        }
        return sums ? sum : sum / output.numRows;
    }

    @Override
    public void gradient(DMatrixRMaj output, DMatrixRMaj target, DMatrixRMaj grad) {
        double c = sums ? 1.0 : 1.0 / output.numRows;
        for (int i = 0; i < output.getNumElements(); i++) {
            grad.data[i] = 2 * c * (output.data[i] - target.data[i]);
        }
    }
}
