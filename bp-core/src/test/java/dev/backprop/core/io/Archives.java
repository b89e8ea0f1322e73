package dev.backprop.core.io;

import java.io.BufferedOutputStream;
import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.Enumeration;
import java.util.HexFormat;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Set;
import java.util.zip.CRC32;
import java.util.zip.ZipEntry;
import java.util.zip.ZipFile;
import java.util.zip.ZipOutputStream;

/**
 * Reads and rewrites ZIP archives entry by entry, so tests can craft damaged or edited model files. Rewritten
 * archives are valid ZIP files (stored entries with correct CRCs): only what a test changes is wrong.
 */
final class Archives {

    private Archives() {}

    /** Every entry's bytes by name, in archive order. */
    static Map<String, byte[]> read(Path file) throws IOException {
        Map<String, byte[]> entries = new LinkedHashMap<>();
        try (ZipFile zip = new ZipFile(file.toFile())) {
            for (Enumeration<? extends ZipEntry> it = zip.entries(); it.hasMoreElements(); ) {
                ZipEntry e = it.nextElement();
                try (InputStream in = zip.getInputStream(e)) {
                    entries.put(e.getName(), in.readAllBytes());
                }
            }
        }
        return entries;
    }

    /** Writes the entries, uncompressed, in map order. */
    static void write(Path file, Map<String, byte[]> entries) throws IOException {
        write(file, entries, Set.of());
    }

    /** Writes the entries in map order, those named in {@code deflated} compressed and the others stored. */
    static void write(Path file, Map<String, byte[]> entries, Set<String> deflated) throws IOException {
        try (OutputStream out = new BufferedOutputStream(Files.newOutputStream(file));
                ZipOutputStream zip = new ZipOutputStream(out)) {
            for (Map.Entry<String, byte[]> e : entries.entrySet()) {
                ZipEntry entry = new ZipEntry(e.getKey());
                if (!deflated.contains(e.getKey())) {
                    CRC32 crc = new CRC32();
                    crc.update(e.getValue());
                    entry.setMethod(ZipEntry.STORED);
                    entry.setSize(e.getValue().length);
                    entry.setCompressedSize(e.getValue().length);
                    entry.setCrc(crc.getValue());
                }
                zip.putNextEntry(entry);
                zip.write(e.getValue());
                zip.closeEntry();
            }
        }
    }

    /** The manifest's text. */
    static String manifest(Map<String, byte[]> entries) {
        return new String(entries.get("manifest.txt"), StandardCharsets.UTF_8);
    }

    /** Replaces the manifest's text. */
    static void setManifest(Map<String, byte[]> entries, String text) {
        entries.put("manifest.txt", text.getBytes(StandardCharsets.UTF_8));
    }

    /** The manifest with the line of {@code key} given a new value. */
    static String withLine(String manifest, String key, String value) {
        StringBuilder sb = new StringBuilder();
        boolean found = false;
        for (String line : manifest.split("\n")) {
            if (line.startsWith(key + " = ")) {
                line = key + " = " + value;
                found = true;
            }
            sb.append(line).append('\n');
        }
        if (!found) {
            throw new IllegalArgumentException("No line '" + key + "' in the manifest");
        }
        return sb.toString();
    }

    /** The manifest without the line of {@code key}. */
    static String withoutLine(String manifest, String key) {
        StringBuilder sb = new StringBuilder();
        boolean found = false;
        for (String line : manifest.split("\n")) {
            if (line.startsWith(key + " = ")) {
                found = true;
            } else {
                sb.append(line).append('\n');
            }
        }
        if (!found) {
            throw new IllegalArgumentException("No line '" + key + "' in the manifest");
        }
        return sb.toString();
    }

    /** Replaces an array entry and updates its SHA-256 in the manifest, so only the content is changed. */
    static void replaceArray(Map<String, byte[]> entries, String name, byte[] npy) {
        entries.put(name, npy);
        setManifest(entries, withLine(manifest(entries), "sha256." + name, sha256(npy)));
    }

    /** SHA-256 in lower-case hex. */
    static String sha256(byte[] bytes) {
        try {
            return HexFormat.of().formatHex(MessageDigest.getInstance("SHA-256").digest(bytes));
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException(e);
        }
    }

    /**
     * An NPY entry with a hand-written header dict, padded to 64 bytes as the format asks, followed by
     * {@code dataBytes} zero bytes.
     *
     * @param major 1 for a uint16 header length, 2 for uint32
     */
    static byte[] npy(String dict, int major, int extraHeaderSpaces, int dataBytes) {
        int lengthBytes = major == 1 ? 2 : 4;
        String header = dict + " ".repeat(extraHeaderSpaces);
        int unpadded = 6 + 2 + lengthBytes + header.length() + 1;
        header = header + " ".repeat((64 - unpadded % 64) % 64) + "\n";
        byte[] text = header.getBytes(StandardCharsets.ISO_8859_1);
        byte[] out = new byte[6 + 2 + lengthBytes + text.length + dataBytes];
        byte[] magic = {(byte) 0x93, 'N', 'U', 'M', 'P', 'Y', (byte) major, 0};
        System.arraycopy(magic, 0, out, 0, magic.length);
        for (int i = 0; i < lengthBytes; i++) {
            out[8 + i] = (byte) (text.length >>> (8 * i));
        }
        System.arraycopy(text, 0, out, 8 + lengthBytes, text.length);
        return out;
    }
}
