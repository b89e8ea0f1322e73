package dev.backprop.core.io;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.backprop.core.network.Network;
import dev.backprop.core.registry.Registries;
import dev.backprop.core.spi.ComponentSpec;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Arrays;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Set;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * Damaged, edited and foreign files, each refused with a message naming the file and the problem. The model is
 * 2-2-2 with biases and a loss, so its manifest has, by hand: 1 format, 2 format-version, 3 input, 4 layers,
 * 5 layer.0, 6 layer.0.activation, 7 layer.1, 8 layer.1.activation, 9 loss, 10–13 sha256 of layer0.W, layer0.b,
 * layer1.W, layer1.b.
 */
class CorruptModelFileTest {

    private static final String F8_2X2 = "{'descr': '<f8', 'fortran_order': False, 'shape': (2, 2), }";

    @TempDir
    Path dir;

    private final Registries registries = IoTestRegistries.standard();
    private Path file;
    private String name;

    @BeforeEach
    void saveAModel() throws IOException {
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

    private void editManifest(java.util.function.UnaryOperator<String> edit) throws IOException {
        Map<String, byte[]> entries = Archives.read(file);
        Archives.setManifest(entries, edit.apply(Archives.manifest(entries)));
        Archives.write(file, entries);
    }

    private void replaceArray(String entry, byte[] npy) throws IOException {
        Map<String, byte[]> entries = Archives.read(file);
        Archives.replaceArray(entries, entry, npy);
        Archives.write(file, entries);
    }

    private static int indexOf(byte[] haystack, byte[] needle, int from) {
        for (int i = from; i + needle.length <= haystack.length; i++) {
            if (Arrays.equals(haystack, i, i + needle.length, needle, 0, needle.length)) {
                return i;
            }
        }
        return -1;
    }

    @Test
    void flippedByteInsideWeightValues_isRejectedByTheCrcCheck() throws IOException {
        byte[] bytes = Files.readAllBytes(file);
        // the entry's local header ends with its name (and any extra field); its data starts with the NPY magic
        byte[] entryName = "layer0.W.npy".getBytes(StandardCharsets.US_ASCII);
        byte[] magic = "\u0093NUMPY".getBytes(StandardCharsets.ISO_8859_1);
        int npy = -1;
        for (int at = indexOf(bytes, entryName, 0); at >= 0 && npy < 0; at = indexOf(bytes, entryName, at + 1)) {
            int m = indexOf(bytes, magic, at);
            npy = m >= 0 && m - at < 100 ? m : -1;
        }
        assertThat(npy).as("offset of layer0.W.npy's data").isPositive();
        int headerLength = (bytes[npy + 8] & 0xff) | (bytes[npy + 9] & 0xff) << 8;
        bytes[npy + 10 + headerLength + 3] ^= 0x10;
        Files.write(file, bytes);

        assertThatThrownBy(() -> ModelFile.load(file, registries))
                .isInstanceOf(ModelFileException.class)
                .hasMessageStartingWith(name + " is not a readable bp model file: entry layer0.W.npy fails its"
                        + " CRC-32 check (the archive records ")
                .hasMessageEndingWith("; the file is corrupted");
    }

    @Test
    void entryChangedWithAValidCrc_isRejectedByItsSha256() throws IOException {
        Map<String, byte[]> entries = Archives.read(file);
        String recorded = Archives.sha256(entries.get("layer0.W.npy"));
        entries.get("layer0.W.npy")[128 + 3] ^= 0x10;
        String actual = Archives.sha256(entries.get("layer0.W.npy"));
        Archives.write(file, entries);

        assertThatThrownBy(() -> ModelFile.load(file, registries))
                .hasMessage(name + ": entry layer0.W.npy does not match its checksum: manifest.txt line 10 records"
                        + " SHA-256 " + recorded + " but the entry's bytes give " + actual + "; the file is corrupted"
                        + " or was edited");
    }

    @Test
    void truncatedFile_isNotAReadableArchive() throws IOException {
        byte[] bytes = Files.readAllBytes(file);
        Files.write(file, Arrays.copyOf(bytes, bytes.length / 2));

        assertThatThrownBy(() -> ModelFile.load(file, registries))
                .isInstanceOf(ModelFileException.class)
                .hasMessageStartingWith(name + " is not a readable bp model file: ");
    }

    @Test
    void textFile_isNotAReadableArchive() throws IOException {
        Files.writeString(file, "hello");

        assertThatThrownBy(() -> ModelFile.load(file, registries))
                .hasMessageStartingWith(name + " is not a readable bp model file: ");
    }

    @Test
    void formatVersion2_isRefusedNamingBothVersions() throws IOException {
        editManifest(m -> Archives.withLine(m, "format-version", "2"));

        assertThatThrownBy(() -> ModelFile.load(file, registries))
                .hasMessage(name + " has format-version 2; this bp reads version 1 (the file was written by a newer"
                        + " bp: update bp to read it)");
    }

    @Test
    void anotherFormat_isNotABpModelFile() throws IOException {
        editManifest(m -> Archives.withLine(m, "format", "keras"));

        assertThatThrownBy(() -> ModelFile.load(file, registries))
                .hasMessage(name + " is not a bp model file: manifest.txt line 1 says format = keras, expected"
                        + " bp-model");
    }

    @Test
    void plainNpzArchive_withoutManifest_isNotABpModelFile() throws IOException {
        Archives.write(file, Map.of("a.npy", Archives.npy(F8_2X2, 1, 0, 32)));

        assertThatThrownBy(() -> ModelFile.load(file, registries))
                .hasMessage(name + " is not a bp model file: it has no manifest.txt entry (a plain numpy .npz"
                        + " archive has only arrays)");
    }

    @Test
    void manifestOverOneMebibyte_isRefusedBeforeReading() throws IOException {
        String[] grown = new String[1];
        editManifest(m -> grown[0] = m + "meta.pad = " + "x".repeat(1 << 20) + "\n");
        int size = grown[0].getBytes(StandardCharsets.UTF_8).length;

        assertThatThrownBy(() -> ModelFile.load(file, registries))
                .hasMessage(name + ": manifest.txt is " + size + " bytes, more than the limit of 1048576 bytes"
                        + " (1 MiB)");
    }

    @Test
    void npyHeaderClaimingShapeMaxIntByMaxInt_isRefusedWithTheNumbersBeforeAllocating() throws IOException {
        replaceArray(
                "layer0.W.npy",
                Archives.npy(
                        "{'descr': '<f8', 'fortran_order': False, 'shape': (2147483647, 2147483647), }", 1, 0, 32));

        // by hand: (2^31 − 1)^2 = 2^62 − 2^32 + 1 = 4611686018427387904 − 4294967296 + 1
        assertThatThrownBy(() -> ModelFile.load(file, registries))
                .hasMessage(name + ": entry layer0.W.npy: the NPY header claims shape (2147483647, 2147483647),"
                        + " which is 2147483647 × 2147483647 = 4611686014132420609 values; an array holds at most"
                        + " 2147483647");
    }

    @Test
    void npyHeaderOverSixtyFourKibibytes_isRefused() throws IOException {
        byte[] npy = Archives.npy(F8_2X2, 2, 70_000, 32);
        long headerLength =
                (npy[8] & 0xffL) | (npy[9] & 0xffL) << 8 | (npy[10] & 0xffL) << 16 | (npy[11] & 0xffL) << 24;
        replaceArray("layer1.W.npy", npy);

        assertThat(headerLength).isGreaterThan(65536);
        assertThatThrownBy(() -> ModelFile.load(file, registries))
                .hasMessage(name + ": entry layer1.W.npy has an NPY header of " + headerLength + " bytes, more than"
                        + " the limit of 65536 bytes");
    }

    @Test
    void weightShapeDifferentFromTheArchitecture_namesLayerExpectedAndFound() throws IOException {
        replaceArray(
                "layer0.W.npy", Archives.npy("{'descr': '<f8', 'fortran_order': False, 'shape': (3, 2), }", 1, 0, 48));

        assertThatThrownBy(() -> ModelFile.load(file, registries))
                .hasMessage(name + ": entry layer0.W.npy has shape (3, 2), but layer 0 is in=2 out=2, so its W must"
                        + " be (2, 2)");
    }

    @Test
    void float32Array_isRefusedNamingTheDtype() throws IOException {
        replaceArray(
                "layer0.b.npy", Archives.npy("{'descr': '<f4', 'fortran_order': False, 'shape': (1, 4), }", 1, 0, 16));

        assertThatThrownBy(() -> ModelFile.load(file, registries))
                .hasMessage(name + ": entry layer0.b.npy holds dtype '<f4'; bp model files hold little-endian"
                        + " float64 arrays ('<f8')");
    }

    @Test
    void unknownActivation_namesItAndListsWhatIsAvailable() throws IOException {
        Network net = Network.builder(IoTestRegistries.withBentIdentity())
                .input(2)
                .dense(2, "bent-identity")
                .build();
        ModelFile.save(file, ModelDocument.of(net));

        assertThatThrownBy(() -> ModelFile.load(file, registries))
                .hasMessage(name + " needs activation 'bent-identity', which no plug-in on the class path or module"
                        + " path provides. Unknown activation 'bent-identity'. Available: [identity, sigmoid,"
                        + " softmax, tanh, test-quadratic, test-square]. A plug-in jar providing"
                        + " dev.backprop.core.spi.ActivationProvider on the class path or module path adds one.");
    }

    @Test
    void unknownLoss_namesIt() throws IOException {
        editManifest(m -> Archives.withLine(m, "loss", "hinge"));

        assertThatThrownBy(() -> ModelFile.load(file, registries))
                .hasMessageStartingWith(name + " needs loss 'hinge', which no plug-in on the class path or module"
                        + " path provides. Unknown loss 'hinge'. Available: [half-sse, mse].");
    }

    @Test
    void activationWithBadParameter_namesLayerLineAndParameter() throws IOException {
        editManifest(m -> Archives.withLine(m, "layer.1.activation", "test-square(scale=big)"));

        assertThatThrownBy(() -> ModelFile.load(file, registries))
                .hasMessage(name + ": the activation 'test-square(scale=big)' (manifest.txt line 8) cannot be"
                        + " created: Parameter 'scale' must be a number, got 'big'");
    }

    @Test
    void unknownManifestKey_isRefusedWithItsLineNumber() throws IOException {
        editManifest(m -> m + "colour = blue\n");

        assertThatThrownBy(() -> ModelFile.load(file, registries))
                .hasMessageStartingWith(name + ": manifest.txt line 14: unknown key 'colour'; a version-1 manifest"
                        + " has format, format-version, input, layers, layer.<i>, layer.<i>.activation, loss,"
                        + " meta.<key> and sha256.<entry>");
    }

    @Test
    void missingRequiredKey_isNamed() throws IOException {
        editManifest(m -> Archives.withoutLine(m, "layer.1.activation"));

        assertThatThrownBy(() -> ModelFile.load(file, registries))
                .hasMessage(name + ": manifest.txt has no 'layer.1.activation' line (the file declares layers = 2)");
    }

    @Test
    void repeatedKey_namesBothLines() throws IOException {
        editManifest(m -> m + "layers = 2\n");

        assertThatThrownBy(() -> ModelFile.load(file, registries))
                .hasMessage(name + ": manifest.txt line 14: key 'layers' repeated (first on line 4)");
    }

    @Test
    void malformedLayerLine_namesTheLineAndTheValue() throws IOException {
        editManifest(m -> Archives.withLine(m, "layer.0", "in=2 out=two bias=true dropout=0.0"));

        assertThatThrownBy(() -> ModelFile.load(file, registries))
                .hasMessage(name + ": manifest.txt line 5: out must be a whole number up to 2147483647, got 'two'");
    }

    @Test
    void lineWithoutSpacedEquals_showsTheExpectedForm() throws IOException {
        editManifest(m -> m + "meta.epoch=3\n");

        assertThatThrownBy(() -> ModelFile.load(file, registries))
                .hasMessage(name + ": manifest.txt line 14: expected 'key = value' (key of letters, digits, '.', '_',"
                        + " '/', '-'), got 'meta.epoch=3'");
    }

    @Test
    void missingParameterEntry_isNamed() throws IOException {
        Map<String, byte[]> entries = Archives.read(file);
        entries.remove("layer1.b.npy");
        Archives.setManifest(entries, Archives.withoutLine(Archives.manifest(entries), "sha256.layer1.b.npy"));
        Archives.write(file, entries);

        assertThatThrownBy(() -> ModelFile.load(file, registries))
                .hasMessage(name + " has no entry layer1.b.npy for layer 1's b (manifest.txt line 7); the file is"
                        + " incomplete");
    }

    @Test
    void entryWithoutChecksumLine_isNamed() throws IOException {
        editManifest(m -> Archives.withoutLine(m, "sha256.layer1.b.npy"));

        assertThatThrownBy(() -> ModelFile.load(file, registries))
                .hasMessage(name + ": entry layer1.b.npy has no 'sha256.layer1.b.npy' line in manifest.txt");
    }

    @Test
    void unexpectedEntry_isNamed() throws IOException {
        Map<String, byte[]> entries = Archives.read(file);
        entries.put("notes.txt", "hi".getBytes(StandardCharsets.UTF_8));
        Archives.write(file, entries);

        assertThatThrownBy(() -> ModelFile.load(file, registries))
                .hasMessageStartingWith(name + " has an unexpected entry 'notes.txt': a bp model file holds only"
                        + " manifest.txt and arrays named <key>.npy");
    }

    @Test
    void compressedArray_isRefusedWithTheReason() throws IOException {
        Map<String, byte[]> entries = Archives.read(file);
        Archives.write(file, entries, Set.of("layer0.W.npy"));

        assertThatThrownBy(() -> ModelFile.load(file, registries))
                .hasMessage(name + ": entry layer0.W.npy is compressed; bp model files store arrays uncompressed, as"
                        + " numpy.savez does (not numpy.savez_compressed)");
    }

    @Test
    void moreThanTenThousandEntries_isRefusedBeforeReadingThem() throws IOException {
        Map<String, byte[]> entries = new LinkedHashMap<>(Archives.read(file));
        for (int i = entries.size(); i <= 10_000; i++) {
            entries.put("x" + i + ".npy", new byte[0]);
        }
        Archives.write(file, entries);

        assertThatThrownBy(() -> ModelFile.load(file, registries))
                .hasMessage(name + " has 10001 entries, more than the limit of 10000");
    }

    @Test
    void missingFile_isNoSuchFile() {
        Path missing = dir.resolve("missing.bp");

        assertThatThrownBy(() -> ModelFile.load(missing, registries))
                .isInstanceOf(java.nio.file.NoSuchFileException.class)
                .hasMessageContaining(missing.toString());
    }

    @Test
    void missingWeightEntry_isNamed() throws IOException {
        Map<String, byte[]> entries = Archives.read(file);
        entries.remove("layer0.W.npy");
        Archives.setManifest(entries, Archives.withoutLine(Archives.manifest(entries), "sha256.layer0.W.npy"));
        Archives.write(file, entries);

        assertThatThrownBy(() -> ModelFile.load(file, registries))
                .hasMessage(name + " has no entry layer0.W.npy for layer 0's W (manifest.txt line 5); the file is"
                        + " incomplete");
    }

    @Test
    void parameterEntryOfALayerPastTheLast_isNamed() throws IOException {
        Map<String, byte[]> entries = Archives.read(file);
        entries.put("layer2.W.npy", entries.get("layer1.W.npy"));
        Archives.setManifest(
                entries,
                Archives.manifest(entries) + "sha256.layer2.W.npy = " + Archives.sha256(entries.get("layer1.W.npy"))
                        + "\n");
        Archives.write(file, entries);

        // layers = 2: the layers are 0 and 1
        assertThatThrownBy(() -> ModelFile.load(file, registries))
                .hasMessage(name + " has entry layer2.W.npy but its network has layers 0..1");
    }

    @Test
    void layerKeyOfALayerPastTheLast_isNamed() throws IOException {
        editManifest(m -> m + "layer.2 = in=2 out=2 bias=true dropout=0.0\n");

        // layers = 2 on line 4: layer.2 is one past the last layer; the new line is line 14
        assertThatThrownBy(() -> ModelFile.load(file, registries))
                .hasMessageContaining("manifest.txt line 14")
                .hasMessageContaining("but the file declares layers = 2 (line 4)");
    }

    @Test
    void biasEntryOneByteShort_isRefusedAsTooFew_oneOfExactlyTheValuesSizeIsNot() throws IOException {
        // layer 0's b is 1 x 2: 2 values of 8 bytes, 16 bytes
        replaceArray("layer0.b.npy", new byte[15]);

        assertThatThrownBy(() -> ModelFile.load(file, registries))
                .hasMessage(name + ": entry layer0.b.npy has 15 bytes, too few for layer 0's b of shape (1, 2), which"
                        + " needs 16 bytes of values (manifest.txt line 5)");

        // 16 bytes pass the size check, and are then found not to be an NPY array
        replaceArray("layer0.b.npy", new byte[16]);
        assertThatThrownBy(() -> ModelFile.load(file, registries)).hasMessageContaining("is not an NPY array");
    }

    @Test
    void layerSizeOfIntMax_isAWholeNumberInRange_oneMoreIsNot() throws IOException {
        editManifest(m -> Archives.withLine(m, "layer.0", "in=2147483647 out=2 bias=true dropout=0.0"));
        // 2^31 - 1 is read as a size; the input of 2 features then does not fit it
        assertThatThrownBy(() -> ModelFile.load(file, registries)).message().doesNotContain("must be a whole number");

        editManifest(m -> Archives.withLine(m, "layer.0", "in=2147483648 out=2 bias=true dropout=0.0"));
        assertThatThrownBy(() -> ModelFile.load(file, registries))
                .hasMessageContaining("in must be a whole number up to 2147483647, got '2147483648'");
    }

    @Test
    void manifestWithWindowsLineEnds_loads() throws IOException {
        editManifest(m -> m.replace("\n", "\r\n"));

        assertThat(ModelFile.load(file, registries).network().layers()).hasSize(2);
    }

    @Test
    void unreadableLinesOverAHundredCharacters_areShownCut() throws IOException {
        String at100 = "x".repeat(100);
        editManifest(m -> m + at100 + "\n");
        // the new line is line 14
        assertThatThrownBy(() -> ModelFile.load(file, registries))
                .hasMessageEndingWith("line 14: expected 'key ="
                        + " value' (key of letters, digits, '.', '_', '/', '-'), got '" + at100 + "'");

        editManifest(m -> m.replace(at100, at100 + "y"));
        assertThatThrownBy(() -> ModelFile.load(file, registries)).hasMessageEndingWith("got '" + at100 + "...'");
    }
}
