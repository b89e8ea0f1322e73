package dev.backprop.core.train;

import dev.backprop.core.data.Dataset;
import dev.backprop.core.eval.Evaluator;
import dev.backprop.core.eval.Metric;
import dev.backprop.core.network.Network;
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
import java.util.Set;
import org.ejml.data.DMatrixRMaj;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * The epoch loop every trainer runs on: for each epoch, the {@link EpochSteps} of the epoch with the non-finite
 * guard after each, then evaluation of the named data sets, the {@link History}, one INFO line, the listeners,
 * the schedule's observation, early stopping and a checkpoint if one is due; at the end the best epoch's weights
 * when early stopping restores them. {@link Trainer} runs it on minibatch gradients, the Spark parameter-averaging
 * trainer on averaging rounds.
 *
 * <p>The loop holds the optimizer and schedule of its run, so it trains one network at a time. {@link #fit} starts
 * them afresh; {@link #resume} restores them from a {@link TrainingState}, and the run ends with the weights an
 * uninterrupted one would have had.
 *
 * <p>After a step, when the guard is on, the step's loss and every entry of the step's
 * {@link EpochSteps#guarded} matrices, from the output layer back, must be finite; otherwise training stops with a
 * {@link TrainingDivergedException} naming the epoch, the step and, for a matrix, the parameter, its layer and the
 * entry.
 */
public final class EpochLoop {

    private static final Logger LOG = LoggerFactory.getLogger(EpochLoop.class);

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
    private final Trainer components;
    private final String mode;
    private final Evaluator evaluator = new Evaluator();

    private EpochLoop(Builder b) {
        this.loss = Objects.requireNonNull(b.loss, "The epoch loop needs a loss");
        this.optimizer = Objects.requireNonNull(b.optimizer, "The epoch loop needs an optimizer");
        this.schedule = b.schedule;
        this.epochs = b.epochs;
        this.evaluationSets = new LinkedHashMap<>(b.evaluationSets);
        this.metrics = List.copyOf(b.metrics);
        this.listeners = List.copyOf(b.listeners);
        this.earlyStopping = b.earlyStopping;
        this.nonFiniteGuard = b.nonFiniteGuard;
        this.checkpoints = b.checkpoints;
        this.components = b.components;
        this.mode = b.mode;
        requireMonitored(earlyStopping, evaluationSets.keySet());
    }

    /** Refuses early stopping on a metric of a set that is not evaluated. */
    static void requireMonitored(EarlyStopping earlyStopping, Set<String> sets) {
        if (earlyStopping != null
                && !earlyStopping.monitor().equals("train.loss")
                && !sets.contains(earlyStopping.monitor().split("\\.", 2)[0])) {
            throw new IllegalArgumentException("Early stopping monitors '" + earlyStopping.monitor()
                    + "' but no evaluation set '" + earlyStopping.monitor().split("\\.", 2)[0]
                    + "' was given; sets: " + sets);
        }
    }

    /** A builder: no schedule, 10 epochs, no evaluation, no listeners, the non-finite guard on. */
    public static Builder builder() {
        return new Builder();
    }

    /**
     * Trains a network from its current weights for the configured number of epochs: resets the schedule and the
     * optimizer, initialises the optimizer for the network's parameters and runs the epochs.
     *
     * @param network the network; modified
     * @param steps   the epoch's steps, fresh for this run
     */
    public TrainingResult fit(Network network, EpochSteps steps) {
        if (schedule != null) {
            schedule.reset();
        }
        optimizer.reset();
        optimizer.initialise(network.parameters());
        return run(
                network,
                steps,
                new TrainingState(0, 0, new History(), Map.of(), Map.of(), Double.NaN, -1, 0, Map.of()),
                false);
    }

    /**
     * Continues a run from a saved state; the network must hold the weights saved with it. Restores the
     * optimizer's and the schedule's state and runs the remaining epochs.
     *
     * @param network the network; modified
     * @param steps   the epoch's steps, fresh for this run
     * @param state   where the run stopped
     */
    public TrainingResult resume(Network network, EpochSteps steps, TrainingState state) {
        optimizer.reset();
        optimizer.initialise(network.parameters());
        optimizer.restore(state.optimizerState());
        if (schedule != null) {
            schedule.reset();
            schedule.restore(state.scheduleState());
        }
        return run(network, steps, state, true);
    }

    private TrainingResult run(Network network, EpochSteps steps, TrainingState start, boolean resumed) {
        List<Parameter> params = network.parameters();
        History history = new History(start.history().epochs());
        TrainingContext context = new TrainingContext(network, epochs, start.step());
        Best best = new Best(start);
        if (resumed) {
            LOG.info(
                    "Resuming{} at epoch {} of {} (step {})",
                    mode.isEmpty() ? "" : " " + mode,
                    start.epochsDone() + 1,
                    epochs,
                    start.step());
        }
        listeners.forEach(l -> l.onTrainingStart(context));
        int epoch = start.epochsDone();
        for (; epoch < epochs && !context.stopRequested(); epoch++) {
            long started = System.nanoTime();
            int count = steps.beginEpoch(epoch);
            try {
                for (TrainingListener l : listeners) {
                    l.onEpochStart(context, epoch, count);
                }
                for (int s = 0; s < count; s++) {
                    double value = steps.compute(epoch, s, context);
                    if (nonFiniteGuard) {
                        checkFinite(value, params, steps, epoch, s, history);
                    }
                    steps.complete(epoch, s, context);
                    for (int i = 0; i < listeners.size(); i++) {
                        listeners.get(i).onBatchEnd(context, epoch, s, value);
                    }
                }
            } finally {
                steps.endEpoch(epoch);
            }
            Map<String, Double> evaluated = evaluate(network);
            double trainLoss = steps.trainLoss();
            EpochRecord record = new EpochRecord(
                    epoch, trainLoss, evaluated, steps.learningRate(), (System.nanoTime() - started) / 1e9);
            history.add(record);
            if (schedule != null) {
                schedule.observe(epoch, evaluated.getOrDefault("validation.loss", trainLoss));
            }
            if (LOG.isInfoEnabled()) {
                // the line is formatted only when it is logged
                LOG.info(describe(record));
            }
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

    private String describe(EpochRecord r) {
        StringBuilder sb = new StringBuilder(
                String.format(Locale.ROOT, "epoch %d: train.loss=%.6f", r.epoch() + 1, r.trainLoss()));
        r.metrics().entrySet().stream()
                .sorted(Map.Entry.comparingByKey())
                .forEach(e -> sb.append(String.format(Locale.ROOT, " %s=%.6f", e.getKey(), e.getValue())));
        sb.append(String.format(
                Locale.ROOT, " lr=%.6g (%.2f s%s)", r.learningRate(), r.seconds(), mode.isEmpty() ? "" : ", " + mode));
        return sb.toString();
    }

    private static void checkFinite(
            double loss, List<Parameter> params, EpochSteps steps, int epoch, int step, History history) {
        if (!Double.isFinite(loss)) {
            throw new TrainingDivergedException(
                    "The loss became " + loss + " at epoch " + (epoch + 1) + ", " + steps.stepName() + " " + (step + 1)
                            + ". Lower the learning rate, scale the inputs, or clip gradients.",
                    history,
                    epoch,
                    step);
        }
        // from the output back: a non-finite value propagates towards the input, so the layer nearest the
        // output that has one is where it arose
        for (int p = params.size() - 1; p >= 0; p--) {
            Parameter param = params.get(p);
            DMatrixRMaj g = steps.guarded(param);
            int n = g.getNumElements();
            for (int i = 0; i < n; i++) {
                if (!Double.isFinite(g.data[i])) {
                    throw new TrainingDivergedException(
                            "The " + steps.guardedName() + " of " + param.name() + " (layer "
                                    + layerOf(param.name()) + ") became " + g.data[i] + " at entry [" + i / g.numCols
                                    + "," + i % g.numCols + "] at epoch " + (epoch + 1) + ", " + steps.stepName()
                                    + " " + (step + 1) + " (loss " + loss
                                    + "). Lower the learning rate, scale the inputs, or clip gradients.",
                            history,
                            epoch,
                            step);
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
        final Map<String, DMatrixRMaj> parameters;

        Best(TrainingState start) {
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

    /** Configures an {@link EpochLoop}. */
    public static final class Builder {
        private Loss loss;
        private Optimizer optimizer;
        private Schedule schedule;
        private int epochs = 10;
        private final Map<String, Dataset> evaluationSets = new LinkedHashMap<>();
        private final List<Metric> metrics = new ArrayList<>();
        private final List<TrainingListener> listeners = new ArrayList<>();
        private EarlyStopping earlyStopping;
        private boolean nonFiniteGuard = true;
        private CheckpointWriter checkpoints;
        private Trainer components;
        private String mode = "";

        private Builder() {}

        /** The loss, which evaluation uses; required. */
        public Builder loss(Loss loss) {
            this.loss = Objects.requireNonNull(loss, "loss");
            return this;
        }

        /** The optimizer, whose state the loop resets, restores and saves; required. */
        public Builder optimizer(Optimizer optimizer) {
            this.optimizer = Objects.requireNonNull(optimizer, "optimizer");
            return this;
        }

        /** The learning-rate schedule, or null for none; it hears each epoch's validation (else train) loss. */
        public Builder schedule(Schedule schedule) {
            this.schedule = schedule;
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

        /** The data sets evaluated after every epoch by name, recorded as {@code <name>.loss}, ... */
        public Builder evaluationSets(Map<String, Dataset> sets) {
            evaluationSets.putAll(sets);
            return this;
        }

        /** Metrics computed on every evaluated set. */
        public Builder metrics(List<Metric> metrics) {
            this.metrics.addAll(metrics);
            return this;
        }

        /** Listeners for training events, in the order they hear them. */
        public Builder listeners(List<TrainingListener> listeners) {
            this.listeners.addAll(listeners);
            return this;
        }

        /** Early stopping, or null for none. */
        public Builder earlyStopping(EarlyStopping rule) {
            this.earlyStopping = rule;
            return this;
        }

        /** Whether to stop with a {@link TrainingDivergedException} on a non-finite loss or matrix; on by default. */
        public Builder nonFiniteGuard(boolean on) {
            this.nonFiniteGuard = on;
            return this;
        }

        /**
         * Writes checkpoints as the writer decides, or none when null.
         *
         * @param writer     the writer
         * @param components the trainer that describes the run's loss, optimizer and schedule, as the writer
         *                   records them
         */
        public Builder checkpoints(CheckpointWriter writer, Trainer components) {
            this.checkpoints = writer;
            this.components = writer == null ? null : Objects.requireNonNull(components, "components");
            return this;
        }

        /** How the run is named in its log lines, e.g. {@code parameter averaging}; empty by default. */
        public Builder mode(String mode) {
            this.mode = Objects.requireNonNull(mode, "mode");
            return this;
        }

        /** Builds the loop. */
        public EpochLoop build() {
            return new EpochLoop(this);
        }
    }
}
