package dev.backprop.examples.support;

import dev.backprop.core.io.OutputFiles;
import dev.backprop.core.train.EpochRecord;
import dev.backprop.core.train.History;
import java.io.IOException;
import java.io.OutputStreamWriter;
import java.io.UncheckedIOException;
import java.io.Writer;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;

/**
 * Writes a training history to a CSV file: a header {@code epoch,train.loss,<metrics...>,learning_rate,seconds},
 * then one row per epoch, numbers in round-trip precision. Epochs count from 1, as in the printed table and the
 * chart; a metric an epoch lacks is an empty cell.
 */
public final class HistoryCsv {

    private static final String TRAIN_LOSS = "train.loss";

    private HistoryCsv() {}

    /**
     * Writes the history atomically, replacing a regular file at the path and nothing else. The folder must
     * exist.
     *
     * @throws UncheckedIOException naming the file and the cause when it cannot be written
     */
    public static void write(History history, Path file) {
        try {
            OutputFiles.write(file, out -> {
                Writer w = new OutputStreamWriter(out, StandardCharsets.UTF_8);
                write(history, w);
                w.flush();
            });
        } catch (IOException e) {
            throw new UncheckedIOException("cannot write the history to " + file + ": " + e.getMessage(), e);
        } catch (UncheckedIOException e) {
            throw new UncheckedIOException(
                    "cannot write the history to " + file + ": " + e.getCause().getMessage(), e.getCause());
        }
    }

    /**
     * Writes the CSV text of the history.
     *
     * @throws IOException when the writer fails
     */
    static void write(History history, Writer out) throws IOException {
        List<String> metrics = new ArrayList<>(history.keys());
        metrics.remove(TRAIN_LOSS);
        StringBuilder line = new StringBuilder("epoch,").append(TRAIN_LOSS);
        for (String key : metrics) {
            line.append(',').append(key);
        }
        out.write(line.append(",learning_rate,seconds\n").toString());
        for (EpochRecord record : history.epochs()) {
            line.setLength(0);
            line.append(record.epoch() + 1).append(',').append(record.trainLoss());
            for (String key : metrics) {
                line.append(',');
                Double value = record.metrics().get(key);
                if (value != null) {
                    line.append(value.doubleValue());
                }
            }
            line.append(',')
                    .append(record.learningRate())
                    .append(',')
                    .append(String.format(Locale.ROOT, "%.3f", record.seconds()))
                    .append('\n');
            out.write(line.toString());
        }
    }
}
