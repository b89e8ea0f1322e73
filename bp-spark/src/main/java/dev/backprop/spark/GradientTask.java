package dev.backprop.spark;

import java.util.ArrayList;
import java.util.Iterator;
import java.util.List;
import org.apache.spark.api.java.function.FlatMapFunction;
import org.apache.spark.broadcast.Broadcast;

/**
 * The task of a synchronous step: each partition's loss and gradient on its share of one global batch, weighted
 * with {@code w_s} ({@link Reduction#shardWeight}) as a leaf of the {@link GradientTree}.
 */
final class GradientTask implements FlatMapFunction<Iterator<Shard>, PartialSum> {

    private static final long serialVersionUID = 1L;

    private final Broadcast<TrainingSetup> setup;
    private final Broadcast<EpochPlan> plan;
    private final Payload<double[]> weights;
    private final int batch;
    private final long step;

    GradientTask(
            Broadcast<TrainingSetup> setup,
            Broadcast<EpochPlan> plan,
            Payload<double[]> weights,
            int batch,
            long step) {
        this.setup = setup;
        this.plan = plan;
        this.weights = weights;
        this.batch = batch;
        this.step = step;
    }

    @Override
    public Iterator<PartialSum> call(Iterator<Shard> shards) {
        List<PartialSum> results = new ArrayList<>(1);
        TrainingSetup s = setup.value();
        ExecutorCache cache = s.cache();
        EpochPlan epoch = plan.value();
        while (shards.hasNext()) {
            Shard shard = shards.next();
            Worker worker = cache.borrow(TaskCores.current());
            try {
                ShardGradient g = worker.gradient(shard, epoch, batch, weights.value(), step);
                if (g != null) {
                    // w_s = m_s / B (mean-reduced loss) or 1 (summed loss)
                    double w = s.reduction().shardWeight(g.rows(), epoch.batchRows(batch));
                    results.add(PartialSum.leaf(g, w));
                }
            } finally {
                cache.giveBack(worker);
            }
        }
        return results.iterator();
    }
}
