package dev.backprop.data.idx;

import dev.backprop.data.io.CompressedStreams;
import java.io.BufferedInputStream;
import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Arrays;
import java.util.Locale;

/**
 * Reads IDX files of unsigned bytes (the format of MNIST), raw or gzip-compressed (recognised by the gzip magic
 * bytes, not the name).
 *
 * <p>The format (LeCun et al., "THE MNIST DATABASE of handwritten digits"): a magic number of four bytes — two
 * zero bytes, the element type (0x08 = unsigned byte, the only type read here) and the number of dimensions d —
 * then d big-endian 32-bit sizes, then the elements in row-major order. Images are therefore 0x00000803
 * (count × rows × columns) and labels 0x00000801 (count).
 *
 * <p>Every claim is checked before memory is allocated for it: the product of the sizes must not exceed the
 * reader's byte limit; for a raw file it must equal the bytes after the header, known from the file length;
 * for a compressed stream, whose length is unknown, the buffer grows only as bytes actually arrive, so a header
 * claiming 2^31 images fails with the claimed numbers and a truncated stream fails with its byte offset. Data
 * after the claimed elements is an error too.
 */
public final class IdxReader {

    /** The default limit: the largest Java byte array. */
    public static final long DEFAULT_MAX_BYTES = Integer.MAX_VALUE - 8;

    /** Magic number of an image file: unsigned bytes, 3 dimensions. */
    public static final int IMAGES_MAGIC = 0x00000803;

    /** Magic number of a label file: unsigned bytes, 1 dimension. */
    public static final int LABELS_MAGIC = 0x00000801;

    private static final int UNSIGNED_BYTE = 0x08;
    private static final int FIRST_CHUNK = 1 << 20;

    private final long maxBytes;

    /** A reader with the limit {@link #DEFAULT_MAX_BYTES}. */
    public IdxReader() {
        this(DEFAULT_MAX_BYTES);
    }

    /**
     * A reader that refuses files claiming more than {@code maxBytes} elements.
     *
     * @param maxBytes in [0, {@link #DEFAULT_MAX_BYTES}]
     */
    public IdxReader(long maxBytes) {
        if (maxBytes < 0 || maxBytes > DEFAULT_MAX_BYTES) {
            throw new IllegalArgumentException("maxBytes must be in [0, " + DEFAULT_MAX_BYTES + "], got " + maxBytes);
        }
        this.maxBytes = maxBytes;
    }

    /** The largest number of elements this reader accepts. */
    public long maxBytes() {
        return maxBytes;
    }

    /**
     * Reads a file with any number of dimensions.
     *
     * @throws UncheckedIOException     when the file cannot be read
     * @throws IllegalArgumentException naming the file and the values when the file is not a valid IDX file
     */
    public IdxArray read(Path file) {
        return read(file, 0);
    }

    /**
     * Reads an image file: magic 0x00000803, dimensions count × rows × columns.
     *
     * @throws UncheckedIOException     when the file cannot be read
     * @throws IllegalArgumentException naming the file and the values when it is not a valid IDX image file
     */
    public IdxArray readImages(Path file) {
        return read(file, 3);
    }

    /**
     * Reads a label file: magic 0x00000801, one dimension (count).
     *
     * @throws UncheckedIOException     when the file cannot be read
     * @throws IllegalArgumentException naming the file and the values when it is not a valid IDX label file
     */
    public IdxArray readLabels(Path file) {
        return read(file, 1);
    }

    /**
     * Reads a stream to its end; it is not closed.
     *
     * @param in                 raw or gzip-compressed IDX bytes. Read from.
     * @param sourceName         the name used in error messages
     * @param expectedDimensions 3 for images, 1 for labels, 0 to accept any
     * @throws UncheckedIOException     when reading fails
     * @throws IllegalArgumentException naming the source and the values when the content is not valid
     */
    public IdxArray read(InputStream in, String sourceName, int expectedDimensions) {
        try {
            return parse(CompressedStreams.decompressIfGzip(in), sourceName, -1, expectedDimensions);
        } catch (IOException e) {
            throw new UncheckedIOException("cannot read " + sourceName + ": " + e.getMessage(), e);
        }
    }

    private IdxArray read(Path file, int expectedDimensions) {
        String name = file.getFileName().toString();
        try {
            boolean gzip = CompressedStreams.isGzip(file);
            long length = gzip ? -1 : Files.size(file);
            try (InputStream raw = Files.newInputStream(file);
                    InputStream in =
                            gzip ? CompressedStreams.decompressIfGzip(raw) : new BufferedInputStream(raw, 1 << 16)) {
                return parse(in, name, length, expectedDimensions);
            }
        } catch (IOException e) {
            throw new UncheckedIOException("cannot read " + file + ": " + e.getMessage(), e);
        }
    }

    /**
     * Parses a stream of uncompressed IDX bytes.
     *
     * @param knownLength the total number of uncompressed bytes, or −1 when unknown
     */
    private IdxArray parse(InputStream in, String source, long knownLength, int expectedDimensions) throws IOException {
        byte[] magic = new byte[4];
        int got = readFully(in, magic, 0, 4);
        if (got < 4) {
            throw new IllegalArgumentException(
                    source + " is truncated: " + got + " bytes, too short for the 4-byte IDX magic number");
        }
        int magicNumber =
                ((magic[0] & 0xFF) << 24) | ((magic[1] & 0xFF) << 16) | ((magic[2] & 0xFF) << 8) | (magic[3] & 0xFF);
        String expected = expectedDimensions == 3
                ? " (expected " + hex(IMAGES_MAGIC) + " for images)"
                : expectedDimensions == 1 ? " (expected " + hex(LABELS_MAGIC) + " for labels)" : "";
        if (magic[0] != 0 || magic[1] != 0) {
            throw new IllegalArgumentException(source + " has magic number " + hex(magicNumber) + expected
                    + "; an IDX file starts with two zero bytes");
        }
        int type = magic[2] & 0xFF;
        if (type != UNSIGNED_BYTE) {
            throw new IllegalArgumentException(source + " has magic number " + hex(magicNumber) + expected
                    + ": element type 0x" + String.format(Locale.ROOT, "%02x", type)
                    + " is not supported, only 0x08 (unsigned byte)");
        }
        int dimensionCount = magic[3] & 0xFF;
        if (dimensionCount == 0 || (expectedDimensions > 0 && dimensionCount != expectedDimensions)) {
            throw new IllegalArgumentException(source + " has magic number " + hex(magicNumber) + expected
                    + ", declaring " + dimensionCount + " dimensions");
        }
        int headerBytes = 4 + 4 * dimensionCount;
        byte[] sizes = new byte[4 * dimensionCount];
        got = readFully(in, sizes, 0, sizes.length);
        if (got < sizes.length) {
            throw new IllegalArgumentException(source + " is truncated: its header needs " + headerBytes + " bytes for "
                    + dimensionCount + " dimensions, but the data ends after " + (4 + got));
        }
        long[] claimed = new long[dimensionCount];
        long total = 1;
        boolean overflow = false;
        for (int d = 0; d < dimensionCount; d++) {
            int o = 4 * d;
            // each size is a big-endian unsigned 32-bit integer
            claimed[d] = ((sizes[o] & 0xFFL) << 24)
                    | ((sizes[o + 1] & 0xFFL) << 16)
                    | ((sizes[o + 2] & 0xFFL) << 8)
                    | (sizes[o + 3] & 0xFFL);
            if (!overflow) {
                try {
                    total = Math.multiplyExact(total, claimed[d]);
                } catch (ArithmeticException e) {
                    overflow = true;
                }
            }
        }
        String claim = source + " claims " + joinDimensions(claimed) + " = "
                + (overflow ? "more than 2^63" : String.valueOf(total)) + " bytes of data";
        if (overflow || total > maxBytes) {
            throw new IllegalArgumentException(claim + ", more than the limit of " + maxBytes + " bytes");
        }
        for (int d = 0; d < dimensionCount; d++) {
            if (claimed[d] > Integer.MAX_VALUE) {
                throw new IllegalArgumentException(
                        claim + ", but dimension " + d + " (" + claimed[d] + ") is larger than " + Integer.MAX_VALUE);
            }
        }
        if (knownLength >= 0 && knownLength - headerBytes != total) {
            throw new IllegalArgumentException(claim + ", but the file has " + (knownLength - headerBytes)
                    + " bytes after its " + headerBytes + "-byte header");
        }
        int[] dimensions = new int[dimensionCount];
        for (int d = 0; d < dimensionCount; d++) {
            dimensions[d] = (int) claimed[d];
        }
        byte[] data = readData(in, (int) total, knownLength >= 0, source, headerBytes, claim);
        if (in.read() >= 0) {
            throw new IllegalArgumentException(
                    claim + ", but there are more bytes after offset " + (headerBytes + total));
        }
        return new IdxArray(dimensions, data);
    }

    /**
     * Reads exactly {@code total} bytes. With a known length the array is allocated at once (the length was
     * checked); otherwise it grows by doubling as bytes arrive, so memory follows the actual data, not the claim.
     */
    private static byte[] readData(
            InputStream in, int total, boolean lengthKnown, String source, int headerBytes, String claim)
            throws IOException {
        byte[] data = new byte[lengthKnown ? total : Math.min(total, FIRST_CHUNK)];
        int filled = 0;
        while (filled < total) {
            if (filled == data.length) {
                data = Arrays.copyOf(data, (int) Math.min(total, 2L * data.length));
            }
            int n = in.read(data, filled, data.length - filled);
            if (n < 0) {
                throw new IllegalArgumentException(source + " is truncated: " + claim.substring(source.length() + 1)
                        + " after its " + headerBytes + "-byte header, but the data ends after " + filled
                        + " of them, at byte offset " + (headerBytes + (long) filled));
            }
            filled += n;
        }
        return data;
    }

    private static int readFully(InputStream in, byte[] buffer, int offset, int length) throws IOException {
        int filled = 0;
        while (filled < length) {
            int n = in.read(buffer, offset + filled, length - filled);
            if (n < 0) {
                break;
            }
            filled += n;
        }
        return filled;
    }

    private static String joinDimensions(long[] dims) {
        StringBuilder s = new StringBuilder();
        for (int d = 0; d < dims.length; d++) {
            if (d > 0) {
                s.append(" × ");
            }
            s.append(dims[d]);
        }
        return s.toString();
    }

    private static String hex(int value) {
        return String.format(Locale.ROOT, "0x%08x", value);
    }
}
