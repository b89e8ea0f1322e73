package dev.backprop.core.train;

import dev.backprop.core.io.ModelDocument;
import dev.backprop.core.io.ModelFile;
import dev.backprop.core.io.ModelFileException;
import dev.backprop.core.network.Network;
import dev.backprop.core.registry.Registries;
import dev.backprop.core.spi.ComponentSpec;
import dev.backprop.core.spi.Numbers;
import dev.backprop.core.spi.Optimizer;
import dev.backprop.core.spi.Schedule;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.TreeSet;
import org.ejml.data.DMatrixRMaj;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Checkpoints as ordinary bp model files ({@link ModelFile}): the network's weights and loss as in any model
 * file, and the training state besides:
 * <ul>
 * <li>metadata {@code checkpoint.epochs-done}, {@code checkpoint.step}, {@code checkpoint.dropout-seed} (so a
 *     reloaded network draws the same dropout masks), {@code checkpoint.optimizer},
 *     {@code checkpoint.schedule}, {@code checkpoint.best-value}, {@code checkpoint.best-epoch},
 *     {@code checkpoint.epochs-without-improvement}, {@code checkpoint.schedule-state.<key>};</li>
 * <li>arrays {@code optimizer/<state key>} (the optimizer's state), {@code best/<parameter>} (early stopping's
 *     best weights) and {@code history/<series>}: one row per series with one column per epoch,
 *     {@code train.loss}, {@code learning_rate}, {@code seconds} and each metric (NaN where an epoch lacks it).</li>
 * </ul>
 * Numbers are written so that they read back to the same double, so a resumed run continues bit for bit. Each
 * write replaces the file atomically: a run killed while writing leaves the previous checkpoint.
 *
 * <p>Loading validates the training state, so that a bad checkpoint is refused where it is read and not when
 * the resumed run fails later: numbers in bp's strict grammar, optimizer state and early stopping's best
 * weights finite (a NaN is named with its entry and index), the best weights shaped as the network's
 * parameters, the position consistent (best epoch before epochs done, history no longer than epochs done),
 * and — when the registries provide the recorded optimizer and schedule — the state exactly what a freshly
 * initialised optimizer for this network holds (same keys and shapes) and accepted by its {@code restore}.
 */
public final class Checkpoints {

    private static final Logger LOG = LoggerFactory.getLogger(Checkpoints.class);
    private static final String PREFIX = "checkpoint.";

    private Checkpoints() {}

    /**
     * A writer that saves to {@code file} after every {@code epochs} epochs, and after the last epoch.
     *
     * @throws IllegalArgumentException if {@code epochs < 1}
     */
    public static CheckpointWriter every(int epochs, Path file) {
        if (epochs < 1) {
            throw new IllegalArgumentException("Checkpoint interval must be at least 1 epoch, got " + epochs);
        }
        return new CheckpointWriter() {
            @Override
            public boolean due(int epochsDone, int totalEpochs) {
                return epochsDone % epochs == 0 || epochsDone == totalEpochs;
            }

            @Override
            public void write(Network network, Trainer trainer, TrainingState state) {
                try {
                    save(file, network, trainer, state);
                    LOG.debug("Checkpoint after epoch {} written to {}", state.epochsDone(), file);
                } catch (IOException e) {
                    throw new UncheckedIOException("Could not write the checkpoint " + file, e);
                }
            }
        };
    }

    /** Saves a checkpoint of a run now. */
    public static void save(Path file, Network network, Trainer trainer, TrainingState state) throws IOException {
        Map<String, String> meta = new LinkedHashMap<>();
        meta.put(PREFIX + "epochs-done", Integer.toString(state.epochsDone()));
        meta.put(PREFIX + "step", Long.toString(state.step()));
        meta.put(PREFIX + "dropout-seed", Long.toString(network.dropoutSeed()));
        meta.put(PREFIX + "optimizer", trainer.optimizer().spec().toString());
        trainer.schedule().ifPresent(s -> meta.put(PREFIX + "schedule", s.spec().toString()));
        meta.put(PREFIX + "best-value", Double.toString(state.bestValue()));
        meta.put(PREFIX + "best-epoch", Integer.toString(state.bestEpoch()));
        meta.put(PREFIX + "epochs-without-improvement", Integer.toString(state.epochsWithoutImprovement()));
        state.scheduleState().forEach((k, v) -> meta.put(PREFIX + "schedule-state." + k, Double.toString(v)));
        Map<String, DMatrixRMaj> arrays = new LinkedHashMap<>();
        state.optimizerState().forEach((k, v) -> arrays.put("optimizer/" + k, v));
        state.bestParameters().forEach((k, v) -> arrays.put("best/" + k, v));
        arrays.putAll(historyArrays(state.history()));
        ModelFile.save(
                file, new ModelDocument(network, Optional.of(trainer.loss().spec()), meta, arrays));
    }

    /**
     * Reads a checkpoint.
     *
     * @throws ModelFileException if the file is not a readable model file, or lacks the checkpoint entries
     */
    public static Checkpoint load(Path file, Registries registries) throws IOException {
        ModelDocument doc = ModelFile.load(file, registries);
        Map<String, String> meta = doc.metadata();
        String where = file.getFileName() + " is a model file but not a checkpoint: ";
        ComponentSpec loss = doc.loss().orElseThrow(() -> new ModelFileException(where + "it records no loss"));
        try {
            ComponentSpec optimizer = ComponentSpec.parse(required(meta, "optimizer", where));
            Optional<ComponentSpec> schedule =
                    Optional.ofNullable(meta.get(PREFIX + "schedule")).map(ComponentSpec::parse);
            Map<String, DMatrixRMaj> optimizerState = new HashMap<>();
            Map<String, DMatrixRMaj> best = new HashMap<>();
            doc.arrays().forEach((k, v) -> {
                if (k.startsWith("optimizer/")) {
                    optimizerState.put(k.substring("optimizer/".length()), v);
                } else if (k.startsWith("best/")) {
                    best.put(k.substring("best/".length()), v);
                }
            });
            Map<String, Double> scheduleState = new HashMap<>();
            for (Map.Entry<String, String> e : meta.entrySet()) {
                if (e.getKey().startsWith(PREFIX + "schedule-state.")) {
                    scheduleState.put(
                            e.getKey().substring((PREFIX + "schedule-state.").length()),
                            Numbers.parseReal(e.getValue(), "metadata '" + e.getKey() + "'"));
                }
            }
            TrainingState state = new TrainingState(
                    integer(meta, "epochs-done", where),
                    Numbers.parseLong(required(meta, "step", where), "metadata '" + PREFIX + "step'"),
                    readHistory(doc.arrays(), where),
                    optimizerState,
                    scheduleState,
                    Numbers.parseReal(required(meta, "best-value", where), "metadata '" + PREFIX + "best-value'"),
                    integer(meta, "best-epoch", where),
                    integer(meta, "epochs-without-improvement", where),
                    best);
            String dropoutSeed = meta.get(PREFIX + "dropout-seed");
            Network network = dropoutSeed == null
                    ? doc.network()
                    : doc.network()
                            .withDropoutSeed(Numbers.parseLong(dropoutSeed, "metadata '" + PREFIX + "dropout-seed'"));
            validate(network, state, optimizer, schedule, registries, where);
            return new Checkpoint(network, loss, optimizer, schedule, state);
        } catch (IllegalArgumentException e) {
            // NumberFormatException included: a value that does not read, or an invalid state
            throw new ModelFileException(where + e.getMessage(), e);
        }
    }

    /**
     * Checks that a trainer uses the components a checkpoint was written with, so that resuming continues the
     * same run.
     *
     * @throws IllegalArgumentException naming what differs
     */
    public static void requireSameRun(Checkpoint checkpoint, Trainer trainer) {
        check("loss", checkpoint.loss(), trainer.loss().spec());
        check("optimizer", checkpoint.optimizer(), trainer.optimizer().spec());
        check(
                "schedule",
                checkpoint.schedule().orElse(null),
                trainer.schedule().map(Schedule::spec).orElse(null));
    }

    private static void check(String what, ComponentSpec saved, ComponentSpec current) {
        if (saved == null ? current != null : !saved.equals(current)) {
            throw new IllegalArgumentException("The checkpoint was written with " + what + " " + saved
                    + " but this trainer uses " + current + "; resume with the same settings");
        }
    }

    private static int integer(Map<String, String> meta, String key, String where) throws ModelFileException {
        return Numbers.parseInt(required(meta, key, where), "metadata '" + PREFIX + key + "'");
    }

    /** The checks of the class documentation; each failure names the entry or value. */
    private static void validate(
            Network network,
            TrainingState state,
            ComponentSpec optimizerSpec,
            Optional<ComponentSpec> scheduleSpec,
            Registries registries,
            String where)
            throws ModelFileException {
        if (state.bestEpoch() < -1 || state.bestEpoch() >= state.epochsDone()) {
            throw new ModelFileException(where + "best-epoch " + state.bestEpoch() + " is not between -1 and"
                    + " epochs-done - 1 = " + (state.epochsDone() - 1));
        }
        if (state.epochsWithoutImprovement() < 0) {
            throw new ModelFileException(
                    where + "epochs-without-improvement is negative: " + state.epochsWithoutImprovement());
        }
        if (state.history().size() > state.epochsDone()) {
            throw new ModelFileException(where + "the history has "
                    + state.history().size() + " epochs but epochs-done is " + state.epochsDone());
        }
        requireFinite("optimizer/", state.optimizerState(), where);
        requireFinite("best/", state.bestParameters(), where);
        Map<String, DMatrixRMaj> shapes = new HashMap<>();
        network.parameters().forEach(p -> shapes.put(p.name(), p.value()));
        for (Map.Entry<String, DMatrixRMaj> e : state.bestParameters().entrySet()) {
            DMatrixRMaj parameter = shapes.get(e.getKey());
            if (parameter == null
                    || parameter.numRows != e.getValue().numRows
                    || parameter.numCols != e.getValue().numCols) {
                throw new ModelFileException(where + "entry best/" + e.getKey() + " is " + e.getValue().numRows + "x"
                        + e.getValue().numCols + " but the network "
                        + (parameter == null
                                ? "has no parameter of that name; it has " + new TreeSet<>(shapes.keySet())
                                : "parameter is " + parameter.numRows + "x" + parameter.numCols));
            }
        }
        if (registries.optimizers().contains(optimizerSpec.name())) {
            Optimizer fresh = registries.optimizers().create(optimizerSpec);
            fresh.initialise(network.parameters());
            Map<String, DMatrixRMaj> expected = fresh.state();
            Set<String> missing = new TreeSet<>(expected.keySet());
            missing.removeAll(state.optimizerState().keySet());
            Set<String> extra = new TreeSet<>(state.optimizerState().keySet());
            extra.removeAll(expected.keySet());
            if (!missing.isEmpty() || !extra.isEmpty()) {
                throw new ModelFileException(where + "the optimizer state does not fit " + optimizerSpec + " on this"
                        + " network:" + (missing.isEmpty() ? "" : " missing entries optimizer/" + missing)
                        + (extra.isEmpty() ? "" : " unexpected entries optimizer/" + extra));
            }
            for (Map.Entry<String, DMatrixRMaj> e : expected.entrySet()) {
                DMatrixRMaj saved = state.optimizerState().get(e.getKey());
                if (saved.numRows != e.getValue().numRows || saved.numCols != e.getValue().numCols) {
                    throw new ModelFileException(where + "entry optimizer/" + e.getKey() + " is " + saved.numRows
                            + "x" + saved.numCols + " but " + optimizerSpec.name() + " keeps it "
                            + e.getValue().numRows + "x" + e.getValue().numCols + " for this network");
                }
            }
            try {
                fresh.restore(state.optimizerState());
            } catch (RuntimeException e) {
                throw new ModelFileException(
                        where + "the optimizer state is refused by " + optimizerSpec + ": " + e.getMessage(), e);
            }
        }
        if (scheduleSpec.isPresent()
                && registries.schedules().contains(scheduleSpec.get().name())) {
            try {
                registries.schedules().create(scheduleSpec.get()).restore(state.scheduleState());
            } catch (RuntimeException e) {
                throw new ModelFileException(
                        where + "the schedule state is refused by " + scheduleSpec.get() + ": " + e.getMessage(), e);
            }
        }
    }

    private static void requireFinite(String prefix, Map<String, DMatrixRMaj> arrays, String where)
            throws ModelFileException {
        for (Map.Entry<String, DMatrixRMaj> e : arrays.entrySet()) {
            DMatrixRMaj m = e.getValue();
            for (int i = 0; i < m.getNumElements(); i++) {
                if (!Double.isFinite(m.data[i])) {
                    throw new ModelFileException(where + "entry " + prefix + e.getKey() + " holds " + m.data[i]
                            + " at index " + i + " (row " + i / m.numCols + ", column " + i % m.numCols
                            + "); training state must be finite numbers");
                }
            }
        }
    }

    private static String required(Map<String, String> meta, String key, String where) throws ModelFileException {
        String v = meta.get(PREFIX + key);
        if (v == null) {
            throw new ModelFileException(where + "metadata '" + PREFIX + key + "' is missing");
        }
        return v;
    }

    private static Map<String, DMatrixRMaj> historyArrays(History history) {
        Map<String, DMatrixRMaj> arrays = new LinkedHashMap<>();
        List<EpochRecord> epochs = history.epochs();
        if (epochs.isEmpty()) {
            return arrays;
        }
        int n = epochs.size();
        DMatrixRMaj epochNumbers = new DMatrixRMaj(1, n);
        DMatrixRMaj loss = new DMatrixRMaj(1, n);
        DMatrixRMaj rates = new DMatrixRMaj(1, n);
        DMatrixRMaj seconds = new DMatrixRMaj(1, n);
        TreeSet<String> keys = new TreeSet<>();
        epochs.forEach(r -> keys.addAll(r.metrics().keySet()));
        Map<String, DMatrixRMaj> metrics = new LinkedHashMap<>();
        keys.forEach(k -> metrics.put(k, new DMatrixRMaj(1, n)));
        for (int i = 0; i < n; i++) {
            EpochRecord r = epochs.get(i);
            epochNumbers.data[i] = r.epoch();
            loss.data[i] = r.trainLoss();
            rates.data[i] = r.learningRate();
            seconds.data[i] = r.seconds();
            for (String k : keys) {
                metrics.get(k).data[i] = r.metrics().getOrDefault(k, Double.NaN);
            }
        }
        arrays.put("history/epoch", epochNumbers);
        arrays.put("history/train.loss", loss);
        arrays.put("history/learning_rate", rates);
        arrays.put("history/seconds", seconds);
        metrics.forEach((k, v) -> arrays.put("history/metric/" + k, v));
        return arrays;
    }

    private static History readHistory(Map<String, DMatrixRMaj> arrays, String where) throws ModelFileException {
        DMatrixRMaj epochNumbers = arrays.get("history/epoch");
        if (epochNumbers == null) {
            return new History();
        }
        int n = epochNumbers.getNumElements();
        DMatrixRMaj loss = series(arrays, "history/train.loss", n, where);
        DMatrixRMaj rates = series(arrays, "history/learning_rate", n, where);
        DMatrixRMaj seconds = series(arrays, "history/seconds", n, where);
        Map<String, DMatrixRMaj> metrics = new LinkedHashMap<>();
        for (String key : arrays.keySet()) {
            if (key.startsWith("history/metric/")) {
                metrics.put(key.substring("history/metric/".length()), series(arrays, key, n, where));
            }
        }
        List<EpochRecord> records = new ArrayList<>();
        for (int i = 0; i < n; i++) {
            Map<String, Double> values = new LinkedHashMap<>();
            for (Map.Entry<String, DMatrixRMaj> e : metrics.entrySet()) {
                if (!Double.isNaN(e.getValue().data[i])) {
                    values.put(e.getKey(), e.getValue().data[i]);
                }
            }
            records.add(
                    new EpochRecord((int) epochNumbers.data[i], loss.data[i], values, rates.data[i], seconds.data[i]));
        }
        return new History(records);
    }

    private static DMatrixRMaj series(Map<String, DMatrixRMaj> arrays, String key, int epochs, String where)
            throws ModelFileException {
        DMatrixRMaj m = arrays.get(key);
        if (m == null || m.getNumElements() != epochs) {
            throw new ModelFileException(where + "history series '" + key + "' has "
                    + (m == null ? "no entry" : m.getNumElements() + " values") + " but history/epoch has " + epochs);
        }
        return m;
    }
}
