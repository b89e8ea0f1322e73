package dev.backprop.spark;

import dev.backprop.core.data.Dataset;
import dev.backprop.core.eval.Evaluator;
import dev.backprop.core.eval.Metric;
import dev.backprop.core.network.Network;
import dev.backprop.core.registry.Registries;
import dev.backprop.core.spi.ComponentSpec;
import dev.backprop.core.spi.Loss;
import dev.backprop.core.spi.Optimizer;
import dev.backprop.core.spi.Parameter;
import dev.backprop.core.spi.Schedule;
import dev.backprop.core.train.CheckpointWriter;
import dev.backprop.core.train.EarlyStopping;
import dev.backprop.core.train.EpochRecord;
import dev.backprop.core.train.History;
import dev.backprop.core.train.Trainer;
import dev.backprop.core.train.TrainingContext;
import dev.backprop.core.train.TrainingListener;
import dev.backprop.core.train.TrainingResult;
import dev.backprop.core.train.TrainingState;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Objects;
import org.apache.spark.api.java.JavaSparkContext;
import org.apache.spark.broadcast.Broadcast;
import org.ejml.data.DMatrixRMaj;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

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
 * <p>The training API is the {@link dev.backprop.core.train.Trainer}'s: the same settings, the same
 * {@link History} and {@link TrainingResult}, listeners, evaluation sets, early stopping, checkpoints and resume.
 * Listeners hear {@code onEpochStart} with the number of rounds and {@code onBatchEnd} once per round, with the
 * round's index and its mean training loss; {@link TrainingContext#step()} still counts global batches. A
 * checkpoint, written at an epoch's end, holds the averaged optimizer state, so a resumed run continues exactly.
 * A lost executor or a retried task leaves the trained weights bit-identical.
 */
public final class ParameterAveragingTrainer {

    private static final Logger LOG = LoggerFactory.getLogger(ParameterAveragingTrainer.class);

    private final Loss loss;
    private final Optimizer optimizer;
    private final Schedule schedule;
    private final int epochs;
    private final int averagingFrequency;
    private final BatchPlan batching;
    private final Map<String, Dataset> evaluationSets;
    private final List<Metric> metrics;
    private final List<TrainingListener> listeners;
    private final EarlyStopping earlyStopping;
    private final boolean nonFiniteGuard;
    private final CheckpointWriter checkpoints;
    private final Registries registries;
    private final Trainer components;
    private final Evaluator evaluator = new Evaluator();

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
        this.epochs = b.epochs;
        this.averagingFrequency = b.averagingFrequency;
        this.batching = b.plan;
        this.evaluationSets = new LinkedHashMap<>(b.evaluationSets);
        this.metrics = List.copyOf(b.metrics);
        this.listeners = List.copyOf(b.listeners);
        this.earlyStopping = b.earlyStopping;
        this.nonFiniteGuard = b.nonFiniteGuard;
        this.checkpoints = b.checkpoints;
        Trainer.Builder described =
                Trainer.builder().loss(loss).optimizer(optimizer).epochs(epochs);
        if (schedule != null) {
            described.schedule(schedule);
        }
        this.components = described.build();
        if (earlyStopping != null
                && !earlyStopping.monitor().equals("train.loss")
                && !evaluationSets.containsKey(earlyStopping.monitor().split("\\.", 2)[0])) {
            throw new IllegalArgumentException("Early stopping monitors '" + earlyStopping.monitor()
                    + "' but no evaluation set '" + earlyStopping.monitor().split("\\.", 2)[0]
                    + "' was given; sets: " + evaluationSets.keySet());
        }
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
        optimizer.reset();
        optimizer.initialise(network.parameters());
        return run(
                network,
                data,
                new TrainingState(0, 0, new History(), Map.of(), Map.of(), Double.NaN, -1, 0, Map.of()),
                false);
    }

    /**
     * Continues a run from a checkpoint's state; the network must hold the weights saved with it. Ends with the
     * weights the uninterrupted run would have had.
     */
    public TrainingResult resume(Network network, ShardedSamples data, TrainingState state) {
        optimizer.reset();
        optimizer.initialise(network.parameters());
        optimizer.restore(state.optimizerState());
        if (schedule != null) {
            schedule.restore(state.scheduleState());
        }
        return run(network, data, state, true);
    }

    private TrainingResult run(Network network, ShardedSamples data, TrainingState start, boolean resumed) {
        if (network.inputSize() != data.featureCount()) {
            throw new IllegalArgumentException("The network takes " + network.inputSize()
                    + " inputs but the samples have " + data.featureCount() + " features");
        }
        JavaSparkContext sc = data.context();
        Broadcast<TrainingSetup> setup =
                sc.broadcast(DriverChecks.setup(network, loss, optimizer, Reduction.MEAN, registries));
        try {
            return epochs(network, data, start, resumed, setup);
        } finally {
            setup.destroy();
        }
    }

    private TrainingResult epochs(
            Network network,
            ShardedSamples data,
            TrainingState start,
            boolean resumed,
            Broadcast<TrainingSetup> setup) {
        JavaSparkContext sc = data.context();
        List<Parameter> params = network.parameters();
        History history = new History(start.history().epochs());
        TrainingContext context = new TrainingContext(network, epochs, start.step());
        Best best = new Best(start);
        if (resumed) {
            LOG.info(
                    "Resuming parameter averaging at epoch {} of {} (step {})",
                    start.epochsDone() + 1,
                    epochs,
                    start.step());
        }
        listeners.forEach(l -> l.onTrainingStart(context));
        double rate = optimizer.learningRate();
        int epoch = start.epochsDone();
        for (; epoch < epochs && !context.stopRequested(); epoch++) {
            long started = System.nanoTime();
            EpochPlan plan = batching.epoch(epoch, data.size());
            Broadcast<EpochPlan> planBroadcast = sc.broadcast(plan);
            int batches = plan.batchCount();
            int rounds = (batches + averagingFrequency - 1) / averagingFrequency;
            for (TrainingListener l : listeners) {
                l.onEpochStart(context, epoch, rounds);
            }
            double lossSum = 0;
            long samples = 0;
            try (RoundChain chain = new RoundChain(sc, data.shards(), setup, planBroadcast)) {
                for (int r = 0; r < rounds; r++) {
                    int first = r * averagingFrequency;
                    double[] rates = new double[Math.min(averagingFrequency, batches - first)];
                    for (int j = 0; j < rates.length; j++) {
                        rates[j] = schedule == null
                                ? optimizer.learningRate()
                                : schedule.rate(optimizer.learningRate(), context.step() + j, epoch);
                    }
                    RoundStart round = new RoundStart(
                            first,
                            context.step(),
                            rates,
                            ParameterVector.values(params),
                            r == 0 ? OptimizerState.of(optimizer.state()) : OptimizerState.empty());
                    boolean last = r == rounds - 1;
                    List<PartitionRound> reports = runRound(sc, chain, round, last, epoch, r);
                    Average average = average(reports, params);
                    if (last) {
                        Map<String, DMatrixRMaj> state = averageStates(reports);
                        if (!state.isEmpty()) {
                            optimizer.restore(state);
                        }
                    }
                    if (nonFiniteGuard) {
                        checkFinite(average.meanLoss(), params, epoch, r);
                    }
                    for (int j = 0; j < rates.length; j++) {
                        context.advance();
                    }
                    rate = rates[rates.length - 1];
                    lossSum += average.lossSum();
                    samples += average.rows();
                    for (TrainingListener l : listeners) {
                        l.onBatchEnd(context, epoch, r, average.meanLoss());
                    }
                }
            } finally {
                planBroadcast.destroy();
            }
            Map<String, Double> evaluated = evaluate(network);
            double trainLoss = samples == 0 ? Double.NaN : lossSum / samples;
            EpochRecord record =
                    new EpochRecord(epoch, trainLoss, evaluated, rate, (System.nanoTime() - started) / 1e9);
            history.add(record);
            if (schedule != null) {
                schedule.observe(epoch, evaluated.getOrDefault("validation.loss", trainLoss));
            }
            LOG.info(describe(record));
            for (TrainingListener l : listeners) {
                l.onEpochEnd(context, record);
            }
            if (earlyStopping != null) {
                best.update(record, context);
            }
            if (checkpoints != null && checkpoints.due(epoch + 1, epochs)) {
                checkpoints.write(network, components, state(epoch + 1, context.step(), history, best));
            }
        }
        if (earlyStopping != null && earlyStopping.restoreBest() && best.epoch >= 0) {
            best.restoreInto(network);
            LOG.info("Restored the weights of epoch {} ({} = {})", best.epoch + 1, earlyStopping.monitor(), best.value);
        }
        for (TrainingListener l : listeners) {
            l.onTrainingEnd(context, history);
        }
        return new TrainingResult(
                history,
                context.stopRequested(),
                context.stopReason(),
                earlyStopping == null ? -1 : best.epoch,
                state(epoch, context.step(), history, best));
    }

    private static List<PartitionRound> runRound(
            JavaSparkContext sc, RoundChain chain, RoundStart round, boolean last, int epoch, int r) {
        String description = String.format(
                Locale.ROOT,
                "bp: averaging round %d of epoch %d (steps %d-%d)",
                r + 1,
                epoch + 1,
                round.firstStep(),
                round.firstStep() + round.rates().length - 1);
        return SparkJobs.run(sc, description, epoch, round.firstStep(), () -> chain.next(round, last));
    }

    /** The weights of one round averaged into the network; the round's loss and samples. */
    private static Average average(List<PartitionRound> reports, List<Parameter> params) {
        long rows = 0;
        double lossSum = 0;
        for (PartitionRound u : reports) {
            rows += u.rows();
            lossSum += u.lossSum();
        }
        if (rows == 0) {
            throw new IllegalStateException("No partition held a sample of the round's batches");
        }
        int length = ParameterVector.length(params);
        double[] averaged = new double[length];
        boolean first = true;
        for (PartitionRound u : reports) {
            if (u.rows() == 0) {
                continue;
            }
            // w = Σ_p (n_p / N) w_p, in partition order
            double f = (double) u.rows() / rows;
            double[] w = u.weights();
            for (int i = 0; i < length; i++) {
                averaged[i] = first ? f * w[i] : averaged[i] + f * w[i];
            }
            first = false;
        }
        ParameterVector.setValues(params, averaged);
        return new Average(rows, lossSum);
    }

    /**
     * Every optimizer-state entry of the partitions that trained in the epoch, averaged with the weights
     * n_p / N of the samples each trained on in the epoch; see the class comment for the rules.
     */
    private static Map<String, DMatrixRMaj> averageStates(List<PartitionRound> reports) {
        List<PartitionRound> trained = new ArrayList<>();
        long rows = 0;
        for (PartitionRound u : reports) {
            if (u.epochRows() > 0) {
                trained.add(u);
                rows += u.epochRows();
            }
        }
        if (trained.isEmpty()) {
            return Map.of();
        }
        List<Map<String, DMatrixRMaj>> states = new ArrayList<>();
        for (PartitionRound u : trained) {
            states.add(u.optimizer().asMap());
        }
        Map<String, DMatrixRMaj> result = new LinkedHashMap<>();
        for (String key : states.get(0).keySet()) {
            DMatrixRMaj first = states.get(0).get(key);
            DMatrixRMaj mean = new DMatrixRMaj(first.numRows, first.numCols);
            int n = first.getNumElements();
            for (int i = 0; i < n; i++) {
                boolean equal = true;
                boolean whole = true;
                double sum = 0;
                for (int p = 0; p < states.size(); p++) {
                    DMatrixRMaj m = states.get(p).get(key);
                    if (m == null || m.getNumElements() != n) {
                        throw new IllegalStateException("Partition "
                                + trained.get(p).partition()
                                + " returned an optimizer state without a " + first.numRows + "x" + first.numCols
                                + " entry '" + key + "'");
                    }
                    double v = m.data[i];
                    equal &= v == first.data[i];
                    whole &= v == Math.rint(v);
                    // s = Σ_p (n_p / N) s_p
                    sum += (double) trained.get(p).epochRows() / rows * v;
                }
                mean.data[i] = equal ? first.data[i] : whole ? Math.rint(sum) : sum;
            }
            result.put(key, mean);
        }
        return result;
    }

    private static void checkFinite(double loss, List<Parameter> params, int epoch, int round) {
        if (!Double.isFinite(loss)) {
            throw new IllegalStateException("The loss became " + loss + " in averaging round " + (round + 1)
                    + " of epoch " + (epoch + 1) + ". Lower the learning rate, scale the inputs, or clip gradients.");
        }
        for (int p = params.size() - 1; p >= 0; p--) {
            DMatrixRMaj w = params.get(p).value();
            for (int i = 0; i < w.getNumElements(); i++) {
                if (!Double.isFinite(w.data[i])) {
                    throw new IllegalStateException(
                            "The averaged " + params.get(p).name() + " became " + w.data[i]
                                    + " at entry [" + i / w.numCols + "," + i % w.numCols + "] in averaging round "
                                    + (round + 1) + " of epoch " + (epoch + 1)
                                    + ". Lower the learning rate, scale the inputs, or clip gradients.");
                }
            }
        }
    }

    private TrainingState state(int epochsDone, long step, History history, Best best) {
        return new TrainingState(
                epochsDone,
                step,
                new History(history.epochs()),
                optimizer.state(),
                schedule == null ? Map.of() : schedule.state(),
                best.value,
                best.epoch,
                best.wait,
                best.parameters);
    }

    private Map<String, Double> evaluate(Network network) {
        Map<String, Double> result = new LinkedHashMap<>();
        for (Map.Entry<String, Dataset> set : evaluationSets.entrySet()) {
            evaluator
                    .evaluate(network, set.getValue(), loss, metrics)
                    .forEach((k, v) -> result.put(set.getKey() + "." + k, v));
        }
        return result;
    }

    private static String describe(EpochRecord r) {
        StringBuilder sb = new StringBuilder(
                String.format(Locale.ROOT, "epoch %d: train.loss=%.6f", r.epoch() + 1, r.trainLoss()));
        r.metrics().entrySet().stream()
                .sorted(Map.Entry.comparingByKey())
                .forEach(e -> sb.append(String.format(Locale.ROOT, " %s=%.6f", e.getKey(), e.getValue())));
        sb.append(String.format(Locale.ROOT, " lr=%.6g (%.2f s, parameter averaging)", r.learningRate(), r.seconds()));
        return sb.toString();
    }

    /** A round's totals. */
    private record Average(long rows, double lossSum) {
        double meanLoss() {
            return lossSum / rows;
        }
    }

    /** Early stopping's bookkeeping, as the trainer keeps it. */
    private final class Best {
        double value;
        int epoch;
        int wait;
        final Map<String, DMatrixRMaj> parameters;

        Best(TrainingState start) {
            this.value = start.bestValue();
            this.epoch = start.bestEpoch();
            this.wait = start.epochsWithoutImprovement();
            this.parameters = new HashMap<>(start.bestParameters());
        }

        void update(EpochRecord record, TrainingContext context) {
            double v = record.metric(earlyStopping.monitor());
            // better by more than minDelta: higher or lower as the metric is read
            boolean improves = earlyStopping.higherIsBetter()
                    ? v > value + earlyStopping.minDelta()
                    : v < value - earlyStopping.minDelta();
            if (epoch < 0 || improves) {
                value = v;
                epoch = record.epoch();
                wait = 0;
                if (earlyStopping.restoreBest()) {
                    for (Parameter p : context.network().parameters()) {
                        parameters.put(p.name(), p.value().copy());
                    }
                }
            } else if (++wait >= earlyStopping.patience()) {
                context.requestStop(String.format(
                        Locale.ROOT,
                        "early stopping: %s did not improve for %d epochs (best %.6g at epoch %d)",
                        earlyStopping.monitor(),
                        wait,
                        value,
                        epoch + 1));
                LOG.info(context.stopReason());
            }
        }

        void restoreInto(Network network) {
            for (Parameter p : network.parameters()) {
                DMatrixRMaj saved = parameters.get(p.name());
                if (saved != null) {
                    p.value().setTo(saved);
                }
            }
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
         * Whether to stop with an {@link IllegalStateException} when a round's loss or the averaged weights become
         * NaN or infinite; on by default.
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
