package dev.backprop.examples.support;

import dev.backprop.core.io.OutputFiles;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.LinkOption;
import java.nio.file.NoSuchFileException;
import java.nio.file.Path;
import java.util.List;
import java.util.Locale;
import java.util.stream.Collectors;

/**
 * Checks an output path of the {@code bp} program before any work starts: the extension fits the format, the
 * folder exists (or is created, when the user asked for it), it can be written, and nothing but a regular file is
 * at the path — a directory, a symbolic link or a device is refused, never replaced.
 */
public final class OutputPaths {

    private OutputPaths() {}

    /**
     * Checks one output path.
     *
     * @param option        the option that gave it, e.g. {@code --save}, for messages
     * @param file          the path
     * @param extensions    the accepted extensions, lower case without the dot, e.g. {@code [png, jpg]}
     * @param createFolders whether a missing folder is created (the user asked for it) rather than refused
     * @throws IllegalArgumentException naming the option and path when the extension does not fit
     * @throws UncheckedIOException     naming the option and path when the folder is missing or not writable, or
     *                                  something other than a regular file is there
     */
    public static void check(String option, Path file, List<String> extensions, boolean createFolders) {
        if (Files.exists(file, LinkOption.NOFOLLOW_LINKS)) {
            // what is there comes first: a directory or a device is the problem, whatever its name
            try {
                OutputFiles.check(file);
            } catch (IOException e) {
                throw new UncheckedIOException(option + " " + file + ": " + e.getMessage(), e);
            }
        }
        String extension = extension(file);
        if (!extensions.contains(extension)) {
            throw new IllegalArgumentException(option + " " + file + ": the file name must end in "
                    + extensions.stream().map(e -> "." + e).collect(Collectors.joining(", ")) + ", for the format"
                    + " written" + (extension.isEmpty() ? "" : " (." + extension + " is not one)"));
        }
        Path folder = file.toAbsolutePath().getParent();
        try {
            if (createFolders && !Files.exists(folder)) {
                Files.createDirectories(folder);
            }
            OutputFiles.check(file);
        } catch (NoSuchFileException e) {
            throw new UncheckedIOException(
                    option + " " + file + ": the folder " + folder + " does not exist; create it, or add"
                            + " --create-dirs to have bp create it",
                    e);
        } catch (IOException e) {
            throw new UncheckedIOException(option + " " + file + ": " + e.getMessage(), e);
        }
    }

    /** The extension of the file name, lower case without the dot; empty when there is none. */
    public static String extension(Path file) {
        Path name = file.getFileName();
        String text = name == null ? "" : name.toString();
        int dot = text.lastIndexOf('.');
        return dot <= 0 ? "" : text.substring(dot + 1).toLowerCase(Locale.ROOT);
    }
}
