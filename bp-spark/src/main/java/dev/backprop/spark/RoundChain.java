package dev.backprop.spark;

import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import org.apache.spark.api.java.JavaRDD;
import org.apache.spark.api.java.JavaSparkContext;
import org.apache.spark.api.java.function.Function;
import org.apache.spark.broadcast.Broadcast;
import org.apache.spark.storage.StorageLevel;

/**
 * The parameter-averaging rounds of one epoch as a chain of cached RDDs, so that each partition's optimizer state
 * stays on its executor from round to round: round r is the shards zipped with round r − 1's cached results
 * ({@link AveragingTask}), and only the weights (and, after the epoch's last round, the states) reach the driver.
 *
 * <p>A round's results stay cached until the next round has been computed from them. When a cached result is
 * lost with its executor, Spark recomputes it from its lineage — the shards, the epoch's first round start and
 * every round's weights, all kept until {@link #close()} — and gets the same bits, so a lost executor changes
 * nothing in the trained weights; it costs the lost partition's rounds since the start of the epoch. The round
 * starts travel as broadcasts, so that a task, which carries its RDD's lineage, stays small however long the
 * chain.
 */
final class RoundChain implements AutoCloseable {

    private final JavaSparkContext context;
    private final JavaRDD<Shard> shards;
    private final Broadcast<TrainingSetup> setup;
    private final Broadcast<EpochPlan> plan;
    private final List<Payload<RoundStart>> starts = new ArrayList<>();
    private JavaRDD<PartitionRound> previous;

    RoundChain(
            JavaSparkContext context,
            JavaRDD<Shard> shards,
            Broadcast<TrainingSetup> setup,
            Broadcast<EpochPlan> plan) {
        this.context = context;
        this.shards = shards;
        this.setup = setup;
        this.plan = plan;
    }

    /**
     * Runs the next round on the calling thread and returns every partition's report, in partition order.
     *
     * @param withState whether the reports carry the partitions' optimizer states (the epoch's last round)
     */
    List<PartitionRound> next(RoundStart round, boolean withState) {
        Payload<RoundStart> start = Payload.broadcast(context, round);
        starts.add(start);
        AveragingTask task = new AveragingTask(setup, plan, start);
        JavaRDD<PartitionRound> current =
                previous == null ? shards.mapPartitions(task, true) : shards.zipPartitions(previous, task);
        current.persist(StorageLevel.MEMORY_AND_DISK());
        List<PartitionRound> reports =
                new ArrayList<>(current.map(new Report(withState)).collect());
        if (previous != null) {
            previous.unpersist(false);
        }
        previous = current;
        reports.sort(Comparator.comparingInt(PartitionRound::partition));
        return reports;
    }

    /** Drops the last round's cached results and the round starts' broadcasts. */
    @Override
    public void close() {
        if (previous != null) {
            previous.unpersist(false);
            previous = null;
        }
        for (Payload<RoundStart> start : starts) {
            start.release();
        }
        starts.clear();
    }

    /** A partition's report to the driver. */
    private static final class Report implements Function<PartitionRound, PartitionRound> {
        private static final long serialVersionUID = 1L;
        private final boolean withState;

        Report(boolean withState) {
            this.withState = withState;
        }

        @Override
        public PartitionRound call(PartitionRound round) {
            return round.report(withState);
        }
    }
}
