package dev.backprop.core.io;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.within;
import static org.junit.jupiter.api.Assumptions.assumeTrue;

import dev.backprop.core.network.Network;
import dev.backprop.core.registry.Registries;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.util.List;
import java.util.concurrent.TimeUnit;
import org.ejml.data.DMatrixRMaj;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * numpy reads bp model files. Runs only where {@code python3} with numpy is installed: CI machines have only
 * a JDK, and there the test is skipped by an assumption. The byte-level format is also checked without Python
 * in {@link ModelFileRoundTripTest#npyEntries_areByteForByteWhatNumpySaveWrites}.
 */
class NumpyInteropTest {

    @TempDir
    Path dir;

    private final Registries registries = IoTestRegistries.standard();

    /** Runs python3 with a script and the file as its argument; null if python3 cannot be run. */
    private static List<String> python(String script, Path file) throws InterruptedException {
        try {
            Process p = new ProcessBuilder("python3", "-c", script, file.toString())
                    .redirectErrorStream(true)
                    .start();
            byte[] out = p.getInputStream().readAllBytes();
            if (!p.waitFor(60, TimeUnit.SECONDS) || p.exitValue() != 0) {
                return null;
            }
            return new String(out, StandardCharsets.UTF_8).lines().toList();
        } catch (IOException e) {
            return null;
        }
    }

    @Test
    void numpy_loadsTheModelFile_withTheSameShapesValuesAndChecksums() throws Exception {
        assumeTrue(
                python("import numpy", dir) != null,
                "python3 with numpy is not installed (CI machines have" + " only a JDK)");
        Network net = ModelFileRoundTripTest.network(registries, 11);
        DMatrixRMaj moment = new DMatrixRMaj(3, 4, true, 1, 2, 3, 4, 5, 6, 7, 8, 9, 10, 11, 12.5);
        Path file = dir.resolve("model.bp");
        ModelFile.save(
                file, ModelDocument.of(net).withMetadata("epoch", "4").withArray("optimizer/layer0.W/m", moment));

        // the package documentation's snippet, then what a user would check next
        List<String> lines = python(
                String.join(
                        "\n",
                        "import hashlib, sys, zipfile",
                        "import numpy as np",
                        "m = np.load(sys.argv[1])",
                        "print(m['layer0.W'].shape)",
                        "print(repr(float(m['layer0.W'].sum())))",
                        "print(repr(float(m['layer0.W'][1, 2])))",
                        "print(m['layer0.b'].shape, m['layer1.W'].shape, sorted(m.files))",
                        "print(m['optimizer/layer0.W/m'].tolist())",
                        "manifest = m['manifest.txt'].decode()",
                        "print([l for l in manifest.splitlines() if l.startswith('meta.')])",
                        "sums = dict(l.split(' = ') for l in manifest.splitlines() if l.startswith('sha256.'))",
                        "z = zipfile.ZipFile(sys.argv[1])",
                        "print(all(hashlib.sha256(z.read(k[len('sha256.'):])).hexdigest() == v for k, v in sums.items()),"
                                + " len(sums))"),
                file);

        assertThat(lines).isNotNull();
        double javaSum = 0;
        for (double w : net.layer(0).weights().data) {
            javaSum += w;
        }
        assertThat(lines.get(0)).isEqualTo("(3, 4)");
        // numpy sums pairwise, Java left to right: equal to rounding
        assertThat(Double.parseDouble(lines.get(1))).isCloseTo(javaSum, within(1e-12));
        // repr of a float round-trips exactly
        assertThat(Double.parseDouble(lines.get(2)))
                .isEqualTo(net.layer(0).weights().get(1, 2));
        assertThat(lines.get(3))
                .isEqualTo("(1, 4) (4, 2) ['layer0.W', 'layer0.b', 'layer1.W', 'manifest.txt',"
                        + " 'optimizer/layer0.W/m']");
        assertThat(lines.get(4)).isEqualTo("[[1.0, 2.0, 3.0, 4.0], [5.0, 6.0, 7.0, 8.0], [9.0, 10.0, 11.0, 12.5]]");
        assertThat(lines.get(5)).isEqualTo("['meta.epoch = 4']");
        assertThat(lines.get(6)).isEqualTo("True 4");
    }
}
