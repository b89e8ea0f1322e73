package dev.backprop.core.train;

import dev.backprop.core.data.BatchSource;
import dev.backprop.core.data.Dataset;
import dev.backprop.core.eval.Evaluator;
import dev.backprop.core.eval.Metric;
import dev.backprop.core.network.Network;
import dev.backprop.core.registry.Registries;
import dev.backprop.core.spi.BatchReduction;
import dev.backprop.core.spi.ComponentSpec;
import dev.backprop.core.spi.Loss;
import dev.backprop.core.spi.Optimizer;
import dev.backprop.core.spi.Parameter;
import dev.backprop.core.spi.Schedule;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;
import org.ejml.data.DMatrixRMaj;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Fits a network by minibatch gradient descent: for each epoch, for each batch of the {@link BatchSource},
 * forward and backward pass ({@link Network#computeTrainingGradients}), then one optimizer step at the
 * schedule's learning rate. After each epoch it evaluates the named data sets, records the epoch in the
 * {@link History}, logs one INFO line, tells the listeners, applies early stopping and writes a checkpoint if
 * asked.
 *
 * <p>Deterministic: the same network seed, data, batch order and settings give bit-identical weights, and a run
 * resumed from a checkpoint ends with the same weights as one that was never interrupted.
 *
 * <p>A trainer holds the optimizer and schedule of its run, so it trains one network at a time; build one per
 * run. Loss, optimizer and schedule are given as objects or by registered name.
 */
public final class Trainer {

    private static final Logger LOG = LoggerFactory.getLogger(Trainer.class);

    private final Loss loss;
    private final Optimizer optimizer;
    private final Schedule schedule;
    private final int epochs;
    private final Map<String, Dataset> evaluationSets;
    private final List<Metric> metrics;
    private final List<TrainingListener> listeners;
    private final EarlyStopping earlyStopping;
    private final boolean nonFiniteGuard;
    private final CheckpointWriter checkpoints;
    private final Evaluator evaluator = new Evaluator();

    private Trainer(Builder b) {
        this.registriesCache = b.registries;
        this.loss = b.loss != null ? b.loss : registries().losses().create(require(b.lossSpec, "loss"));
        this.optimizer = b.optimizer != null
                ? b.optimizer
                : registries().optimizers().create(require(b.optimizerSpec, "optimizer"));
        this.schedule = b.schedule != null
                ? b.schedule
                : b.scheduleSpec == null ? null : registries().schedules().create(b.scheduleSpec);
        this.epochs = b.epochs;
        this.evaluationSets = new LinkedHashMap<>(b.evaluationSets);
        this.metrics = List.copyOf(b.metrics);
        this.listeners = List.copyOf(b.listeners);
        this.earlyStopping = b.earlyStopping;
        this.nonFiniteGuard = b.nonFiniteGuard;
        this.checkpoints = b.checkpoints;
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

    private Registries registriesCache;

    private Registries registries() {
        if (registriesCache == null) {
            registriesCache = Registries.discover();
        }
        return registriesCache;
    }

    /** A builder for a trainer. */
    public static Builder builder() {
        return new Builder();
    }

    /** The loss being minimised. */
    public Loss loss() {
        return loss;
    }

    /** The optimizer. */
    public Optimizer optimizer() {
        return optimizer;
    }

    /** The schedule, or empty when the optimizer's own rate is used throughout. */
    public Optional<Schedule> schedule() {
        return Optional.ofNullable(schedule);
    }

    /** Trains a network from its current weights for the configured number of epochs. */
    public TrainingResult fit(Network network, BatchSource train) {
        return fit(network, GradientSource.local(train));
    }

    /**
     * Trains a network with gradients from any source, such as a cluster; listeners, evaluation, early stopping
     * and checkpoints work as with local minibatches.
     */
    public TrainingResult fit(Network network, GradientSource train) {
        if (schedule != null) {
            schedule.reset();
        }
        optimizer.reset();
        optimizer.initialise(network.parameters());
        return run(
                network,
                train,
                new TrainingState(0, 0, new History(), Map.of(), Map.of(), Double.NaN, -1, 0, Map.of()),
                false);
    }

    /**
     * Continues a run from a saved state; the network must hold the weights saved with it. Ends with the weights
     * an uninterrupted run would have.
     */
    public TrainingResult resume(Network network, BatchSource train, TrainingState state) {
        return resume(network, GradientSource.local(train), state);
    }

    /** Continues a run from a saved state with gradients from any source. */
    public TrainingResult resume(Network network, GradientSource train, TrainingState state) {
        optimizer.reset();
        optimizer.initialise(network.parameters());
        optimizer.restore(state.optimizerState());
        if (schedule != null) {
            schedule.reset();
            schedule.restore(state.scheduleState());
        }
        return run(network, train, state, true);
    }

    private TrainingResult run(Network network, GradientSource train, TrainingState start, boolean resumed) {
        List<Parameter> params = network.parameters();
        History history = new History(start.history().epochs());
        TrainingContext context = new TrainingContext(network, epochs, start.step());
        Best best = new Best(start, network);
        if (resumed) {
            LOG.info("Resuming at epoch {} of {} (step {})", start.epochsDone() + 1, epochs, start.step());
        }
        listeners.forEach(l -> l.onTrainingStart(context));
        double rate = optimizer.learningRate();
        int epoch = start.epochsDone();
        for (; epoch < epochs && !context.stopRequested(); epoch++) {
            long started = System.nanoTime();
            int batches = train.beginEpoch(epoch);
            for (TrainingListener l : listeners) {
                l.onEpochStart(context, epoch, batches);
            }
            double lossSum = 0;
            long samples = 0;
            for (int b = 0; b < batches; b++) {
                double value = train.computeGradients(network, loss, b, context.step());
                int batchSize = train.lastBatchSize();
                if (nonFiniteGuard) {
                    checkFinite(value, params, epoch, b, history);
                }
                rate = schedule == null
                        ? optimizer.learningRate()
                        : schedule.rate(optimizer.learningRate(), context.step(), epoch);
                optimizer.step(params, rate);
                context.advance();
                lossSum += loss.batchReduction() == BatchReduction.SUM ? value : value * batchSize;
                samples += batchSize;
                for (int i = 0; i < listeners.size(); i++) {
                    listeners.get(i).onBatchEnd(context, epoch, b, value);
                }
            }
            Map<String, Double> evaluated = evaluate(network);
            // a mean-reduced loss: the size-weighted mean of the batch values; a sum-reduced one: their sum
            double trainLoss = loss.batchReduction() == BatchReduction.SUM
                    ? lossSum
                    : samples == 0 ? Double.NaN : lossSum / samples;
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
                checkpoints.write(network, this, state(epoch + 1, context.step(), history, best));
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
        sb.append(String.format(Locale.ROOT, " lr=%.6g (%.2f s)", r.learningRate(), r.seconds()));
        return sb.toString();
    }

    private static void checkFinite(double loss, List<Parameter> params, int epoch, int batch, History history) {
        if (!Double.isFinite(loss)) {
            throw new TrainingDivergedException(
                    "The loss became " + loss + " at epoch " + (epoch + 1) + ", batch " + (batch + 1)
                            + ". Lower the learning rate, scale the inputs, or clip gradients.",
                    history,
                    epoch,
                    batch);
        }
        // from the output back: a non-finite value propagates towards the input, so the layer nearest the
        // output that has one is where it arose
        for (int p = params.size() - 1; p >= 0; p--) {
            DMatrixRMaj g = params.get(p).gradient();
            int n = g.getNumElements();
            for (int i = 0; i < n; i++) {
                if (!Double.isFinite(g.data[i])) {
                    Parameter param = params.get(p);
                    throw new TrainingDivergedException(
                            "The gradient of " + param.name() + " (layer "
                                    + layerOf(param.name()) + ") became " + g.data[i] + " at entry [" + i / g.numCols
                                    + ","
                                    + i % g.numCols + "] at epoch " + (epoch + 1) + ", batch " + (batch + 1)
                                    + " (loss " + loss
                                    + "). Lower the learning rate, scale the inputs, or clip gradients.",
                            history,
                            epoch,
                            batch);
                }
            }
        }
    }

    private static String layerOf(String parameterName) {
        int dot = parameterName.indexOf('.');
        String prefix = dot < 0 ? parameterName : parameterName.substring(0, dot);
        return prefix.startsWith("layer") ? prefix.substring("layer".length()) : prefix;
    }

    /** Early stopping's bookkeeping. */
    private final class Best {
        double value;
        int epoch;
        int wait;
        Map<String, DMatrixRMaj> parameters;

        Best(TrainingState start, Network network) {
            this.value = start.bestValue();
            this.epoch = start.bestEpoch();
            this.wait = start.epochsWithoutImprovement();
            this.parameters = new HashMap<>(start.bestParameters());
        }

        void update(EpochRecord record, TrainingContext context) {
            double v = record.metric(earlyStopping.monitor());
            if (epoch < 0 || earlyStopping.improves(v, value)) {
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

    /** Configures a {@link Trainer}. */
    public static final class Builder {
        private Registries registries;
        private Loss loss;
        private ComponentSpec lossSpec;
        private Optimizer optimizer;
        private ComponentSpec optimizerSpec;
        private Schedule schedule;
        private ComponentSpec scheduleSpec;
        private int epochs = 10;
        private final Map<String, Dataset> evaluationSets = new LinkedHashMap<>();
        private final List<Metric> metrics = new ArrayList<>();
        private final List<TrainingListener> listeners = new ArrayList<>();
        private EarlyStopping earlyStopping;
        private boolean nonFiniteGuard = true;
        private CheckpointWriter checkpoints;

        private Builder() {}

        /** The registries that resolve names; {@link Registries#discover()} by default. */
        public Builder registries(Registries registries) {
            this.registries = Objects.requireNonNull(registries, "registries");
            return this;
        }

        /** The loss to minimise. */
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

        /** The optimizer. */
        public Builder optimizer(Optimizer optimizer) {
            this.optimizer = Objects.requireNonNull(optimizer, "optimizer");
            return this;
        }

        /** The optimizer by name and parameters, e.g. {@code "sgd(lr=0.1)"}. */
        public Builder optimizer(String spec) {
            this.optimizerSpec = ComponentSpec.parse(spec);
            this.optimizer = null;
            return this;
        }

        /** A learning-rate schedule. */
        public Builder schedule(Schedule schedule) {
            this.schedule = Objects.requireNonNull(schedule, "schedule");
            return this;
        }

        /** A learning-rate schedule by name and parameters, e.g. {@code "cosine(t-max=10)"}. */
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

        /** The data set evaluated after every epoch as {@code validation}, which early stopping watches. */
        public Builder validation(Dataset data) {
            return evaluate("validation", data);
        }

        /**
         * A data set evaluated after every epoch; its loss and metrics are recorded as {@code <name>.loss},
         * {@code <name>.<metric>}.
         */
        public Builder evaluate(String name, Dataset data) {
            Objects.requireNonNull(name, "name");
            if (name.equals("train")) {
                throw new IllegalArgumentException("The evaluation set name 'train' is taken: train.loss is the mean"
                        + " loss of the epoch's batches. Name the set otherwise, e.g. 'train-eval'");
            }
            if (name.isEmpty() || name.contains(".")) {
                throw new IllegalArgumentException(
                        "An evaluation set name must be non-empty without '.', got '" + name + "'");
            }
            evaluationSets.put(name, Objects.requireNonNull(data, "data"));
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
         * Whether to stop with a {@link TrainingDivergedException} when a loss or gradient becomes NaN or
         * infinite; on by default.
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
        public Trainer build() {
            return new Trainer(this);
        }
    }
}
