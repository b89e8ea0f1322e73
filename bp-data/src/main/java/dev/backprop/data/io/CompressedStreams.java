package dev.backprop.data.io;

import java.io.BufferedInputStream;
import java.io.IOException;
import java.io.InputStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.zip.GZIPInputStream;

/**
 * Opens files and streams that may be gzip-compressed, recognising gzip by its first two bytes
 * (0x1f 0x8b, RFC 1952) rather than by the file name.
 */
public final class CompressedStreams {

    private static final int GZIP_MAGIC_1 = 0x1f;
    private static final int GZIP_MAGIC_2 = 0x8b;
    private static final int BUFFER = 1 << 16;

    private CompressedStreams() {}

    /**
     * A buffered stream of the decompressed bytes when {@code in} starts with the gzip magic bytes, otherwise of
     * {@code in}'s own bytes. Closing the result closes {@code in}.
     *
     * @param in the raw stream, positioned at its start. Read from.
     * @throws IOException when reading fails or the gzip header is corrupt
     */
    public static InputStream decompressIfGzip(InputStream in) throws IOException {
        BufferedInputStream buffered = in instanceof BufferedInputStream b ? b : new BufferedInputStream(in, BUFFER);
        if (startsWithGzipMagic(buffered)) {
            return new BufferedInputStream(new GZIPInputStream(buffered, BUFFER), BUFFER);
        }
        return buffered;
    }

    /**
     * Whether the file starts with the gzip magic bytes.
     *
     * @throws IOException when the file cannot be read
     */
    public static boolean isGzip(Path file) throws IOException {
        try (InputStream in = new BufferedInputStream(Files.newInputStream(file), 2)) {
            return startsWithGzipMagic(in);
        }
    }

    private static boolean startsWithGzipMagic(InputStream in) throws IOException {
        in.mark(2);
        int b1 = in.read();
        int b2 = in.read();
        in.reset();
        return b1 == GZIP_MAGIC_1 && b2 == GZIP_MAGIC_2;
    }
}
