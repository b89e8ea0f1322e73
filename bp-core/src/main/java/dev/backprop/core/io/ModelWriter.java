package dev.backprop.core.io;

import dev.backprop.core.network.DenseLayer;
import dev.backprop.core.network.LayerSpec;
import dev.backprop.core.network.Network;
import java.io.IOException;
import java.io.OutputStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.time.LocalDateTime;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.function.UnaryOperator;
import java.util.zip.ZipEntry;
import java.util.zip.ZipOutputStream;
import org.ejml.data.DMatrixRMaj;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Writes a {@link ModelDocument} as a model file in two passes over the arrays: the first computes each entry's
 * size, CRC-32 and SHA-256 (the manifest, which comes first, lists the SHA-256s; uncompressed ZIP entries need
 * their size and CRC before their data), the second writes the archive. Both convert the arrays chunk by chunk,
 * so saving allocates a fixed 64 KiB whatever the size of the model.
 */
final class ModelWriter {

    private static final Logger LOG = LoggerFactory.getLogger(ModelWriter.class);

    /**
     * Every entry's modification time, so that the same document always gives the same bytes: the earliest
     * DOS time that needs no extended-timestamp field (1980-01-01 00:00 itself is the JDK's "before 1980"
     * marker), as reproducible builds use.
     */
    private static final LocalDateTime ENTRY_TIME = LocalDateTime.of(1980, 1, 1, 0, 0, 2);

    private record ArrayEntry(String name, DMatrixRMaj matrix) {}

    private record Digest(long size, long crc, String sha256) {}

    private ModelWriter() {}

    static void save(Path file, ModelDocument doc, UnaryOperator<OutputStream> hook) throws IOException {
        List<ArrayEntry> entries = arrays(doc);
        if (entries.size() + 1 > ModelFile.MAX_ENTRIES) {
            throw new IllegalArgumentException("Cannot save " + file + ": " + (entries.size() + 1) + " entries"
                    + " (manifest and arrays) are more than the limit of " + ModelFile.MAX_ENTRIES);
        }
        byte[] buffer = new byte[Npy.CHUNK_BYTES];
        List<Digest> digests = new ArrayList<>();
        for (ArrayEntry entry : entries) {
            Checksums sums = new Checksums();
            Npy.write(entry.matrix(), sums, buffer);
            digests.add(new Digest(sums.size(), sums.crc(), sums.sha256Hex()));
        }
        byte[] manifest = manifest(doc, entries, digests).getBytes(StandardCharsets.UTF_8);
        if (manifest.length > ModelFile.MAX_MANIFEST_BYTES) {
            throw new IllegalArgumentException("Cannot save " + file + ": its manifest would be " + manifest.length
                    + " bytes, more than the limit of " + ModelFile.MAX_MANIFEST_BYTES + " bytes; keep metadata"
                    + " short and store large values as arrays");
        }
        AtomicWrite.replace(
                file,
                out -> {
                    try (ZipOutputStream zip = new ZipOutputStream(out, StandardCharsets.UTF_8)) {
                        zip.putNextEntry(storedEntry(Manifest.ENTRY, manifest.length, Checksums.crc32(manifest)));
                        zip.write(manifest);
                        zip.closeEntry();
                        for (int i = 0; i < entries.size(); i++) {
                            Digest d = digests.get(i);
                            zip.putNextEntry(storedEntry(entries.get(i).name(), d.size(), d.crc()));
                            Npy.write(entries.get(i).matrix(), zip, buffer);
                            zip.closeEntry();
                        }
                    }
                },
                hook);
        LOG.debug(
                "Saved {}: {} network, {} extra arrays, {} metadata entries",
                file,
                doc.network().spec().shape(),
                doc.arrays().size(),
                doc.metadata().size());
    }

    /** The network's parameters in layer order (W, then b), then the extra arrays. */
    private static List<ArrayEntry> arrays(ModelDocument doc) {
        List<ArrayEntry> entries = new ArrayList<>();
        List<DenseLayer> layers = doc.network().layers();
        for (int i = 0; i < layers.size(); i++) {
            entries.add(new ArrayEntry(Keys.entry(Keys.weight(i)), layers.get(i).weights()));
            if (layers.get(i).hasBias()) {
                entries.add(
                        new ArrayEntry(Keys.entry(Keys.bias(i)), layers.get(i).bias()));
            }
        }
        for (Map.Entry<String, DMatrixRMaj> extra : doc.arrays().entrySet()) {
            entries.add(new ArrayEntry(Keys.entry(extra.getKey()), extra.getValue()));
        }
        return entries;
    }

    private static String manifest(ModelDocument doc, List<ArrayEntry> entries, List<Digest> digests) {
        Network network = doc.network();
        Manifest.Writer m = new Manifest.Writer()
                .add(ModelFile.KEY_FORMAT, ModelFile.FORMAT)
                .add(ModelFile.KEY_FORMAT_VERSION, Integer.toString(ModelFile.FORMAT_VERSION))
                .add(ModelFile.KEY_INPUT, Integer.toString(network.inputSize()))
                .add(ModelFile.KEY_LAYERS, Integer.toString(network.layerCount()));
        List<LayerSpec> layers = network.spec().layers();
        for (int i = 0; i < layers.size(); i++) {
            LayerSpec layer = layers.get(i);
            m.add(
                    "layer." + i,
                    "in=" + layer.in() + " out=" + layer.out() + " bias=" + layer.bias() + " dropout="
                            + Double.toString(layer.dropout()));
            m.add("layer." + i + ".activation", layer.activation().toString());
        }
        doc.loss().ifPresent(loss -> m.add(ModelFile.KEY_LOSS, loss.toString()));
        doc.metadata().forEach((key, value) -> m.add(ModelFile.META_PREFIX + key, value));
        for (int i = 0; i < entries.size(); i++) {
            m.add(
                    ModelFile.SHA256_PREFIX + entries.get(i).name(),
                    digests.get(i).sha256());
        }
        return m.text();
    }

    private static ZipEntry storedEntry(String name, long size, long crc) {
        ZipEntry entry = new ZipEntry(name);
        entry.setMethod(ZipEntry.STORED);
        entry.setSize(size);
        entry.setCompressedSize(size);
        entry.setCrc(crc);
        entry.setTimeLocal(ENTRY_TIME);
        return entry;
    }
}
