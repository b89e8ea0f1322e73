package dev.backprop.core.io;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.backprop.core.network.Network;
import dev.backprop.core.registry.Registries;
import dev.backprop.core.spi.ComponentSpec;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.util.LinkedHashMap;
import java.util.Map;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * Every size limit of the model-file reader on both sides of its boundary: exactly at the limit a file is read
 * (or fails for an unrelated reason, which shows the limit did not trip), one past it the limit's own message
 * names the numbers. The limits are those documented on {@link ModelFile}: a manifest of 1 MiB
 * (1,048,576 bytes), an NPY header of 64 KiB (65,536 bytes), 10,000 entries, hence at most 9,999 layers, and
 * arrays of at most 2³¹ − 1 = 2,147,483,647 values whose bytes must match the entry's size.
 */
class ModelFileLimitsTest {

    @TempDir
    Path dir;

    private final Registries registries = IoTestRegistries.standard();
    private Path file;
    private String name;

    @BeforeEach
    void saveAModel() throws IOException {
        // layer0.W is 2×2, layer1.W 2×2: every W entry is a 2-D float64 array of 32 bytes
        Network net = Network.builder(registries)
                .input(2)
                .dense(2, "tanh")
                .dense(2, "identity")
                .seed(5)
                .build();
        file = dir.resolve("model.bp");
        name = file.toString();
        ModelFile.save(file, ModelDocument.of(net).withLoss(ComponentSpec.of("mse")));
    }

    private void setManifest(String text) throws IOException {
        Map<String, byte[]> entries = Archives.read(file);
        Archives.setManifest(entries, text);
        Archives.write(file, entries);
    }

    private String manifest() throws IOException {
        return Archives.manifest(Archives.read(file));
    }

    /** The manifest with a metadata line that brings it to exactly {@code bytes} bytes (ASCII only). */
    private String manifestOfSize(int bytes) throws IOException {
        String m = manifest();
        String prefix = "meta.pad = ";
        int pad = bytes - m.getBytes(StandardCharsets.UTF_8).length - prefix.length() - 1;
        String grown = m + prefix + "x".repeat(pad) + "\n";
        assertThat(grown.getBytes(StandardCharsets.UTF_8)).hasSize(bytes);
        return grown;
    }

    @Test
    void manifestOfExactlyOneMebibyte_isRead() throws IOException {
        int original = manifest().getBytes(StandardCharsets.UTF_8).length;
        setManifest(manifestOfSize(1 << 20));

        ModelDocument doc = ModelFile.load(file, registries);

        // the pad is what the line "meta.pad = …\n" adds beyond the original manifest
        assertThat(doc.metadata().get("pad")).hasSize((1 << 20) - original - "meta.pad = ".length() - 1);
        assertThat(doc.network().layerCount()).isEqualTo(2);
    }

    @Test
    void manifestOneByteOverOneMebibyte_isRefused() throws IOException {
        setManifest(manifestOfSize((1 << 20) + 1));

        assertThatThrownBy(() -> ModelFile.load(file, registries))
                .isInstanceOf(ModelFileException.class)
                .hasMessage(name + ": manifest.txt is 1048577 bytes, more than the limit of 1048576 bytes (1 MiB)");
    }

    /** An NPY 2.0 entry for a 2×2 float64 array whose header is exactly {@code headerLength} bytes. */
    private static byte[] npyWithHeaderOf(int headerLength, String shape, int dataBytes) {
        String dict = "{'descr': '<f8', 'fortran_order': False, 'shape': " + shape + ", }";
        String header = dict + " ".repeat(headerLength - dict.length() - 1) + "\n";
        byte[] text = header.getBytes(StandardCharsets.ISO_8859_1);
        byte[] out = new byte[12 + text.length + dataBytes];
        byte[] magic = {(byte) 0x93, 'N', 'U', 'M', 'P', 'Y', 2, 0};
        System.arraycopy(magic, 0, out, 0, magic.length);
        for (int i = 0; i < 4; i++) {
            out[8 + i] = (byte) (text.length >>> (8 * i));
        }
        System.arraycopy(text, 0, out, 12, text.length);
        return out;
    }

    private void replaceW(byte[] npy) throws IOException {
        Map<String, byte[]> entries = Archives.read(file);
        Archives.replaceArray(entries, "layer1.W.npy", npy);
        Archives.write(file, entries);
    }

    @Test
    void npyHeaderOfExactlySixtyFourKibibytes_isRead() throws IOException {
        replaceW(npyWithHeaderOf(65_536, "(2, 2)", 32));

        ModelDocument doc = ModelFile.load(file, registries);

        // the data bytes were zeros
        assertThat(doc.network().layer(1).weights().data).containsOnly(0.0);
    }

    @Test
    void npyHeaderOneByteOverSixtyFourKibibytes_isRefused() throws IOException {
        replaceW(npyWithHeaderOf(65_537, "(2, 2)", 32));

        assertThatThrownBy(() -> ModelFile.load(file, registries))
                .hasMessage(name + ": entry layer1.W.npy has an NPY header of 65537 bytes, more than the limit of"
                        + " 65536 bytes");
    }

    @Test
    void npyShapeOfExactlyMaxIntValues_passesTheCountCheck_andFailsOnTheEntrySize() throws IOException {
        // 2147483647 × 1 values is within the limit; the entry then holds 32 bytes instead of 8 · 2147483647
        replaceW(npyWithHeaderOf(128, "(2147483647, 1)", 32));

        assertThatThrownBy(() -> ModelFile.load(file, registries))
                .hasMessage(name + ": entry layer1.W.npy: the NPY header claims shape (2147483647, 1), which is"
                        + " 2147483647 values = 17179869176 bytes, but the entry holds 32 bytes after its header");
    }

    @Test
    void npyShapeOfMaxIntPlusOneValues_isRefusedByTheCount() throws IOException {
        // 65536 × 32768 = 2³¹ = 2147483648, one over the limit
        replaceW(npyWithHeaderOf(128, "(65536, 32768)", 32));

        assertThatThrownBy(() -> ModelFile.load(file, registries))
                .hasMessage(name + ": entry layer1.W.npy: the NPY header claims shape (65536, 32768), which is"
                        + " 65536 × 32768 = 2147483648 values; an array holds at most 2147483647");
    }

    @Test
    void npyDimensionOverMaxInt_isRefused() throws IOException {
        replaceW(npyWithHeaderOf(128, "(2147483648, 1)", 32));

        assertThatThrownBy(() -> ModelFile.load(file, registries))
                .hasMessage(name + ": entry layer1.W.npy: the NPY header claims shape (2147483648, 1), with a"
                        + " dimension over 2147483647");
    }

    @Test
    void weightEntryWithMoreBytesThanItsShape_isRefusedBeforeAllocating() throws IOException {
        // a 2×2 header over 40 bytes of data: 4 values are 32 bytes
        replaceW(npyWithHeaderOf(128, "(2, 2)", 40));

        assertThatThrownBy(() -> ModelFile.load(file, registries))
                .hasMessage(name + ": entry layer1.W.npy: the NPY header claims shape (2, 2), which is 4 values = 32"
                        + " bytes, but the entry holds 40 bytes after its header");
    }

    @Test
    void exactlyTenThousandEntries_passTheCountCheck() throws IOException {
        // the model has manifest.txt and 4 arrays; 9,995 more make 10,000, which the count allows, so the
        // reader goes on and stops at the first entry without a checksum instead
        Map<String, byte[]> entries = new LinkedHashMap<>(Archives.read(file));
        for (int i = entries.size(); i < 10_000; i++) {
            entries.put("x" + i + ".npy", new byte[0]);
        }
        assertThat(entries).hasSize(10_000);
        Archives.write(file, entries);

        assertThatThrownBy(() -> ModelFile.load(file, registries))
                .isInstanceOf(ModelFileException.class)
                .hasMessage(name + ": entry x5.npy has no 'sha256.x5.npy' line in manifest.txt");
    }

    @Test
    void layers_between1And9999_passTheLimit_andTenThousandIsRefused() throws IOException {
        String m = manifest();

        setManifest(Archives.withLine(m, "layers", "10000"));
        assertThatThrownBy(() -> ModelFile.load(file, registries))
                .hasMessageContaining("layers = 10000; a network has between 1 and 9999 layers (each needs an entry,"
                        + " and a file has at most 10000)");

        setManifest(Archives.withLine(m, "layers", "0"));
        assertThatThrownBy(() -> ModelFile.load(file, registries))
                .hasMessageContaining("layers = 0; a network has between 1 and 9999 layers");

        // 9,999 passes the limit; the file then lacks the layer lines 2 … 9998
        setManifest(Archives.withLine(m, "layers", "9999"));
        assertThatThrownBy(() -> ModelFile.load(file, registries))
                .isInstanceOf(ModelFileException.class)
                .hasMessageNotContaining("a network has between 1 and 9999 layers");
    }
}
