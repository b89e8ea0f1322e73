package dev.backprop.spark;

import java.util.ArrayList;
import java.util.Iterator;
import java.util.List;
import org.apache.spark.api.java.function.FlatMapFunction;
import org.apache.spark.broadcast.Broadcast;

/** The task of a parameter-averaging round: each partition's local steps from the broadcast weights. */
final class AveragingTask implements FlatMapFunction<Iterator<Shard>, ShardUpdate> {

    private static final long serialVersionUID = 1L;

    private final Broadcast<TrainingSetup> setup;
    private final Broadcast<EpochPlan> plan;
    private final Payload<RoundStart> start;

    AveragingTask(Broadcast<TrainingSetup> setup, Broadcast<EpochPlan> plan, Payload<RoundStart> start) {
        this.setup = setup;
        this.plan = plan;
        this.start = start;
    }

    @Override
    public Iterator<ShardUpdate> call(Iterator<Shard> shards) {
        List<ShardUpdate> results = new ArrayList<>(1);
        ExecutorCache cache = setup.value().cache();
        RoundStart round = start.value();
        while (shards.hasNext()) {
            Shard shard = shards.next();
            Worker worker = cache.borrow(TaskCores.current());
            try {
                ShardUpdate u = worker.localSteps(
                        shard,
                        plan.value(),
                        round.firstBatch(),
                        round.rates(),
                        round.weights(),
                        round.optimizer(),
                        round.firstStep());
                if (u != null) {
                    results.add(u);
                }
            } finally {
                cache.giveBack(worker);
            }
        }
        return results.iterator();
    }
}
