package dev.backprop.spark;

import java.util.ArrayList;
import java.util.Iterator;
import java.util.List;
import org.apache.spark.api.java.function.FlatMapFunction;
import org.apache.spark.api.java.function.FlatMapFunction2;
import org.apache.spark.broadcast.Broadcast;

/**
 * The task of a parameter-averaging round: each partition's local steps from the broadcast weights, with the
 * optimizer state the round start carries (the first round of an epoch) or the partition's own state from the
 * previous round, read from that round's cached result.
 */
final class AveragingTask
        implements FlatMapFunction<Iterator<Shard>, PartitionRound>,
                FlatMapFunction2<Iterator<Shard>, Iterator<PartitionRound>, PartitionRound> {

    private static final long serialVersionUID = 1L;

    private final Broadcast<TrainingSetup> setup;
    private final Broadcast<EpochPlan> plan;
    private final Payload<RoundStart> start;

    AveragingTask(Broadcast<TrainingSetup> setup, Broadcast<EpochPlan> plan, Payload<RoundStart> start) {
        this.setup = setup;
        this.plan = plan;
        this.start = start;
    }

    /** The epoch's first round: every partition starts from the round start's optimizer state. */
    @Override
    public Iterator<PartitionRound> call(Iterator<Shard> shards) {
        List<PartitionRound> results = new ArrayList<>(1);
        RoundStart round = start.value();
        while (shards.hasNext()) {
            results.add(train(shards.next(), round.optimizer(), 0));
        }
        return results.iterator();
    }

    /** A later round: every partition continues from its own state after the previous round. */
    @Override
    public Iterator<PartitionRound> call(Iterator<Shard> shards, Iterator<PartitionRound> previous) {
        List<PartitionRound> results = new ArrayList<>(1);
        while (shards.hasNext()) {
            Shard shard = shards.next();
            if (!previous.hasNext()) {
                throw new IllegalStateException(
                        "Partition " + shard.partition() + " has no state from the previous averaging round");
            }
            PartitionRound before = previous.next();
            results.add(train(shard, before.optimizer(), before.epochRows()));
        }
        return results.iterator();
    }

    private PartitionRound train(Shard shard, OptimizerState state, long trainedRows) {
        RoundStart round = start.value();
        ExecutorCache cache = setup.value().cache();
        Worker worker = cache.borrow(TaskCores.current());
        try {
            return worker.localSteps(
                    shard,
                    plan.value(),
                    round.firstBatch(),
                    round.rates(),
                    round.weights(),
                    state,
                    round.firstStep(),
                    trainedRows);
        } finally {
            cache.giveBack(worker);
        }
    }
}
