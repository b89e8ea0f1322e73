package dev.backprop.core.io;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.backprop.core.network.Network;
import dev.backprop.core.registry.Registries;
import dev.backprop.core.spi.Activation;
import dev.backprop.core.spi.ComponentSpec;
import dev.backprop.core.spi.Config;
import dev.backprop.core.testing.TestActivations;
import java.nio.file.Files;
import java.nio.file.Path;
import org.ejml.data.DMatrixRMaj;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class ModelDocumentTest {

    @TempDir
    Path dir;

    private final Registries registries = IoTestRegistries.standard();
    private final ModelDocument doc = ModelDocument.of(ModelFileRoundTripTest.network(registries, 1));

    @Test
    void metadataValue_withALineBreak_isRefusedNamingKeyAndValue() {
        assertThatThrownBy(() -> doc.withMetadata("note", "two\nlines"))
                .isInstanceOf(IllegalArgumentException.class)
                .hasMessage("Metadata 'note' cannot be stored in a model file: its value contains a line break"
                        + " (two\\nlines); store one line, or an array");
        assertThatThrownBy(() -> doc.withMetadata("note", "carriage\rreturn"))
                .hasMessageContaining("(carriage\\rreturn)");
    }

    @Test
    void metadataKey_withASpace_isRefused() {
        assertThatThrownBy(() -> doc.withMetadata("learning rate", "0.1"))
                .hasMessage("Metadata key 'learning rate' cannot be stored in a model file: keys may contain only"
                        + " letters, digits, '.', '_', '/' and '-'");
    }

    @Test
    void arrayKey_thatIsAParameterName_isReserved() {
        assertThatThrownBy(() -> doc.withArray("layer0.W", new DMatrixRMaj(1, 1)))
                .hasMessage("Array key 'layer0.W' is reserved for the network's parameters; store extra arrays under"
                        + " another key, e.g. 'best/layer0.W'");
    }

    @Test
    void arrayKey_withDotDotSegment_isRefused() {
        assertThatThrownBy(() -> doc.withArray("optimizer/../x", new DMatrixRMaj(1, 1)))
                .hasMessage("Array key 'optimizer/../x' cannot be stored in a model file: it has an empty, '.' or"
                        + " '..' path segment");
        assertThatThrownBy(() -> doc.withArray("/x", new DMatrixRMaj(1, 1)))
                .hasMessageContaining("empty, '.' or '..' path segment");
    }

    @Test
    void activationParameter_thatWouldNotReadBack_isRefused() {
        // a value with a comma would be split into two parameters by ComponentSpec.parse
        Activation tanh = TestActivations.tanh();
        Activation annotated = new Activation() {
            @Override
            public String name() {
                return "tanh";
            }

            @Override
            public Config config() {
                return Config.of("note", "a,b");
            }

            @Override
            public void forward(DMatrixRMaj z, DMatrixRMaj a) {
                tanh.forward(z, a);
            }

            @Override
            public void backward(DMatrixRMaj z, DMatrixRMaj a, DMatrixRMaj g, DMatrixRMaj dz) {
                tanh.backward(z, a, g, dz);
            }
        };
        Network net =
                Network.builder(registries).input(2).dense(2, annotated, true).build();

        assertThatThrownBy(() -> ModelDocument.of(net))
                .hasMessage("The layer 0 activation 'tanh(note=a,b)' cannot be stored in a model file: its text form"
                        + " does not read back to the same name and parameters (names and values must not contain"
                        + " '(', ')', ',' or '=' or surrounding spaces)");
    }

    @Test
    void save_withAManifestOverTheLimit_isRefusedAndWritesNothing() {
        // 1 MiB = 1048576 bytes; one metadata value of that size is over the limit on its own
        ModelDocument big = doc.withMetadata("pad", "x".repeat(1 << 20));
        Path file = dir.resolve("model.bp");

        assertThatThrownBy(() -> ModelFile.save(file, big))
                .isInstanceOf(IllegalArgumentException.class)
                .hasMessageContaining("its manifest would be ")
                .hasMessageContaining("more than the limit of 1048576 bytes");
        assertThat(Files.exists(file)).isFalse();
    }

    @Test
    void lossThatWouldNotReadBack_isRefused() {
        // as for activations: a comma in a value would split it into two parameters
        ComponentSpec loss = new ComponentSpec("mse", Config.of("note", "a,b"));

        assertThatThrownBy(() -> doc.withLoss(loss))
                .isInstanceOf(IllegalArgumentException.class)
                .hasMessageStartingWith("The loss 'mse(note=a,b)' cannot be stored in a model file");
    }

    @Test
    void nullMetadataValueOrArray_isRefused_namingItsKey() {
        java.util.Map<String, String> meta = new java.util.HashMap<>();
        meta.put("note", null);
        java.util.Map<String, DMatrixRMaj> arrays = new java.util.HashMap<>();
        arrays.put("extra/x", null);

        assertThatThrownBy(() -> new ModelDocument(doc.network(), doc.loss(), meta, doc.arrays()))
                .isInstanceOf(NullPointerException.class)
                .hasMessage("metadata value of 'note'");
        assertThatThrownBy(() -> new ModelDocument(doc.network(), doc.loss(), doc.metadata(), arrays))
                .isInstanceOf(NullPointerException.class)
                .hasMessage("array 'extra/x'");
    }

    @Test
    void metadataValueStartingWithALineBreak_isRefused_andAnArrayKeyWithASpace() {
        assertThatThrownBy(() -> doc.withMetadata("note", "\nfirst")).hasMessageContaining("contains a line break");
        assertThatThrownBy(() -> doc.withMetadata("note", "\rfirst")).hasMessageContaining("contains a line break");
        assertThatThrownBy(() -> doc.withArray("extra/a b", new DMatrixRMaj(1, 1)))
                .hasMessageContaining("may contain only letters, digits, '.', '_', '/' and '-'");
    }
}
