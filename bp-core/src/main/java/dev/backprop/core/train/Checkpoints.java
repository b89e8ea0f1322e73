package dev.backprop.core.train;

import dev.backprop.core.io.ModelDocument;
import dev.backprop.core.io.ModelFile;
import dev.backprop.core.io.ModelFileException;
import dev.backprop.core.network.Network;
import dev.backprop.core.registry.Registries;
import dev.backprop.core.spi.ComponentSpec;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
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
        if (trainer.schedule() != null) {
            meta.put(PREFIX + "schedule", trainer.schedule().spec().toString());
        }
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
                            Double.parseDouble(e.getValue()));
                }
            }
            TrainingState state = new TrainingState(
                    Integer.parseInt(required(meta, "epochs-done", where)),
                    Long.parseLong(required(meta, "step", where)),
                    readHistory(doc.arrays(), where),
                    optimizerState,
                    scheduleState,
                    Double.parseDouble(required(meta, "best-value", where)),
                    Integer.parseInt(required(meta, "best-epoch", where)),
                    Integer.parseInt(required(meta, "epochs-without-improvement", where)),
                    best);
            String dropoutSeed = meta.get(PREFIX + "dropout-seed");
            Network network =
                    dropoutSeed == null ? doc.network() : doc.network().withDropoutSeed(Long.parseLong(dropoutSeed));
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
                trainer.schedule() == null ? null : trainer.schedule().spec());
    }

    private static void check(String what, ComponentSpec saved, ComponentSpec current) {
        if (saved == null ? current != null : !saved.equals(current)) {
            throw new IllegalArgumentException("The checkpoint was written with " + what + " " + saved
                    + " but this trainer uses " + current + "; resume with the same settings");
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
