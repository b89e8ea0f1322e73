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
 * Prints one row per epoch to a command's output: the epoch number (from 1), then the chosen figures of the
 * epoch's record ({@code train.loss}, {@code test.accuracy}, ...), under a header printed before the first epoch.
 * When the table has {@code train.loss} and other figures, a note above the header says how they differ:
 * {@code train.loss} is the mean of the epoch's batch losses, taken while the weights changed, and every other
 * figure is measured after the epoch. Figures of magnitude {@value #LARGE} or more, and non-finite ones, are shown
 * in scientific notation, so a diverging run never prints hundreds of digits.
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

    /** The magnitude from which a figure is printed in scientific notation. */
    static final double LARGE = 1e6;

    /** The note printed above the header when the table has the train loss and other figures. */
    static final String NOTE =
            "(train loss: mean over the epoch's batches; the other columns: measured after the epoch)";

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
            row.append("  ").append(format(record.metric(c.key())));
        }
        out.println(row);
        out.flush();
    }

    /**
     * One figure in a cell of the table's width: six decimals, or scientific notation with four when its magnitude
     * is {@value #LARGE} or more; {@code NaN} and {@code Infinity} as Java names them.
     */
    static String format(double value) {
        if (!Double.isFinite(value)) {
            return String.format(Locale.ROOT, "%" + WIDTH + "s", value);
        }
        String pattern = Math.abs(value) >= LARGE ? ".4e" : ".6f";
        return String.format(Locale.ROOT, "%" + WIDTH + pattern, value);
    }

    private void printHeader() {
        if (headerPrinted) {
            return;
        }
        headerPrinted = true;
        boolean trainLoss = columns.stream().anyMatch(c -> c.key().equals("train.loss"));
        if (trainLoss && columns.size() > 1) {
            out.println(NOTE);
        }
        List<String> cells = new ArrayList<>();
        cells.add(String.format(Locale.ROOT, "%6s", "epoch"));
        for (Column c : columns) {
            cells.add(String.format(Locale.ROOT, "%" + WIDTH + "s", c.header()));
        }
        out.println(String.join("  ", cells));
    }
}
