package dev.backprop.examples.support;

import dev.backprop.core.train.EpochRecord;
import dev.backprop.core.train.TrainingContext;
import dev.backprop.core.train.TrainingListener;
import java.io.PrintWriter;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Objects;

/**
 * Prints one row per epoch to a command's output: the epoch number, then the chosen figures of the epoch's
 * record ({@code train.loss}, {@code test.accuracy}, ...), under a header printed before the first epoch.
 */
public final class EpochTable implements TrainingListener {

    /**
     * One column of the table.
     *
     * @param key    the record's metric key, e.g. {@code test.accuracy}; {@code train.loss} is the epoch's mean
     *               batch loss
     * @param header the column's title
     */
    public record Column(String key, String header) {

        /** Checks the fields. */
        public Column {
            Objects.requireNonNull(key, "key");
            Objects.requireNonNull(header, "header");
        }
    }

    private static final int WIDTH = 12;

    private final PrintWriter out;
    private final List<Column> columns;
    private boolean headerPrinted;

    /**
     * A table of the given columns.
     *
     * @param out     where the rows go
     * @param columns the figures after the epoch number, in order
     */
    public EpochTable(PrintWriter out, List<Column> columns) {
        this.out = Objects.requireNonNull(out, "out");
        this.columns = List.copyOf(columns);
    }

    /** A column for a metric key, titled with the key. */
    public static Column column(String key) {
        return new Column(key, key);
    }

    /** The columns, in order. */
    public List<Column> columns() {
        return columns;
    }

    @Override
    public void onTrainingStart(TrainingContext context) {
        printHeader();
    }

    @Override
    public void onEpochEnd(TrainingContext context, EpochRecord record) {
        printHeader();
        StringBuilder row = new StringBuilder(String.format(Locale.ROOT, "%6d", record.epoch() + 1));
        for (Column c : columns) {
            row.append(String.format(Locale.ROOT, "  %" + WIDTH + ".6f", record.metric(c.key())));
        }
        out.println(row);
        out.flush();
    }

    private void printHeader() {
        if (headerPrinted) {
            return;
        }
        headerPrinted = true;
        List<String> cells = new ArrayList<>();
        cells.add(String.format(Locale.ROOT, "%6s", "epoch"));
        for (Column c : columns) {
            cells.add(String.format(Locale.ROOT, "%" + WIDTH + "s", c.header()));
        }
        out.println(String.join("  ", cells));
    }
}
