package dev.backprop.core.train;

import dev.backprop.core.spi.BatchReduction;
import dev.backprop.core.spi.Loss;
import dev.backprop.core.spi.Optimizer;
import dev.backprop.core.spi.Parameter;
import dev.backprop.core.spi.Schedule;
import java.util.List;

/**
 * The trainer's steps: one step per batch of a {@link GradientSource}, then one optimizer step at the schedule's
 * rate. The epoch's training loss is the batch values' mean weighted by batch size for a mean-reduced loss, their
 * sum for a sum-reduced one.
 */
final class GradientSteps implements EpochSteps {

    private final GradientSource source;
    private final Loss loss;
    private final Optimizer optimizer;
    private final Schedule schedule;
    private final List<Parameter> params;
    private final boolean summed;
    private boolean stepped;
    private double rate;
    private double value;
    private double lossSum;
    private long samples;

    GradientSteps(GradientSource source, Loss loss, Optimizer optimizer, Schedule schedule, List<Parameter> params) {
        this.source = source;
        this.loss = loss;
        this.optimizer = optimizer;
        this.schedule = schedule;
        this.params = params;
        this.summed = loss.batchReduction() == BatchReduction.SUM;
    }

    @Override
    public int beginEpoch(int epoch) {
        lossSum = 0;
        samples = 0;
        return source.beginEpoch(epoch);
    }

    @Override
    public double compute(int epoch, int index, TrainingContext context) {
        value = source.computeGradients(context.network(), loss, index, context.step());
        return value;
    }

    @Override
    public void complete(int epoch, int index, TrainingContext context) {
        int batchSize = source.lastBatchSize();
        rate = schedule == null
                ? optimizer.learningRate()
                : schedule.rate(optimizer.learningRate(), context.step(), epoch);
        stepped = true;
        optimizer.step(params, rate);
        context.advance();
        lossSum += summed ? value : value * batchSize;
        samples += batchSize;
    }

    @Override
    public double trainLoss() {
        // a mean-reduced loss: the size-weighted mean of the batch values; a sum-reduced one: their sum
        return summed ? lossSum : samples == 0 ? Double.NaN : lossSum / samples;
    }

    @Override
    public double learningRate() {
        return stepped ? rate : optimizer.learningRate();
    }
}
