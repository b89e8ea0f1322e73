package dev.backprop.examples.support;

import dev.backprop.core.io.OutputFiles;
import dev.backprop.core.train.History;
import java.io.IOException;
import java.io.OutputStreamWriter;
import java.io.UncheckedIOException;
import java.io.Writer;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;

/** Writes a training history to a CSV file: a header, then one row per epoch (see {@link History#writeCsv}). */
public final class HistoryCsv {

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
                history.writeCsv(w);
                w.flush();
            });
        } catch (IOException e) {
            throw new UncheckedIOException("cannot write the history to " + file + ": " + e.getMessage(), e);
        } catch (UncheckedIOException e) {
            throw new UncheckedIOException(
                    "cannot write the history to " + file + ": " + e.getCause().getMessage(), e.getCause());
        }
    }
}
