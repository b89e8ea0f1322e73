package dev.backprop.core.train;

import dev.backprop.core.data.BatchSource;
import dev.backprop.core.data.Dataset;
import dev.backprop.core.eval.Metric;
import dev.backprop.core.network.Network;
import dev.backprop.core.registry.Registries;
import dev.backprop.core.spi.ComponentSpec;
import dev.backprop.core.spi.Loss;
import dev.backprop.core.spi.Optimizer;
import dev.backprop.core.spi.Schedule;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;

/**
 * Fits a network by minibatch gradient descent: for each epoch, for each batch of the {@link BatchSource},
 * forward and backward pass ({@link Network#computeTrainingGradients}), then one optimizer step at the
 * schedule's learning rate. It runs on the {@link EpochLoop}, which after each epoch evaluates the named data
 * sets, records the epoch in the {@link History}, logs one INFO line, tells the listeners, applies early stopping
 * and writes a checkpoint if asked.
 *
 * <p>Deterministic: the same network seed, data, batch order and settings give bit-identical weights, and a run
 * resumed from a checkpoint ends with the same weights as one that was never interrupted.
 *
 * <p>A trainer holds the optimizer and schedule of its run, so it trains one network at a time; build one per
 * run. Loss, optimizer and schedule are given as objects or by registered name.
 */
public final class Trainer {

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
        EpochLoop.requireMonitored(earlyStopping, evaluationSets.keySet());
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
        return loop().fit(network, steps(network, train));
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
        return loop().resume(network, steps(network, train), state);
    }

    private EpochSteps steps(Network network, GradientSource train) {
        return new GradientSteps(train, loss, optimizer, schedule, network.parameters());
    }

    /** The epoch loop of one run with this trainer's settings. */
    private EpochLoop loop() {
        return EpochLoop.builder()
                .loss(loss)
                .optimizer(optimizer)
                .schedule(schedule)
                .epochs(epochs)
                .evaluationSets(evaluationSets)
                .metrics(metrics)
                .listeners(listeners)
                .earlyStopping(earlyStopping)
                .nonFiniteGuard(nonFiniteGuard)
                .checkpoints(checkpoints, this)
                .build();
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
