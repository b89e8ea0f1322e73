package dev.backprop.testkit;

import dev.backprop.core.spi.BatchReduction;
import dev.backprop.core.spi.Config;
import dev.backprop.core.spi.Loss;
import dev.backprop.core.spi.LossProvider;
import java.util.Locale;
import java.util.Set;

/**
 * A deliberately broken plug-in, registered for the kit's tests: a squared error with a parameter
 * {@code reduction} ({@code mean} by default, or {@code sum}) that it accepts, reports and declares through
 * {@link Loss#batchReduction()}, but whose value is always the mean over the batch.
 */
public final class MeanOnlyLossProvider implements LossProvider {

    /** For ServiceLoader. */
    public MeanOnlyLossProvider() {}

    @Override
    public String name() {
        return "test-mean-only";
    }

    @Override
    public String description() {
        return "squared error that averages even with reduction=sum, for testing the kit";
    }

    @Override
    public Loss create(Config config) {
        config.requireOnly("loss 'test-mean-only'", Set.of("reduction"));
        String reduction = config.getString("reduction", "mean").strip().toLowerCase(Locale.ROOT);
        if (!reduction.equals("mean") && !reduction.equals("sum")) {
            throw new IllegalArgumentException("test-mean-only reduction must be mean or sum, got '" + reduction + "'");
        }
        BatchReduction declared = reduction.equals("sum") ? BatchReduction.SUM : BatchReduction.MEAN;
        // the bug: sums = false whatever the reduction
        return new ReducedSquareLoss(name(), Config.of("reduction", reduction), false, declared);
    }
}
