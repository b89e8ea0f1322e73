package dev.backprop.spark;

import java.util.ArrayList;
import java.util.Iterator;
import java.util.List;
import org.apache.spark.api.java.function.FlatMapFunction;
import org.apache.spark.broadcast.Broadcast;

/** The task of a synchronous step: each partition's loss and gradient on its share of one global batch. */
final class GradientTask implements FlatMapFunction<Iterator<Shard>, ShardGradient> {

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
    public Iterator<ShardGradient> call(Iterator<Shard> shards) {
        List<ShardGradient> results = new ArrayList<>(1);
        ExecutorCache cache = setup.value().cache();
        while (shards.hasNext()) {
            Shard shard = shards.next();
            Worker worker = cache.borrow();
            try {
                ShardGradient g = worker.gradient(shard, plan.value(), batch, weights.value(), step);
                if (g != null) {
                    results.add(g);
                }
            } finally {
                cache.giveBack(worker);
            }
        }
        return results.iterator();
    }
}
