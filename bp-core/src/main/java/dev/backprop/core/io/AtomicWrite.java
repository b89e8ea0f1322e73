package dev.backprop.core.io;

import java.io.BufferedOutputStream;
import java.io.FilterOutputStream;
import java.io.IOException;
import java.io.OutputStream;
import java.nio.channels.Channels;
import java.nio.channels.FileChannel;
import java.nio.file.DirectoryStream;
import java.nio.file.FileAlreadyExistsException;
import java.nio.file.Files;
import java.nio.file.LinkOption;
import java.nio.file.NoSuchFileException;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.nio.file.StandardOpenOption;
import java.nio.file.attribute.BasicFileAttributes;
import java.util.concurrent.ThreadLocalRandom;
import java.util.function.UnaryOperator;
import java.util.regex.Pattern;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Replaces a file so that readers see either the old or the new content, never a mixture: write a temporary
 * file in the same folder, force it to the device, then rename it over the target in one atomic step.
 *
 * <p>The temporary file is named {@code .<file name>.<random>.tmp}. It is created with the process's default
 * permissions (as the target would be when written directly), unlike {@link Files#createTempFile}, which makes
 * it readable by its owner only. If writing fails the temporary file is deleted and the target is untouched;
 * if the process is killed, the target is untouched and the temporary file stays behind, until the next save to
 * the same target removes it (a temporary file of that target untouched for {@value #STALE_SECONDS} seconds is
 * one no live save is writing).
 *
 * <p>Only a regular file is ever replaced: a directory, a symbolic link (even one to a regular file), a device
 * or any other special file at the target is refused before anything is written, so a save can never turn
 * {@code /dev/full} or a link into a model file.
 */
final class AtomicWrite {

    private static final Logger LOG = LoggerFactory.getLogger(AtomicWrite.class);
    private static final int NAME_ATTEMPTS = 100;
    /** Age after which a temporary file of the target is taken as left behind by a killed save. */
    static final long STALE_SECONDS = 30;

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
        requireRegularOrAbsent(target);
        removeStaleTemporaries(folder, absolute.getFileName().toString());
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

    /**
     * Refuses a target that exists and is not a regular file: a directory, a symbolic link, a device, a pipe.
     *
     * @throws IOException naming the target and what it is
     */
    static void requireRegularOrAbsent(Path target) throws IOException {
        BasicFileAttributes attributes;
        try {
            attributes = Files.readAttributes(target, BasicFileAttributes.class, LinkOption.NOFOLLOW_LINKS);
        } catch (NoSuchFileException e) {
            return;
        }
        String kind = attributes.isRegularFile()
                ? null
                : attributes.isDirectory()
                        ? "a directory"
                        : attributes.isSymbolicLink() ? "a symbolic link" : "a device or other special file";
        if (kind != null) {
            throw new IOException("Cannot save to " + target + ": it is " + kind
                    + ", and bp replaces only regular files. Choose another path.");
        }
    }

    /** Deletes the {@code .<name>.<digits>.tmp} files of this target that no save has touched for a while. */
    private static void removeStaleTemporaries(Path folder, String fileName) {
        Pattern ours = Pattern.compile(Pattern.quote("." + fileName + ".") + "[0-9]{1,20}\\.tmp");
        long cutoff = System.currentTimeMillis() - STALE_SECONDS * 1000;
        try (DirectoryStream<Path> entries = Files.newDirectoryStream(
                folder, p -> ours.matcher(p.getFileName().toString()).matches())) {
            for (Path stale : entries) {
                try {
                    BasicFileAttributes a =
                            Files.readAttributes(stale, BasicFileAttributes.class, LinkOption.NOFOLLOW_LINKS);
                    if (a.isRegularFile() && a.lastModifiedTime().toMillis() < cutoff) {
                        Files.delete(stale);
                        LOG.info("Removed {}, left by an interrupted save", stale);
                    }
                } catch (IOException e) {
                    LOG.debug("Could not remove the stale temporary file {}: {}", stale, e.toString());
                }
            }
        } catch (IOException | RuntimeException e) {
            LOG.debug("Could not look for stale temporary files in {}: {}", folder, e.toString());
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
