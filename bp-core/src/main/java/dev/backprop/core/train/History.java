package dev.backprop.core.train;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.io.Writer;
import java.util.AbstractList;
import java.util.Arrays;
import java.util.BitSet;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;
import java.util.TreeMap;

/**
 * The per-epoch record of a training run: losses, metrics, learning rates and times.
 *
 * <p>The figures are kept in primitive columns (one {@code double[]} per metric, grown by doubling), not as a
 * map per epoch: an epoch costs about 8 bytes per figure, so a run of millions of epochs stays small. The
 * {@link EpochRecord}s that {@link #epochs()} and {@link #last()} give are built on demand from the columns.
 */
public final class History {

    private static final int INITIAL_CAPACITY = 16;

    private int size;
    private int[] epochNumbers = new int[INITIAL_CAPACITY];
    private double[] trainLosses = new double[INITIAL_CAPACITY];
    private double[] learningRates = new double[INITIAL_CAPACITY];
    private double[] seconds = new double[INITIAL_CAPACITY];
    /** One column per metric key, sorted by key; an epoch without that metric has its bit clear in the mask. */
    private final Map<String, Column> metrics = new TreeMap<>();

    /** An empty history. */
    public History() {}

    /** A history holding the given records. */
    public History(List<EpochRecord> records) {
        for (EpochRecord r : records) {
            add(r);
        }
    }

    /** Appends an epoch's record. */
    public void add(EpochRecord record) {
        if (size == epochNumbers.length) {
            int capacity = grownCapacity(size);
            epochNumbers = Arrays.copyOf(epochNumbers, capacity);
            trainLosses = Arrays.copyOf(trainLosses, capacity);
            learningRates = Arrays.copyOf(learningRates, capacity);
            seconds = Arrays.copyOf(seconds, capacity);
        }
        epochNumbers[size] = record.epoch();
        trainLosses[size] = record.trainLoss();
        learningRates[size] = record.learningRate();
        seconds[size] = record.seconds();
        for (Map.Entry<String, Double> m : record.metrics().entrySet()) {
            metrics.computeIfAbsent(m.getKey(), k -> new Column()).set(size, m.getValue());
        }
        size++;
    }

    /** The epochs in order: a read-only view whose records are built from the columns when read. */
    public List<EpochRecord> epochs() {
        return new AbstractList<>() {
            @Override
            public EpochRecord get(int index) {
                return record(index);
            }

            @Override
            public int size() {
                return size;
            }
        };
    }

    /** The number of epochs recorded. */
    public int size() {
        return size;
    }

    /**
     * The last epoch's record.
     *
     * @throws IllegalStateException if no epoch was recorded
     */
    public EpochRecord last() {
        if (size == 0) {
            throw new IllegalStateException("The history is empty: no epoch has finished");
        }
        return record(size - 1);
    }

    /**
     * One metric across the epochs, e.g. {@code train.loss} or {@code validation.accuracy}.
     *
     * @throws IllegalArgumentException naming the first epoch that lacks the metric
     */
    public double[] series(String key) {
        if (key.equals("train.loss")) {
            return Arrays.copyOf(trainLosses, size);
        }
        Column column = metrics.get(key);
        for (int i = 0; i < size; i++) {
            if (column == null || !column.present.get(i)) {
                record(i).metric(key); // throws, naming the epoch and the metrics it has
            }
        }
        return size == 0 ? new double[0] : Arrays.copyOf(column.values, size);
    }

    /** The metric keys of the recorded epochs, {@code train.loss} first, then the others sorted. */
    public Set<String> keys() {
        Set<String> keys = new LinkedHashSet<>();
        keys.add("train.loss");
        keys.addAll(metrics.keySet());
        return keys;
    }

    /**
     * Writes the history as CSV: a header {@code epoch,train.loss,<metrics...>,learning_rate,seconds}, then one
     * row per epoch, numbers in round-trip precision.
     *
     * @throws UncheckedIOException if the writer fails, with the writer's own message
     */
    public void writeCsv(Writer out) {
        try {
            out.write("epoch,train.loss");
            for (String k : metrics.keySet()) {
                out.write("," + k);
            }
            out.write(",learning_rate,seconds\n");
            StringBuilder line = new StringBuilder();
            for (int i = 0; i < size; i++) {
                line.setLength(0);
                line.append(epochNumbers[i]).append(',').append(trainLosses[i]);
                for (Column c : metrics.values()) {
                    line.append(',');
                    if (c.present.get(i)) {
                        line.append(c.values[i]);
                    }
                }
                line.append(',')
                        .append(learningRates[i])
                        .append(',')
                        .append(String.format(Locale.ROOT, "%.3f", seconds[i]))
                        .append('\n');
                out.write(line.toString());
            }
            out.flush();
        } catch (IOException e) {
            throw new UncheckedIOException("Could not write the training history: " + e.getMessage(), e);
        }
    }

    private EpochRecord record(int index) {
        if (index < 0 || index >= size) {
            throw new IndexOutOfBoundsException("Epoch index " + index + " of a history of " + size + " epochs");
        }
        Map<String, Double> values = new TreeMap<>();
        for (Map.Entry<String, Column> c : metrics.entrySet()) {
            if (c.getValue().present.get(index)) {
                values.put(c.getKey(), c.getValue().values[index]);
            }
        }
        return new EpochRecord(epochNumbers[index], trainLosses[index], values, learningRates[index], seconds[index]);
    }

    private static int grownCapacity(int current) {
        if (current >= Integer.MAX_VALUE - 8) {
            throw new IllegalStateException("The history is full: " + current + " epochs");
        }
        return (int) Math.min(Integer.MAX_VALUE - 8L, Math.max(INITIAL_CAPACITY, current * 2L));
    }

    /** One metric's values by epoch index, with a mask of the epochs that have it. */
    private static final class Column {
        private double[] values = new double[INITIAL_CAPACITY];
        private final BitSet present = new BitSet();

        void set(int index, double value) {
            if (index >= values.length) {
                values = Arrays.copyOf(values, Math.max(grownCapacity(values.length), index + 1));
            }
            values[index] = value;
            present.set(index);
        }
    }
}
