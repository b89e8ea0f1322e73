package dev.backprop.core.io;

import java.io.OutputStream;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.HexFormat;
import java.util.zip.CRC32;

/**
 * The two checksums of an entry: CRC-32, which the ZIP format records for every entry, and SHA-256, which
 * the manifest records for every array entry. Also an output stream that computes both while counting.
 */
final class Checksums extends OutputStream {

    private final CRC32 crc = new CRC32();
    private final MessageDigest sha256 = sha256();
    private long size;

    /** A SHA-256 digest, which every Java platform provides. */
    static MessageDigest sha256() {
        try {
            return MessageDigest.getInstance("SHA-256");
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException("This Java runtime lacks SHA-256, which every Java platform must have", e);
        }
    }

    /** Lower-case hexadecimal, as {@code sha256sum} prints it. */
    static String hex(byte[] digest) {
        return HexFormat.of().formatHex(digest);
    }

    /** The CRC-32 of some bytes. */
    static long crc32(byte[] bytes) {
        CRC32 c = new CRC32();
        c.update(bytes);
        return c.getValue();
    }

    @Override
    public void write(int b) {
        crc.update(b);
        sha256.update((byte) b);
        size++;
    }

    @Override
    public void write(byte[] b, int off, int len) {
        crc.update(b, off, len);
        sha256.update(b, off, len);
        size += len;
    }

    /** The bytes written so far. */
    long size() {
        return size;
    }

    /** The CRC-32 of the bytes written. */
    long crc() {
        return crc.getValue();
    }

    /** The SHA-256 of the bytes written, in hexadecimal; ends this digest. */
    String sha256Hex() {
        return hex(sha256.digest());
    }
}
