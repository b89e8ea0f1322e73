package dev.backprop.core.io;

import java.io.BufferedOutputStream;
import java.io.FilterOutputStream;
import java.io.IOException;
import java.io.OutputStream;
import java.nio.channels.Channels;
import java.nio.channels.FileChannel;
import java.nio.file.FileAlreadyExistsException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.nio.file.StandardOpenOption;
import java.util.concurrent.ThreadLocalRandom;
import java.util.function.UnaryOperator;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Replaces a file so that readers see either the old or the new content, never a mixture: write a temporary
 * file in the same folder, force it to the device, then rename it over the target in one atomic step.
 *
 * <p>The temporary file is named {@code .<file name>.<random>.tmp}. It is created with the process's default
 * permissions (as the target would be when written directly), unlike {@link Files#createTempFile}, which makes
 * it readable by its owner only. If writing fails the temporary file is deleted and the target is untouched;
 * if the process is killed, the target is untouched and the temporary file stays behind, safe to delete. A
 * symbolic link at the target is replaced by the new file, not followed.
 */
final class AtomicWrite {

    private static final Logger LOG = LoggerFactory.getLogger(AtomicWrite.class);
    private static final int NAME_ATTEMPTS = 100;

    /** The content of the file, written to a stream that the body must not close. */
    @FunctionalInterface
    interface Body {
        /** Writes the content. */
        void writeTo(OutputStream out) throws IOException;
    }

    private AtomicWrite() {}

    /**
     * Writes {@code target} atomically.
     *
     * @param hook wraps the stream to the temporary file; identity except in tests that inject failures
     * @throws IOException if anything fails; the target is then unchanged and the temporary file deleted
     */
    static void replace(Path target, Body body, UnaryOperator<OutputStream> hook) throws IOException {
        Path absolute = target.toAbsolutePath();
        Path folder = absolute.getParent();
        if (Files.isDirectory(absolute)) {
            throw new IOException("Cannot save to " + target + ": it is a directory");
        }
        Path temp = createTemp(folder, absolute.getFileName().toString());
        boolean moved = false;
        try {
            try (FileChannel channel = FileChannel.open(temp, StandardOpenOption.WRITE)) {
                // never closed: the channel is closed by this block, after the data is forced to the device
                OutputStream out = new BufferedOutputStream(hook.apply(Channels.newOutputStream(channel)), 1 << 16);
                body.writeTo(new Unclosable(out));
                out.flush();
                channel.force(true);
            }
            Files.move(temp, absolute, StandardCopyOption.ATOMIC_MOVE, StandardCopyOption.REPLACE_EXISTING);
            moved = true;
        } finally {
            if (!moved) {
                try {
                    Files.deleteIfExists(temp);
                } catch (IOException e) {
                    LOG.warn("Could not delete the temporary file {} after a failed save: {}", temp, e.toString());
                }
            }
        }
        syncFolder(folder);
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

    /** Makes the rename itself durable where the platform allows it (POSIX); elsewhere it is skipped. */
    private static void syncFolder(Path folder) {
        try (FileChannel dir = FileChannel.open(folder, StandardOpenOption.READ)) {
            dir.force(true);
        } catch (IOException | RuntimeException e) {
            LOG.debug("Could not sync the folder {} after a rename: {}", folder, e.toString());
        }
    }

    /** A stream whose close only flushes, so that a body closing its wrappers leaves the channel to its owner. */
    private static final class Unclosable extends FilterOutputStream {
        Unclosable(OutputStream out) {
            super(out);
        }

        @Override
        public void write(byte[] b, int off, int len) throws IOException {
            out.write(b, off, len);
        }

        @Override
        public void close() throws IOException {
            flush();
        }
    }
}
