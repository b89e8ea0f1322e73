package dev.backprop.core.train;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.io.Writer;
import java.util.ArrayList;
import java.util.Collections;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Locale;
import java.util.Set;

/** The per-epoch record of a training run: losses, metrics, learning rates and times. */
public final class History {

    private final List<EpochRecord> epochs = new ArrayList<>();

    /** An empty history. */
    public History() {}

    /** A history holding the given records. */
    public History(List<EpochRecord> records) {
        epochs.addAll(records);
    }

    /** Appends an epoch's record. */
    public void add(EpochRecord record) {
        epochs.add(record);
    }

    /** The epochs in order. */
    public List<EpochRecord> epochs() {
        return Collections.unmodifiableList(epochs);
    }

    /** The number of epochs recorded. */
    public int size() {
        return epochs.size();
    }

    /**
     * The last epoch's record.
     *
     * @throws IllegalStateException if no epoch was recorded
     */
    public EpochRecord last() {
        if (epochs.isEmpty()) {
            throw new IllegalStateException("The history is empty: no epoch has finished");
        }
        return epochs.get(epochs.size() - 1);
    }

    /** One metric across the epochs, e.g. {@code train.loss} or {@code validation.accuracy}. */
    public double[] series(String key) {
        double[] values = new double[epochs.size()];
        for (int i = 0; i < values.length; i++) {
            values[i] = epochs.get(i).metric(key);
        }
        return values;
    }

    /** The metric keys of the recorded epochs, {@code train.loss} first. */
    public Set<String> keys() {
        Set<String> keys = new LinkedHashSet<>();
        keys.add("train.loss");
        for (EpochRecord r : epochs) {
            keys.addAll(new java.util.TreeSet<>(r.metrics().keySet()));
        }
        return keys;
    }

    /**
     * Writes the history as CSV: a header {@code epoch,train.loss,<metrics...>,learning_rate,seconds}, then one
     * row per epoch, numbers in round-trip precision.
     */
    public void writeCsv(Writer out) {
        Set<String> keys = keys();
        try {
            out.write("epoch");
            for (String k : keys) {
                out.write("," + k);
            }
            out.write(",learning_rate,seconds\n");
            for (EpochRecord r : epochs) {
                StringBuilder line = new StringBuilder().append(r.epoch());
                for (String k : keys) {
                    Double v = k.equals("train.loss")
                            ? Double.valueOf(r.trainLoss())
                            : r.metrics().get(k);
                    line.append(',').append(v == null ? "" : Double.toString(v));
                }
                line.append(',')
                        .append(r.learningRate())
                        .append(',')
                        .append(String.format(Locale.ROOT, "%.3f", r.seconds()))
                        .append('\n');
                out.write(line.toString());
            }
            out.flush();
        } catch (IOException e) {
            throw new UncheckedIOException("Could not write the training history", e);
        }
    }
}
