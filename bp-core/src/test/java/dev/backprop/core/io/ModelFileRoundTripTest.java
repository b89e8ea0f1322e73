package dev.backprop.core.io;

import static org.assertj.core.api.Assertions.assertThat;

import dev.backprop.core.init.Initializers;
import dev.backprop.core.network.Network;
import dev.backprop.core.random.Rng;
import dev.backprop.core.registry.Registries;
import dev.backprop.core.spi.ComponentSpec;
import dev.backprop.core.spi.Parameter;
import java.io.IOException;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Enumeration;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.zip.ZipEntry;
import java.util.zip.ZipFile;
import org.ejml.data.DMatrixRMaj;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class ModelFileRoundTripTest {

    @TempDir
    Path dir;

    private final Registries registries = IoTestRegistries.standard();

    /** A 3-4-2 network with a parameterised activation, dropout, a layer without bias and nonzero biases. */
    static Network network(Registries registries, long seed) {
        Network net = Network.builder(registries)
                .input(3)
                .dense(4, ComponentSpec.parse("test-square(scale=0.5)"), true)
                .dropout(0.25)
                .dense(2, "softmax", false)
                .initializer(Initializers.heNormal())
                .seed(seed)
                .build();
        Rng rng = new Rng(seed + 1);
        double[] bias = new double[4];
        for (int i = 0; i < bias.length; i++) {
            bias[i] = rng.nextGaussian();
        }
        net.layer(0).setBias(bias);
        return net;
    }

    /** Doubles that only a bit-exact format keeps: NaN, −0, ±∞, the smallest subnormal, the largest double. */
    private static DMatrixRMaj specialValues() {
        return new DMatrixRMaj(
                2,
                4,
                true,
                Double.NaN,
                -0.0,
                Double.POSITIVE_INFINITY,
                Double.NEGATIVE_INFINITY,
                Double.MIN_VALUE,
                Double.MAX_VALUE,
                0.1,
                -1e-300);
    }

    private static long[] bits(DMatrixRMaj m) {
        long[] bits = new long[m.getNumElements()];
        for (int i = 0; i < bits.length; i++) {
            bits[i] = Double.doubleToRawLongBits(m.data[i]);
        }
        return bits;
    }

    private ModelDocument document(Network net) {
        Map<String, String> metadata = new LinkedHashMap<>();
        metadata.put("epoch", "12");
        metadata.put("note", "lr = 0.1 # tuned, ünïcödé, trailing space ");
        metadata.put("empty", "");
        Map<String, DMatrixRMaj> arrays = new LinkedHashMap<>();
        arrays.put("optimizer/layer0.W/m", specialValues());
        arrays.put("scaler/mean", new DMatrixRMaj(1, 3, true, 0.5, -2.25, 1e10));
        arrays.put("empty", new DMatrixRMaj(0, 3));
        return new ModelDocument(net, Optional.of(ComponentSpec.of("mse")), metadata, arrays);
    }

    @Test
    void saveThenLoad_isBitIdentical_forParametersSpecLossMetadataAndArrays() throws IOException {
        Network net = network(registries, 42);
        ModelDocument saved = document(net);
        Path file = dir.resolve("model.bp");

        ModelFile.save(file, saved);
        ModelDocument loaded = ModelFile.load(file, registries);

        assertThat(loaded.network().spec()).isEqualTo(net.spec());
        List<Parameter> expected = net.parameters();
        List<Parameter> actual = loaded.network().parameters();
        assertThat(actual).extracting(Parameter::name).containsExactly("layer0.W", "layer0.b", "layer1.W");
        for (int i = 0; i < expected.size(); i++) {
            assertThat(actual.get(i).value().numRows).isEqualTo(expected.get(i).value().numRows);
            assertThat(actual.get(i).value().numCols).isEqualTo(expected.get(i).value().numCols);
            assertThat(bits(actual.get(i).value()))
                    .containsExactly(bits(expected.get(i).value()));
        }
        assertThat(loaded.loss()).contains(ComponentSpec.of("mse"));
        assertThat(loaded.metadata()).containsExactlyEntriesOf(saved.metadata());
        // extra arrays are kept sorted by key, so equal documents give equal bytes
        assertThat(loaded.arrays().keySet()).containsExactly("empty", "optimizer/layer0.W/m", "scaler/mean");
        for (String key : saved.arrays().keySet()) {
            DMatrixRMaj a = loaded.arrays().get(key);
            DMatrixRMaj e = saved.arrays().get(key);
            assertThat(new int[] {a.numRows, a.numCols}).containsExactly(e.numRows, e.numCols);
            assertThat(bits(a)).containsExactly(bits(e));
        }
    }

    @Test
    void loadedNetwork_computesTheSameOutputsBitForBit() throws IOException {
        Network net = network(registries, 7);
        Path file = dir.resolve("model.bp");
        ModelFile.save(file, ModelDocument.of(net));
        Network loaded = ModelFile.load(file, registries).network();
        DMatrixRMaj x = new DMatrixRMaj(3, 3, true, 0.1, -0.2, 0.3, 1.5, 0.0, -2.0, 0.7, 0.7, 0.7);

        long[] expected = bits(net.forward(x));

        assertThat(bits(loaded.forward(x))).containsExactly(expected);
        assertThat(loaded.layer(0).activation().config().asMap()).containsEntry("scale", "0.5");
    }

    @Test
    void save_overAnExistingFile_replacesIt() throws IOException {
        Path file = dir.resolve("model.bp");
        ModelFile.save(file, ModelDocument.of(network(registries, 1)));
        Network second = network(registries, 2);

        ModelFile.save(file, ModelDocument.of(second));

        assertThat(bits(ModelFile.load(file, registries).network().layer(0).weights()))
                .containsExactly(bits(second.layer(0).weights()));
    }

    @Test
    void save_sameDocumentTwice_givesIdenticalBytes() throws IOException {
        ModelDocument doc = document(network(registries, 3));
        Path a = dir.resolve("a.bp");
        Path b = dir.resolve("b.bp");

        ModelFile.save(a, doc);
        ModelFile.save(b, doc);

        assertThat(Files.readAllBytes(a)).isEqualTo(Files.readAllBytes(b));
    }

    @Test
    void manifest_isTheFirstEntry_withTheDocumentedLines() throws IOException {
        Network net = Network.builder(registries)
                .input(2)
                .dense(2, "tanh")
                .dense(1, "identity", false)
                .build();
        Path file = dir.resolve("model.bp");
        ModelFile.save(
                file, ModelDocument.of(net).withLoss(ComponentSpec.of("mse")).withMetadata("epoch", "3"));

        List<String> names = new ArrayList<>();
        String manifest;
        try (ZipFile zip = new ZipFile(file.toFile())) {
            for (Enumeration<? extends ZipEntry> it = zip.entries(); it.hasMoreElements(); ) {
                ZipEntry e = it.nextElement();
                names.add(e.getName());
                assertThat(e.getMethod()).as("stored uncompressed").isEqualTo(ZipEntry.STORED);
            }
            try (InputStream in = zip.getInputStream(zip.getEntry("manifest.txt"))) {
                manifest = new String(in.readAllBytes(), StandardCharsets.UTF_8);
            }
        }

        assertThat(names).containsExactly("manifest.txt", "layer0.W.npy", "layer0.b.npy", "layer1.W.npy");
        // by hand: the package documentation's key table, in its order
        assertThat(manifest)
                .startsWith("format = bp-model\n"
                        + "format-version = 1\n"
                        + "input = 2\n"
                        + "layers = 2\n"
                        + "layer.0 = in=2 out=2 bias=true dropout=0.0\n"
                        + "layer.0.activation = tanh\n"
                        + "layer.1 = in=2 out=1 bias=false dropout=0.0\n"
                        + "layer.1.activation = identity\n"
                        + "loss = mse\n"
                        + "meta.epoch = 3\n");
        assertThat(manifest.lines().filter(l -> l.startsWith("sha256.")))
                .extracting(l -> l.substring(0, l.indexOf(" = ")))
                .containsExactly("sha256.layer0.W.npy", "sha256.layer0.b.npy", "sha256.layer1.W.npy");
        Map<String, byte[]> entries = Archives.read(file);
        // the manifest's checksum is sha256 of the entry's bytes, as `sha256sum` would print it
        assertThat(manifest).contains("sha256.layer0.b.npy = " + Archives.sha256(entries.get("layer0.b.npy")));
    }

    @Test
    void npyEntries_areByteForByteWhatNumpySaveWrites() throws IOException {
        // numpy: np.save("numpy-2x3.npy", np.arange(6.0).reshape(2, 3) / 4)
        //        np.save("numpy-100x3.npy", np.arange(300.0).reshape(100, 3) / 8)
        DMatrixRMaj small = new DMatrixRMaj(2, 3);
        for (int i = 0; i < 6; i++) {
            small.data[i] = i / 4.0;
        }
        DMatrixRMaj tall = new DMatrixRMaj(100, 3);
        for (int i = 0; i < 300; i++) {
            tall.data[i] = i / 8.0;
        }
        Path file = dir.resolve("model.bp");
        ModelFile.save(
                file,
                ModelDocument.of(network(registries, 1))
                        .withArray("small", small)
                        .withArray("tall", tall));

        Map<String, byte[]> entries = Archives.read(file);

        assertThat(entries.get("small.npy")).isEqualTo(resource("numpy-2x3.npy"));
        assertThat(entries.get("tall.npy")).isEqualTo(resource("numpy-100x3.npy"));
    }

    @Test
    void fileWrittenWithPythonZipfileAndNumpy_loads() throws IOException {
        // Written by python3 with zipfile (ZIP_STORED), numpy.save and hashlib.sha256:
        //   layer0.W = np.array([[0.5, -1.25, 2.0], [0.125, 3.0, -0.75]]), layer0.b = np.array([[0.1, 0.2, 0.3]]),
        //   layer1.W = np.array([[1.0], [-2.0], [0.25]]),
        //   extra/fortran = np.asfortranarray(np.arange(6.0).reshape(2, 3)), extra/vector = np.array([1.5, -2.0]);
        //   manifest: input 2, layer.0 in=2 out=3 bias=true tanh, layer.1 in=3 out=1 bias=false identity, loss mse,
        //   meta.written-by = python zipfile and numpy
        Path file = dir.resolve("python-written.bp");
        Files.write(file, resource("python-written.bp"));

        ModelDocument doc = ModelFile.load(file, registries);

        Network net = doc.network();
        assertThat(net.spec().shape()).isEqualTo("2-3-1");
        assertThat(net.layer(0).weights().data).containsExactly(0.5, -1.25, 2.0, 0.125, 3.0, -0.75);
        assertThat(net.layer(0).bias().data).containsExactly(0.1, 0.2, 0.3);
        assertThat(net.layer(1).hasBias()).isFalse();
        assertThat(net.layer(1).weights().data).containsExactly(1.0, -2.0, 0.25);
        assertThat(doc.loss()).contains(ComponentSpec.of("mse"));
        assertThat(doc.metadata()).containsExactlyEntriesOf(Map.of("written-by", "python zipfile and numpy"));
        // column-major on disk, row-major in memory: arange(6).reshape(2, 3) is [[0, 1, 2], [3, 4, 5]]
        DMatrixRMaj fortran = doc.arrays().get("extra/fortran");
        assertThat(new int[] {fortran.numRows, fortran.numCols}).containsExactly(2, 3);
        assertThat(fortran.data).containsExactly(0, 1, 2, 3, 4, 5);
        // a 1-D array is read as one row
        DMatrixRMaj vector = doc.arrays().get("extra/vector");
        assertThat(new int[] {vector.numRows, vector.numCols}).containsExactly(1, 2);
        assertThat(vector.data).containsExactly(1.5, -2.0);
    }

    static byte[] resource(String name) throws IOException {
        try (InputStream in = ModelFileRoundTripTest.class.getResourceAsStream(name)) {
            assertThat(in).as("test resource " + name).isNotNull();
            return in.readAllBytes();
        }
    }
}
