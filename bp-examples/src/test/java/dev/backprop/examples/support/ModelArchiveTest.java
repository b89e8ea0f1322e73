package dev.backprop.examples.support;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.backprop.core.io.ModelDocument;
import dev.backprop.core.io.ModelFile;
import dev.backprop.core.network.Network;
import dev.backprop.core.registry.Registries;
import dev.backprop.data.scaling.StandardScaler;
import java.io.IOException;
import java.nio.file.Path;
import java.util.List;
import org.ejml.data.DMatrixRMaj;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class ModelArchiveTest {

    private static final Registries REGISTRIES = Registries.discover();

    private static Network classifier(int classes) {
        return Network.builder(REGISTRIES)
                .input(2)
                .dense(3, "tanh")
                .dense(classes, "softmax")
                .seed(5)
                .build();
    }

    @Test
    void classesAndScaler_roundTrip(@TempDir Path dir) {
        Network net = classifier(3);
        StandardScaler scaler = StandardScaler.fit(new DMatrixRMaj(new double[][] {{1, 10}, {3, 30}}));
        Path file = dir.resolve("m.bp");
        ModelArchive.save(
                file, net, "categorical-cross-entropy", ModelInfo.classifier("test", List.of("a", "b", "c"), scaler));
        SavedModel back = ModelArchive.load(file, REGISTRIES);
        assertThat(back.info().task()).isEqualTo(ModelInfo.Task.CLASSIFICATION);
        assertThat(back.info().classNames()).containsExactly("a", "b", "c");
        assertThat(back.info().command()).isEqualTo("test");
        assertThat(back.loss()).hasValueSatisfying(l -> assertThat(l.name()).isEqualTo("categorical-cross-entropy"));
        // by hand: mean (2, 20), population deviation (1, 10), so (3, 30) scales to (1, 1)
        DMatrixRMaj x = back.info().featureScaler().orElseThrow().transform(new DMatrixRMaj(new double[][] {{3, 30}}));
        assertThat(x.data).startsWith(1.0, 1.0);
        assertThat(back.network().layer(0).weights().data)
                .isEqualTo(net.layer(0).weights().data);
    }

    @Test
    void fileWithoutOurMetadata_isReadAsAClassifierOfNumberedClasses(@TempDir Path dir) throws IOException {
        Path file = dir.resolve("plain.bp");
        ModelFile.save(file, ModelDocument.of(classifier(4)));
        SavedModel back = ModelArchive.load(file, REGISTRIES);
        assertThat(back.info().task()).isEqualTo(ModelInfo.Task.CLASSIFICATION);
        assertThat(back.info().classNames()).containsExactly("0", "1", "2", "3");
        assertThat(back.info().featureScaler()).isEmpty();
    }

    @Test
    void metadataThatDoesNotFitTheNetwork_isRefusedInOneLine(@TempDir Path dir) throws IOException {
        Path file = dir.resolve("bad.bp");
        ModelFile.save(
                file,
                ModelDocument.of(classifier(3))
                        .withMetadata("bp.task", "classification")
                        .withMetadata("bp.classes", "2")
                        .withMetadata("bp.class.0", "x")
                        .withMetadata("bp.class.1", "y"));
        assertThatThrownBy(() -> ModelArchive.load(file, REGISTRIES))
                .isInstanceOf(IllegalArgumentException.class)
                .hasMessage("model file " + file + ": the model's network has 3 outputs but its classification task"
                        + " with classes [x, y] needs 2");
        ModelFile.save(file, ModelDocument.of(classifier(3)).withMetadata("bp.task", "ranking"));
        assertThatThrownBy(() -> ModelArchive.load(file, REGISTRIES))
                .hasMessage("model file " + file + ": metadata bp.task is 'ranking', not one of [classification,"
                        + " binary, regression]");
    }

    @Test
    void scalerWithANaN_isRefusedNamingTheEntry(@TempDir Path dir) throws IOException {
        Network net = classifier(3);
        StandardScaler scaler = StandardScaler.fit(new DMatrixRMaj(new double[][] {{1, 10}, {3, 30}}));
        Path file = dir.resolve("m.bp");
        ModelArchive.save(
                file, net, "categorical-cross-entropy", ModelInfo.classifier("test", List.of("a", "b", "c"), scaler));
        ModelDocument doc = ModelFile.load(file, REGISTRIES);
        java.util.Map<String, DMatrixRMaj> arrays = new java.util.LinkedHashMap<>(doc.arrays());
        String key = arrays.keySet().stream()
                .filter(k -> k.startsWith("input-scaler/"))
                .findFirst()
                .orElseThrow();
        DMatrixRMaj poisoned = arrays.get(key).copy();
        poisoned.data[1] = Double.NaN;
        arrays.put(key, poisoned);
        ModelFile.save(file, new ModelDocument(doc.network(), doc.loss(), doc.metadata(), arrays));

        assertThatThrownBy(() -> ModelArchive.load(file, REGISTRIES))
                .isInstanceOf(IllegalArgumentException.class)
                .hasMessage("model file " + file + ": entry " + key + " holds NaN at index 1; a scaler's figures must"
                        + " be finite numbers");
    }
}
