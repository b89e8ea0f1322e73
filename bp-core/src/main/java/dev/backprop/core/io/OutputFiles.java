package dev.backprop.core.io;

import java.io.IOException;
import java.io.OutputStream;
import java.nio.file.Files;
import java.nio.file.NoSuchFileException;
import java.nio.file.Path;
import java.util.Objects;
import java.util.function.UnaryOperator;

/**
 * Writes output files the way model files are written — atomically, replacing only a regular file — and checks
 * a target before the work that produces it starts, so that a bad path is reported before a long run, not
 * after it.
 */
public final class OutputFiles {

    /** The content of a file, written to a stream the body must not close. */
    @FunctionalInterface
    public interface Content {
        /** Writes the content. */
        void writeTo(OutputStream out) throws IOException;
    }

    private OutputFiles() {}

    /**
     * Checks that {@code target} can be written: its folder exists and is writable, and nothing but a regular
     * file is there. Writes nothing.
     *
     * @throws NoSuchFileException naming the missing folder
     * @throws IOException         naming the target and what is wrong with it (a directory, a symbolic link, a
     *                             device, a folder that cannot be written)
     */
    public static void check(Path target) throws IOException {
        Objects.requireNonNull(target, "target");
        AtomicWrite.requireRegularOrAbsent(target);
        Path folder = target.toAbsolutePath().getParent();
        if (!Files.isDirectory(folder)) {
            throw new NoSuchFileException(
                    target.toString(), null, "the folder " + folder + " does not exist (or is not a folder)");
        }
        if (!Files.isWritable(folder)) {
            throw new IOException("Cannot write " + target + ": the folder " + folder + " is not writable");
        }
        if (Files.exists(target) && !Files.isWritable(target)) {
            throw new IOException("Cannot write " + target + ": the file is not writable");
        }
    }

    /**
     * Writes {@code target} atomically: a temporary file in the same folder, forced to the device and renamed
     * over the target. Only a regular file is replaced; temporary files of earlier interrupted writes to the same
     * target are removed.
     *
     * @throws IOException naming the target if it is not a regular file or writing fails; the target is then
     *                     unchanged
     */
    public static void write(Path target, Content content) throws IOException {
        Objects.requireNonNull(target, "target");
        Objects.requireNonNull(content, "content");
        AtomicWrite.replace(target, content::writeTo, UnaryOperator.identity());
    }
}
