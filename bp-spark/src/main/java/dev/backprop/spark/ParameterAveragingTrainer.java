package dev.backprop.spark;

import dev.backprop.core.data.Dataset;
import dev.backprop.core.eval.Metric;
import dev.backprop.core.network.Network;
import dev.backprop.core.registry.Registries;
import dev.backprop.core.spi.ComponentSpec;
import dev.backprop.core.spi.Loss;
import dev.backprop.core.spi.Optimizer;
import dev.backprop.core.spi.Schedule;
import dev.backprop.core.train.CheckpointWriter;
import dev.backprop.core.train.EarlyStopping;
import dev.backprop.core.train.EpochLoop;
import dev.backprop.core.train.History;
import dev.backprop.core.train.Trainer;
import dev.backprop.core.train.TrainingContext;
import dev.backprop.core.train.TrainingDivergedException;
import dev.backprop.core.train.TrainingListener;
import dev.backprop.core.train.TrainingResult;
import dev.backprop.core.train.TrainingState;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import org.apache.spark.broadcast.Broadcast;

/**
 * Parameter averaging on Spark, the second, faster mode: every partition trains its own copy of the network for
 * k global batches, then the driver averages the copies' weights (and their optimizer states) and starts the
 * next round from the average. This is the scheme of DL4J's {@code ParameterAveragingTrainingMaster}, also known
 * as local SGD.
 *
 * <p>A round covers global batches {@code r·k … r·k + k − 1} of the epoch ({@link BatchPlan}: the batches of
 * {@code ShuffledBatches}). Partition p takes one optimizer step on its own samples of each of those batches (so
 * its local minibatches hold about B / P samples), skipping a batch it holds none of; after the round the driver
 * forms, in partition order,
 * <pre>
 *   w = Σ_p (n_p / N) w_p,     N = Σ_p n_p
 * </pre>
 * with n_p the samples partition p trained on in the round. Each partition's optimizer state stays on its
 * executor from round to round ({@link RoundChain}): only weights travel each round. After the epoch's last round
 * the driver averages the states too, weighted by the samples each partition trained on in the epoch (an entry
 * equal in every partition keeps that value; whole-number entries such as step counts are rounded to a whole
 * number), and the next epoch starts every partition from that average. One Spark job per round instead of one
 * per batch is where the speed comes from.
 *
 * <p><b>Not equivalent to single-JVM training.</b> With k > 1 each partition follows its own trajectory for k
 * steps, and the average of those trajectories is not the trajectory of SGD on the global batches; with an
 * adaptive optimizer (Adam, RMSProp) the partitions' own moment estimates within an epoch, and their average
 * between epochs, are a further approximation. It converges to similar
 * accuracy in practice, and the test suite measures that on MNIST. The one exact case: with k = 1, plain
 * {@code sgd} and a mean-reduced loss, {@code Σ_p (m_p/B)(w − η g_p) = w − η Σ_p (m_p/B) g_p}, which is the
 * synchronous step, up to rounding.
 *
 * <p>The training API is the {@link dev.backprop.core.train.Trainer}'s, and so is the loop: both run on
 * {@link EpochLoop}, with the rounds as its steps, so the settings, the {@link History} and
 * {@link TrainingResult}, listeners (a {@link dev.backprop.core.train.DivergenceRule} among them), evaluation
 * sets, early stopping, checkpoints and resume behave alike. Listeners hear {@code onEpochStart} with the number
 * of rounds and {@code onBatchEnd} once per round, with the round's index and its mean training loss;
 * {@link TrainingContext#step()} still counts global batches. The non-finite guard checks each round's mean loss
 * and then the averaged weights, and stops with a {@link TrainingDivergedException} naming the epoch, the round
 * and, for a weight, the parameter and entry. A checkpoint, written at an epoch's end, holds the averaged
 * optimizer state, so a resumed run continues exactly. A lost executor or a retried task leaves the trained
 * weights bit-identical.
 */
public final class ParameterAveragingTrainer {

    private final Loss loss;
    private final Optimizer optimizer;
    private final Schedule schedule;
    private final int averagingFrequency;
    private final BatchPlan batching;
    private final Registries registries;
    private final Trainer components;
    private final EpochLoop loop;

    private ParameterAveragingTrainer(Builder b) {
        Registries r = b.registries;
        if (b.loss == null || b.optimizer == null || (b.schedule == null && b.scheduleSpec != null)) {
            r = r != null ? r : Registries.discover();
        }
        this.registries = r;
        this.loss = b.loss != null ? b.loss : r.losses().create(require(b.lossSpec, "loss"));
        this.optimizer =
                b.optimizer != null ? b.optimizer : r.optimizers().create(require(b.optimizerSpec, "optimizer"));
        this.schedule = b.schedule != null
                ? b.schedule
                : b.scheduleSpec == null ? null : r.schedules().create(b.scheduleSpec);
        this.averagingFrequency = b.averagingFrequency;
        this.batching = b.plan;
        Trainer.Builder described =
                Trainer.builder().loss(loss).optimizer(optimizer).epochs(b.epochs);
        if (schedule != null) {
            described.schedule(schedule);
        }
        this.components = described.build();
        this.loop = EpochLoop.builder()
                .loss(loss)
                .optimizer(optimizer)
                .schedule(schedule)
                .epochs(b.epochs)
                .evaluationSets(b.evaluationSets)
                .metrics(b.metrics)
                .listeners(b.listeners)
                .earlyStopping(b.earlyStopping)
                .nonFiniteGuard(b.nonFiniteGuard)
                .checkpoints(b.checkpoints, components)
                .mode("parameter averaging")
                .build();
    }

    private static ComponentSpec require(ComponentSpec spec, String what) {
        if (spec == null) {
            throw new IllegalStateException("The trainer needs a " + what + ": give one by name or as an object");
        }
        return spec;
    }

    /** A builder: 10 epochs, averaging every 5 batches, batches of 32 from seed 0, shuffled. */
    public static Builder builder() {
        return new Builder();
    }

    /** The loss being minimised. */
    public Loss loss() {
        return loss;
    }

    /** The optimizer each partition steps with; the driver's instance holds the averaged state. */
    public Optimizer optimizer() {
        return optimizer;
    }

    /**
     * A {@link Trainer} holding this run's loss, optimizer and schedule (the same objects), as checkpoint writers
     * receive it and as {@code Checkpoints.requireSameRun} checks a checkpoint against before {@link #resume}.
     * It describes the run; training goes through this class.
     */
    public Trainer components() {
        return components;
    }

    /** k, the global batches per round. */
    public int averagingFrequency() {
        return averagingFrequency;
    }

    /** How the samples are cut into global batches. */
    public BatchPlan batching() {
        return batching;
    }

    /** Trains a network from its current weights for the configured number of epochs. */
    public TrainingResult fit(Network network, ShardedSamples data) {
        return run(network, data, null);
    }

    /**
     * Continues a run from a checkpoint's state; the network must hold the weights saved with it. Ends with the
     * weights the uninterrupted run would have had.
     */
    public TrainingResult resume(Network network, ShardedSamples data, TrainingState state) {
        return run(network, data, Objects.requireNonNull(state, "state"));
    }

    /** Fits, or resumes from {@code state} when it is not null. */
    private TrainingResult run(Network network, ShardedSamples data, TrainingState state) {
        if (network.inputSize() != data.featureCount()) {
            throw new IllegalArgumentException("The network takes " + network.inputSize()
                    + " inputs but the samples have " + data.featureCount() + " features");
        }
        Broadcast<TrainingSetup> setup =
                data.context().broadcast(DriverChecks.setup(network, loss, optimizer, Reduction.MEAN, registries));
        try {
            AveragingRounds rounds = new AveragingRounds(
                    data, setup, batching, averagingFrequency, optimizer, schedule, network.parameters());
            return state == null ? loop.fit(network, rounds) : loop.resume(network, rounds, state);
        } finally {
            setup.destroy();
        }
    }

    /** Configures a {@link ParameterAveragingTrainer}; the settings of the trainer plus batching and k. */
    public static final class Builder {
        private Registries registries;
        private Loss loss;
        private ComponentSpec lossSpec;
        private Optimizer optimizer;
        private ComponentSpec optimizerSpec;
        private Schedule schedule;
        private ComponentSpec scheduleSpec;
        private int epochs = 10;
        private int averagingFrequency = 5;
        private BatchPlan plan = BatchPlan.of(32, 0);
        private final Map<String, Dataset> evaluationSets = new LinkedHashMap<>();
        private final List<Metric> metrics = new ArrayList<>();
        private final List<TrainingListener> listeners = new ArrayList<>();
        private EarlyStopping earlyStopping;
        private boolean nonFiniteGuard = true;
        private CheckpointWriter checkpoints;

        private Builder() {}

        /** The registries that resolve names on the driver; {@link Registries#discover()} by default. */
        public Builder registries(Registries registries) {
            this.registries = Objects.requireNonNull(registries, "registries");
            return this;
        }

        /** The loss to minimise; executors create it by its name. */
        public Builder loss(Loss loss) {
            this.loss = Objects.requireNonNull(loss, "loss");
            return this;
        }

        /** The loss by name and parameters, e.g. {@code "softmax-cross-entropy"}. */
        public Builder loss(String spec) {
            this.lossSpec = ComponentSpec.parse(spec);
            this.loss = null;
            return this;
        }

        /** The optimizer every partition steps with; executors create it by its name. */
        public Builder optimizer(Optimizer optimizer) {
            this.optimizer = Objects.requireNonNull(optimizer, "optimizer");
            return this;
        }

        /** The optimizer by name and parameters, e.g. {@code "adam(lr=0.001)"}. */
        public Builder optimizer(String spec) {
            this.optimizerSpec = ComponentSpec.parse(spec);
            this.optimizer = null;
            return this;
        }

        /** A learning-rate schedule, evaluated on the driver for every global step. */
        public Builder schedule(Schedule schedule) {
            this.schedule = Objects.requireNonNull(schedule, "schedule");
            return this;
        }

        /** A learning-rate schedule by name and parameters. */
        public Builder schedule(String spec) {
            this.scheduleSpec = ComponentSpec.parse(spec);
            this.schedule = null;
            return this;
        }

        /** How many epochs to train; 10 by default. */
        public Builder epochs(int epochs) {
            if (epochs < 0) {
                throw new IllegalArgumentException("Epochs must be >= 0, got " + epochs);
            }
            this.epochs = epochs;
            return this;
        }

        /**
         * k, the global batches each partition trains on between two averagings, at least 1; 5 by default.
         * Larger k means fewer jobs and faster epochs, and trajectories further from synchronous SGD.
         */
        public Builder averagingFrequency(int k) {
            if (k < 1) {
                throw new IllegalArgumentException("The averaging frequency must be at least 1 batch, got " + k);
            }
            this.averagingFrequency = k;
            return this;
        }

        /** Samples per global batch (split over the partitions), at least 1; 32 by default. */
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

        /** The data set evaluated after every epoch as {@code validation}, on the driver. */
        public Builder validation(Dataset data) {
            return evaluate("validation", data);
        }

        /** A data set evaluated after every epoch on the driver, recorded as {@code <name>.loss}, ... */
        public Builder evaluate(String name, Dataset data) {
            evaluationSets.put(Objects.requireNonNull(name, "name"), Objects.requireNonNull(data, "data"));
            return this;
        }

        /** Metrics computed on every evaluated set. */
        public Builder metrics(Metric... metrics) {
            this.metrics.addAll(List.of(metrics));
            return this;
        }

        /** A listener for training events. */
        public Builder listener(TrainingListener listener) {
            listeners.add(Objects.requireNonNull(listener, "listener"));
            return this;
        }

        /** Early stopping. */
        public Builder earlyStopping(EarlyStopping rule) {
            this.earlyStopping = Objects.requireNonNull(rule, "rule");
            return this;
        }

        /**
         * Whether to stop with a {@link TrainingDivergedException} when a round's loss or the averaged weights
         * become NaN or infinite; on by default.
         */
        public Builder nonFiniteGuard(boolean on) {
            this.nonFiniteGuard = on;
            return this;
        }

        /** Writes checkpoints as the writer decides. */
        public Builder checkpoints(CheckpointWriter writer) {
            this.checkpoints = Objects.requireNonNull(writer, "writer");
            return this;
        }

        /** Builds the trainer, creating named components from the registries. */
        public ParameterAveragingTrainer build() {
            return new ParameterAveragingTrainer(this);
        }
    }
}
