package dev.backprop.core.io;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.backprop.core.network.Network;
import dev.backprop.core.registry.Registries;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Arrays;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * The manifest is covered by its CRC-32 like every array: a byte changed inside it, which leaves the text a
 * valid manifest, is caught.
 */
class ManifestCrcTest {

    @TempDir
    Path dir;

    private final Registries registries = IoTestRegistries.standard();

    @Test
    void changedByteInsideTheManifest_isRejectedByTheCrcCheck() throws IOException {
        Path file = dir.resolve("model.bp");
        Network net =
                Network.builder(registries).input(2).dense(2, "tanh").seed(5).build();
        ModelFile.save(file, ModelDocument.of(net).withMetadata("note", "checked-by-crc"));
        byte[] bytes = Files.readAllBytes(file);
        byte[] text = "checked-by-crc".getBytes(StandardCharsets.US_ASCII);
        int at = indexOf(bytes, text);
        assertThat(at).as("the metadata value in the stored manifest").isPositive();
        // "checked-by-crc" becomes "checked-by-crd": still a valid manifest line
        bytes[at + text.length - 1] = 'd';
        Files.write(file, bytes);

        assertThatThrownBy(() -> ModelFile.load(file, registries))
                .isInstanceOf(ModelFileException.class)
                .hasMessageStartingWith(file + " is not a readable bp model file: entry manifest.txt fails its CRC-32"
                        + " check (the archive records ")
                .hasMessageEndingWith("; the file is corrupted");
    }

    private static int indexOf(byte[] haystack, byte[] needle) {
        for (int i = 0; i + needle.length <= haystack.length; i++) {
            if (Arrays.equals(haystack, i, i + needle.length, needle, 0, needle.length)) {
                return i;
            }
        }
        return -1;
    }
}
