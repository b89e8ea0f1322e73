package dev.backprop.testkit;

import dev.backprop.core.spi.BatchReduction;
import dev.backprop.core.spi.Config;
import dev.backprop.core.spi.Loss;
import dev.backprop.core.spi.LossProvider;
import java.util.Set;

/**
 * A deliberately broken plug-in, registered for the kit's tests: the squared error summed over the batch,
 * {@code L = Σ (y − t)²}, whose {@link Loss#batchReduction()} keeps the default {@link BatchReduction#MEAN}.
 */
public final class UndeclaredSumLossProvider implements LossProvider {

    /** For ServiceLoader. */
    public UndeclaredSumLossProvider() {}

    @Override
    public String name() {
        return "test-undeclared-sum";
    }

    @Override
    public String description() {
        return "squared error summed over the batch but declared a mean, for testing the kit";
    }

    @Override
    public Loss create(Config config) {
        config.requireOnly("loss 'test-undeclared-sum'", Set.of());
        // the bug: a sum, declared MEAN
        return new ReducedSquareLoss(name(), Config.empty(), true, BatchReduction.MEAN);
    }
}
