package dev.backprop.onnx;

import java.io.IOException;
import java.io.OutputStream;
import java.nio.channels.Channels;
import java.nio.channels.FileChannel;
import java.nio.file.FileAlreadyExistsException;
import java.nio.file.Files;
import java.nio.file.LinkOption;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.nio.file.StandardOpenOption;
import java.util.concurrent.ThreadLocalRandom;
import java.util.function.UnaryOperator;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Replaces a file so that readers see the old or the new content, never a mixture: the bytes go to
 * {@code .<name>.<random>.tmp} in the same folder, are forced to the device and renamed over the target in one
 * atomic step. Only a regular file (or nothing) is replaced: a directory, a symbolic link or a device at the target
 * is refused before anything is written.
 */
final class AtomicFile {

    private static final Logger LOG = LoggerFactory.getLogger(AtomicFile.class);
    private static final int NAME_ATTEMPTS = 100;

    private AtomicFile() {}

    /**
     * Writes {@code bytes} to {@code target} atomically.
     *
     * @param hook wraps the stream to the temporary file; identity except in tests that inject failures
     * @throws IOException naming the target if it is not a regular file, its folder does not exist, or writing
     *                     fails; the target is then unchanged and the temporary file deleted
     */
    static void replace(Path target, byte[] bytes, UnaryOperator<OutputStream> hook) throws IOException {
        Path absolute = target.toAbsolutePath();
        if (Files.exists(absolute, LinkOption.NOFOLLOW_LINKS)
                && !Files.isRegularFile(absolute, LinkOption.NOFOLLOW_LINKS)) {
            String kind = Files.isDirectory(absolute, LinkOption.NOFOLLOW_LINKS)
                    ? "a directory"
                    : Files.isSymbolicLink(absolute) ? "a symbolic link" : "not a regular file";
            throw new IOException("Cannot write the ONNX model to " + target + ": it is " + kind
                    + "; only a regular file is replaced");
        }
        Path folder = absolute.getParent();
        if (folder == null || !Files.isDirectory(folder)) {
            throw new IOException(
                    "Cannot write the ONNX model to " + target + ": the folder " + folder + " does not exist");
        }
        Path temp;
        try {
            temp = createTemp(folder, absolute.getFileName().toString());
        } catch (IOException e) {
            throw new IOException(
                    "Cannot write the ONNX model to " + target + ": cannot create a file in " + folder + " (" + e + ")",
                    e);
        }
        boolean moved = false;
        try {
            try (FileChannel channel = FileChannel.open(temp, StandardOpenOption.WRITE)) {
                OutputStream out = hook.apply(Channels.newOutputStream(channel));
                out.write(bytes);
                out.flush();
                channel.force(true);
            }
            Files.move(temp, absolute, StandardCopyOption.ATOMIC_MOVE, StandardCopyOption.REPLACE_EXISTING);
            moved = true;
        } catch (IOException e) {
            throw new IOException("Cannot write the ONNX model to " + target + ": " + e, e);
        } finally {
            if (!moved) {
                try {
                    Files.deleteIfExists(temp);
                } catch (IOException e) {
                    LOG.warn("Could not delete the temporary file {} after a failed write: {}", temp, e.toString());
                }
            }
        }
    }

    private static Path createTemp(Path folder, String fileName) throws IOException {
        for (int attempt = 0; ; attempt++) {
            Path temp = folder.resolve("." + fileName + "."
                    + Long.toUnsignedString(ThreadLocalRandom.current().nextLong()) + ".tmp");
            try {
                FileChannel.open(temp, StandardOpenOption.CREATE_NEW, StandardOpenOption.WRITE)
                        .close();
                return temp;
            } catch (FileAlreadyExistsException e) {
                if (attempt >= NAME_ATTEMPTS) {
                    throw e;
                }
            }
        }
    }
}
