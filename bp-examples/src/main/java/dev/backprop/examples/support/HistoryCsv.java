package dev.backprop.examples.support;

import dev.backprop.core.train.History;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.io.Writer;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;

/** Writes a training history to a CSV file: a header, then one row per epoch (see {@link History#writeCsv}). */
public final class HistoryCsv {

    private HistoryCsv() {}

    /**
     * Writes the history, creating missing parent folders and replacing an existing file.
     *
     * @throws UncheckedIOException naming the file when it cannot be written
     */
    public static void write(History history, Path file) {
        try {
            Path parent = file.toAbsolutePath().getParent();
            if (parent != null) {
                Files.createDirectories(parent);
            }
            try (Writer w = Files.newBufferedWriter(file, StandardCharsets.UTF_8)) {
                history.writeCsv(w);
            }
        } catch (IOException e) {
            throw new UncheckedIOException("cannot write the history to " + file + ": " + e.getMessage(), e);
        }
    }
}
