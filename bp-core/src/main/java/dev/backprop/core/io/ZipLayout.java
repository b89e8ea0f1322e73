package dev.backprop.core.io;

import dev.backprop.core.spi.Echo;
import java.io.IOException;
import java.nio.ByteBuffer;
import java.nio.ByteOrder;
import java.nio.channels.FileChannel;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.nio.file.StandardOpenOption;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;

/**
 * Where each entry of a ZIP archive lies in the file, read from the central directory and the local headers, to
 * refuse entries that overlap: a forged archive points many directory records at the same bytes so that a
 * reader allocates far more than the file holds. An entry spans its local header, name, extra field and data; no
 * two spans may share a byte, and none may reach into the central directory.
 *
 * <p>ZIP64 archives (entries or offsets past 4 GiB) are left to the size bound of {@link ModelReader}, which
 * refuses entries whose sizes add up to more than the file.
 */
final class ZipLayout {

    private static final int EOCD_SIGNATURE = 0x06054b50;
    private static final int CENTRAL_SIGNATURE = 0x02014b50;
    private static final int LOCAL_SIGNATURE = 0x04034b50;
    private static final int EOCD_BYTES = 22;
    private static final int MAX_COMMENT = 0xFFFF;
    private static final long ZIP64_MARK = 0xFFFFFFFFL;
    /** The largest central directory read: far above what {@link ModelFile#MAX_ENTRIES} entries need. */
    private static final long MAX_DIRECTORY_BYTES = 64L << 20;

    private record Span(String name, long start, long end) {}

    private ZipLayout() {}

    /**
     * Refuses an archive whose entries overlap or reach into the central directory.
     *
     * @throws ModelFileException naming the two entries and their byte ranges
     */
    static void requireDisjointEntries(Path path, String file) throws IOException {
        try (FileChannel channel = FileChannel.open(path, StandardOpenOption.READ)) {
            long size = channel.size();
            int tailLength = (int) Math.min(size, EOCD_BYTES + MAX_COMMENT);
            ByteBuffer tail = read(channel, size - tailLength, tailLength);
            int eocd = -1;
            for (int at = tailLength - EOCD_BYTES; at >= 0; at--) {
                if (tail.getInt(at) == EOCD_SIGNATURE
                        && at + EOCD_BYTES + Short.toUnsignedInt(tail.getShort(at + 20)) == tailLength) {
                    eocd = at;
                    break;
                }
            }
            if (eocd < 0) {
                return; // not a ZIP archive: ZipFile reports it
            }
            int entries = Short.toUnsignedInt(tail.getShort(eocd + 10));
            long directorySize = Integer.toUnsignedLong(tail.getInt(eocd + 12));
            long directoryOffset = Integer.toUnsignedLong(tail.getInt(eocd + 16));
            if (entries == 0xFFFF
                    || directorySize == ZIP64_MARK
                    || directoryOffset == ZIP64_MARK
                    || directorySize > MAX_DIRECTORY_BYTES
                    || directoryOffset + directorySize > size) {
                return; // ZIP64, or a directory ZipFile itself refuses
            }
            ByteBuffer directory = read(channel, directoryOffset, (int) directorySize);
            List<Span> spans = new ArrayList<>();
            int at = 0;
            for (int i = 0; i < entries; i++) {
                if (at + 46 > directorySize || directory.getInt(at) != CENTRAL_SIGNATURE) {
                    return; // a damaged directory: ZipFile reports it
                }
                long compressed = Integer.toUnsignedLong(directory.getInt(at + 20));
                int nameLength = Short.toUnsignedInt(directory.getShort(at + 28));
                int extraLength = Short.toUnsignedInt(directory.getShort(at + 30));
                int commentLength = Short.toUnsignedInt(directory.getShort(at + 32));
                long local = Integer.toUnsignedLong(directory.getInt(at + 42));
                if (compressed == ZIP64_MARK || local == ZIP64_MARK || at + 46 + nameLength > directorySize) {
                    return;
                }
                byte[] nameBytes = new byte[nameLength];
                directory.get(at + 46, nameBytes);
                String name = new String(nameBytes, StandardCharsets.UTF_8);
                if (local + 30 > size) {
                    throw overlap(
                            file,
                            "entry " + Echo.quote(name) + " starts at byte " + local + ", past the end of"
                                    + " the file (" + size + " bytes)");
                }
                ByteBuffer header = read(channel, local, 30);
                if (header.getInt(0) != LOCAL_SIGNATURE) {
                    throw overlap(
                            file,
                            "entry " + Echo.quote(name) + " points at byte " + local + ", where no entry" + " starts");
                }
                long end = local
                        + 30
                        + Short.toUnsignedInt(header.getShort(26))
                        + Short.toUnsignedInt(header.getShort(28))
                        + compressed;
                spans.add(new Span(name, local, end));
                at += 46 + nameLength + extraLength + commentLength;
            }
            spans.sort(Comparator.comparingLong(Span::start));
            for (int i = 0; i < spans.size(); i++) {
                Span s = spans.get(i);
                long limit = i + 1 < spans.size() ? spans.get(i + 1).start() : directoryOffset;
                if (s.end() > limit) {
                    String other = i + 1 < spans.size()
                            ? "entry " + Echo.quote(spans.get(i + 1).name()) + " (from byte " + limit + ")"
                            : "the central directory (from byte " + limit + ")";
                    throw overlap(
                            file,
                            "entry " + Echo.quote(s.name()) + " (bytes " + s.start() + " to " + s.end() + ") overlaps "
                                    + other);
                }
            }
        }
    }

    private static ModelFileException overlap(String file, String problem) {
        return new ModelFileException(file + " is not a readable bp model file: " + problem
                + "; entries of a bp model file never share bytes (a forged archive makes a reader allocate more"
                + " than the file holds)");
    }

    private static ByteBuffer read(FileChannel channel, long position, int length) throws IOException {
        ByteBuffer buffer = ByteBuffer.allocate(length).order(ByteOrder.LITTLE_ENDIAN);
        while (buffer.hasRemaining()) {
            if (channel.read(buffer, position + buffer.position()) < 0) {
                break;
            }
        }
        buffer.clear();
        return buffer;
    }
}
