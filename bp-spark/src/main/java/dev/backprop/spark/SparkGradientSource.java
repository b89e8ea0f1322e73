package dev.backprop.spark;

import dev.backprop.core.network.Network;
import dev.backprop.core.registry.Registries;
import dev.backprop.core.spi.Loss;
import dev.backprop.core.spi.Parameter;
import dev.backprop.core.train.GradientSource;
import java.util.List;
import java.util.Locale;
import java.util.Objects;
import org.apache.spark.api.java.JavaSparkContext;
import org.apache.spark.broadcast.Broadcast;

/**
 * Synchronous data-parallel training on Spark, as a {@link GradientSource} for the ordinary
 * {@link dev.backprop.core.train.Trainer}: the trainer keeps the optimizer, the schedule, the history, the
 * listeners, early stopping and the checkpoints; this source computes each global batch's gradient on the
 * cluster.
 *
 * <p>For global batch b the driver ships the current weights to the partitions (inside the job's tasks, or as a
 * broadcast of their own for large networks); every partition takes its samples of the batch
 * (in the order they have in the batch), computes their loss L_s and gradient g_s with the ordinary engine, and
 * returns them weighted,
 * <pre>
 *   L = Σ_s w_s L_s,   ∇L = Σ_s w_s g_s,   w_s = m_s / B for a mean-reduced loss, 1 for a summed one
 * </pre>
 * ({@link Reduction}); the sums are formed in a tree of fixed shape ({@link GradientTree}: up to
 * {@link Builder#reductionFanIn f} partitions, 8 by default, are added by the driver in partition order; more
 * are first added in groups of f on the executors), and the driver writes ∇L into the network's gradients. The trainer then steps the optimizer exactly
 * as for a local batch. The global batches are those of {@code ShuffledBatches} with the same settings over the
 * same samples ({@link BatchPlan}), so training follows the single-JVM run: the weights agree to rounding, about
 * 1e-15 relative per step, because the partitions' sums are added in another order than one batch's matrix
 * product adds them. With one partition the computation is the single-JVM one and the weights are bit-identical.
 * The fixed order of the additions (never Spark's {@code treeAggregate}, which adds in arrival order) makes every
 * run, and every run with retried tasks, bit-identical to the previous one.
 *
 * <p>Each task computes with exactly its {@code spark.task.cpus} cores ({@link ExecutorCache}).
 *
 * <p>Dropout masks are drawn per partition from the step and the partition number, so a network with dropout
 * trains correctly but with other masks than in one JVM.
 *
 * <p>Each global step is one Spark job. Close the source to release its broadcasts.
 */
public final class SparkGradientSource implements GradientSource, AutoCloseable {

    /** The default {@link Builder#reductionFanIn fan-in} of the reduction tree. */
    public static final int DEFAULT_FAN_IN = 8;

    private final ShardedSamples samples;
    private final JavaSparkContext context;
    private final BatchPlan batching;
    /** The reduction the user chose, or null to take the loss's own {@link Loss#batchReduction()}. */
    private final Reduction reduction;
    /** f: the driver receives at most this many partial gradients per step. */
    private final int fanIn;

    private Reduction activeReduction = Reduction.MEAN;
    private final Registries registries;

    private Broadcast<EpochPlan> plan;
    private Broadcast<TrainingSetup> setup;
    private SetupKey setupKey;
    private int batchSize;

    private SparkGradientSource(Builder b) {
        this.samples = b.samples;
        this.context = b.samples.context();
        this.batching = b.plan;
        this.reduction = b.reduction;
        this.registries = b.registries;
        this.fanIn = b.fanIn;
    }

    /** A builder for a source over sharded samples: batch size 32, seed 0, shuffled, mean-reduced loss. */
    public static Builder builder(ShardedSamples samples) {
        return new Builder(samples);
    }

    /** How the samples are cut into global batches. */
    public BatchPlan batching() {
        return batching;
    }

    /**
     * How the loss reduces a batch, which decides how the partitions' results are added: the builder's choice,
     * or else what the loss of the last step declared.
     */
    public Reduction reduction() {
        return reduction != null ? reduction : activeReduction;
    }

    /** Fixes the epoch's global batches and broadcasts them; returns their number. */
    @Override
    public int beginEpoch(int epoch) {
        EpochPlan next = batching.epoch(epoch, samples.size());
        destroy(plan);
        plan = context.broadcast(next);
        return next.batchCount();
    }

    /**
     * Computes global batch {@code index}'s loss and gradient on the cluster and writes the gradient into the
     * network's parameters.
     *
     * @throws IllegalStateException    before {@link #beginEpoch}, or when the partitions did not return the
     *                                  batch's samples
     * @throws IllegalArgumentException when the network does not fit the samples, or the loss or an activation
     *                                  cannot be created by name (executors create them from their registries)
     */
    @Override
    public double computeGradients(Network network, Loss loss, int index, long step) {
        if (plan == null) {
            throw new IllegalStateException("Call beginEpoch(epoch) before computeGradients");
        }
        EpochPlan epoch = plan.value();
        if (index < 0 || index >= epoch.batchCount()) {
            throw new IndexOutOfBoundsException(
                    "batch " + index + " is outside [0, " + epoch.batchCount() + ") of epoch " + epoch.epoch());
        }
        Broadcast<TrainingSetup> s = setupFor(network, loss);
        List<Parameter> parameters = network.parameters();
        double[] values = ParameterVector.values(parameters);
        Payload<double[]> weights = Payload.of(context, values, 8L * values.length);
        List<PartialSum> top;
        try {
            GradientTask task = new GradientTask(s, plan, weights, index, step);
            String description = String.format(
                    Locale.ROOT, "bp: gradient of epoch %d, batch %d (step %d)", epoch.epoch() + 1, index + 1, step);
            top = SparkJobs.run(
                    context,
                    description,
                    epoch.epoch(),
                    step,
                    () -> GradientTree.top(samples.shards(), task, samples.partitionCount(), fanIn));
        } finally {
            weights.release();
        }
        batchSize = epoch.batchRows(index);
        if (top.isEmpty()) {
            throw mismatch(batchSize, 0, epoch, index);
        }
        // ∇L = Σ_s w_s g_s and L = Σ_s w_s L_s, the top nodes added in order
        PartialSum sum = GradientTree.add(0, top);
        if (sum.rows() != batchSize) {
            throw mismatch(batchSize, sum.rows(), epoch, index);
        }
        ParameterVector.setGradients(parameters, sum.gradient());
        return sum.loss();
    }

    private static IllegalStateException mismatch(int batchRows, int rows, EpochPlan epoch, int index) {
        return new IllegalStateException("Batch " + (index + 1) + " of epoch " + (epoch.epoch() + 1) + " has "
                + batchRows + " samples but the partitions returned " + rows
                + "; did the RDD give other samples when Spark recomputed it?");
    }

    @Override
    public int lastBatchSize() {
        return batchSize;
    }

    /** The broadcast setup for this network and loss; broadcast anew when either changes. */
    private Broadcast<TrainingSetup> setupFor(Network network, Loss loss) {
        SetupKey key = new SetupKey(network.spec(), loss.spec());
        if (!key.equals(setupKey)) {
            if (network.inputSize() != samples.featureCount()) {
                throw new IllegalArgumentException("The network takes " + network.inputSize()
                        + " inputs but the samples have " + samples.featureCount() + " features");
            }
            activeReduction = reduction != null ? reduction : Reduction.of(loss.batchReduction());
            TrainingSetup next = DriverChecks.setup(network, loss, null, activeReduction, registries);
            destroy(setup);
            setup = context.broadcast(next);
            setupKey = key;
        }
        return setup;
    }

    /** Releases the broadcast epoch plan and setup; the shards stay cached. */
    @Override
    public void close() {
        destroy(plan);
        destroy(setup);
        plan = null;
        setup = null;
        setupKey = null;
    }

    private static void destroy(Broadcast<?> broadcast) {
        if (broadcast != null) {
            broadcast.destroy();
        }
    }

    /** What the broadcast setup was made for. */
    private record SetupKey(dev.backprop.core.network.NetworkSpec network, dev.backprop.core.spi.ComponentSpec loss) {}

    /** Settings of a {@link SparkGradientSource}. */
    public static final class Builder {

        private final ShardedSamples samples;
        private BatchPlan plan = BatchPlan.of(32, 0);
        private Reduction reduction;
        private Registries registries;
        private int fanIn = DEFAULT_FAN_IN;

        private Builder(ShardedSamples samples) {
            this.samples = Objects.requireNonNull(samples, "samples");
        }

        /** Samples per global batch, at least 1; 32 by default. */
        public Builder batchSize(int batchSize) {
            plan = new BatchPlan(batchSize, plan.seed(), plan.shuffle(), plan.dropLast());
            return this;
        }

        /** The seed of the per-epoch shuffles; 0 by default. */
        public Builder seed(long seed) {
            plan = new BatchPlan(plan.batchSize(), seed, plan.shuffle(), plan.dropLast());
            return this;
        }

        /** Whether each epoch is shuffled; on by default. */
        public Builder shuffle(boolean shuffle) {
            plan = new BatchPlan(plan.batchSize(), plan.seed(), shuffle, plan.dropLast());
            return this;
        }

        /** Whether an epoch's last, smaller batch is dropped; off by default. */
        public Builder dropLast(boolean dropLast) {
            plan = new BatchPlan(plan.batchSize(), plan.seed(), plan.shuffle(), dropLast);
            return this;
        }

        /** All batch settings at once. */
        public Builder batching(BatchPlan plan) {
            this.plan = Objects.requireNonNull(plan, "plan");
            return this;
        }

        /**
         * How the loss reduces a batch; by default what the loss declares ({@link Loss#batchReduction()}), so
         * this is needed only for a plug-in loss that declares it wrongly.
         */
        public Builder reduction(Reduction reduction) {
            this.reduction = Objects.requireNonNull(reduction, "reduction");
            return this;
        }

        /**
         * The registries the driver checks the loss and activations against before the first job;
         * {@link Registries#discover()} by default. Executors always discover their own.
         */
        public Builder registries(Registries registries) {
            this.registries = Objects.requireNonNull(registries, "registries");
            return this;
        }

        /**
         * f, the fan-in of the tree that adds the partitions' gradients ({@link GradientTree}): the driver
         * receives at most f vectors per step, and each level above the partitions adds f nodes; 8 by default.
         * With at most f partitions there is no tree: the driver adds the partitions' gradients in partition
         * order, which needs no shuffle and is the fastest for a few partitions. The shape, hence every bit of
         * the result, depends only on the number of partitions and f.
         *
         * @throws IllegalArgumentException if f is below 2
         */
        public Builder reductionFanIn(int fanIn) {
            if (fanIn < 2) {
                throw new IllegalArgumentException("The reduction fan-in must be at least 2, got " + fanIn);
            }
            this.fanIn = fanIn;
            return this;
        }

        /**
         * The source.
         *
         * @throws IllegalArgumentException when dropping the last batch would leave no batch
         */
        public SparkGradientSource build() {
            if (plan.dropLast() && plan.batchSize() > samples.size()) {
                throw new IllegalArgumentException("batchSize " + plan.batchSize()
                        + " with dropLast leaves no batch for " + samples.size() + " samples");
            }
            return new SparkGradientSource(this);
        }
    }
}
