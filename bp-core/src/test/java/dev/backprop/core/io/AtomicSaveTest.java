package dev.backprop.core.io;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.backprop.core.network.Network;
import dev.backprop.core.registry.Registries;
import java.io.BufferedReader;
import java.io.FilterOutputStream;
import java.io.IOException;
import java.io.InputStreamReader;
import java.io.OutputStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.NoSuchFileException;
import java.nio.file.Path;
import java.util.List;
import java.util.concurrent.TimeUnit;
import java.util.function.UnaryOperator;
import java.util.stream.Collectors;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

class AtomicSaveTest {

    @TempDir
    Path dir;

    private final Registries registries = IoTestRegistries.standard();

    private static List<String> namesIn(Path folder) throws IOException {
        try (Stream<Path> files = Files.list(folder)) {
            return files.map(p -> p.getFileName().toString()).sorted().collect(Collectors.toList());
        }
    }

    /** A stream that passes {@code limit} bytes through, then fails as a full disk would. */
    private static UnaryOperator<OutputStream> failingAfter(long limit) {
        return out -> new FilterOutputStream(out) {
            private long written;

            @Override
            public void write(int b) throws IOException {
                write(new byte[] {(byte) b}, 0, 1);
            }

            @Override
            public void write(byte[] b, int off, int len) throws IOException {
                if (written + len > limit) {
                    throw new IOException("injected failure after " + limit + " bytes");
                }
                written += len;
                out.write(b, off, len);
            }
        };
    }

    @ParameterizedTest
    @ValueSource(longs = {0, 5_000, 25_000})
    void writerFailingHalfWay_leavesThePreviousFileLoadable_andNoTemporaryFile(long failAfter) throws IOException {
        Path file = dir.resolve("model.bp");
        Network first =
                Network.builder(registries).input(60).dense(60, "tanh").seed(1).build();
        ModelFile.save(file, ModelDocument.of(first).withMetadata("version", "1"));
        byte[] before = Files.readAllBytes(file);
        Network second =
                Network.builder(registries).input(60).dense(60, "tanh").seed(2).build();

        // the file is about 60·60·8 = 28,800 bytes of weights plus headers, so every limit fails mid-file
        assertThatThrownBy(() -> ModelFile.save(
                        file, ModelDocument.of(second).withMetadata("version", "2"), failingAfter(failAfter)))
                .isInstanceOf(IOException.class)
                .hasMessage("injected failure after " + failAfter + " bytes");

        assertThat(Files.readAllBytes(file)).isEqualTo(before);
        ModelDocument loaded = ModelFile.load(file, registries);
        assertThat(loaded.metadata()).containsEntry("version", "1");
        assertThat(loaded.network().layer(0).weights().data)
                .containsExactly(first.layer(0).weights().data);
        assertThat(namesIn(dir)).containsExactly("model.bp");
    }

    @Test
    void saveIntoAMissingFolder_failsAndCreatesNothing() {
        Path file = dir.resolve("no-such-folder").resolve("model.bp");
        Network net = Network.builder(registries).input(2).dense(2, "tanh").build();

        assertThatThrownBy(() -> ModelFile.save(file, ModelDocument.of(net))).isInstanceOf(NoSuchFileException.class);
        assertThat(Files.exists(file.getParent())).isFalse();
    }

    @Test
    void saveOverAFolder_isRefused() throws IOException {
        Path folder = Files.createDirectory(dir.resolve("model.bp"));
        Network net = Network.builder(registries).input(2).dense(2, "tanh").build();

        assertThatThrownBy(() -> ModelFile.save(folder, ModelDocument.of(net)))
                .hasMessage("Cannot save to " + folder + ": it is a directory, and bp replaces only regular files."
                        + " Choose another path.");
    }

    /**
     * A child JVM saves a 1000 × 500 network (4 MB of weights) to one path in a loop; it is killed twice,
     * each time just after a temporary file of a save in progress was seen. Every time the file must load, whole
     * and from one save, and the temporary file left behind must not disturb loading.
     */
    @Test
    @Timeout(value = 120, unit = TimeUnit.SECONDS)
    void killedWriter_leavesAWholeLoadableFile_andItsTemporaryFileIsIgnored() throws Exception {
        Path models = Files.createDirectory(dir.resolve("models"));
        Path file = models.resolve("model.bp");
        String java = ProcessHandle.current()
                .info()
                .command()
                .orElse(Path.of(System.getProperty("java.home"), "bin", "java").toString());
        long previous = 0;
        for (int round = 1; round <= 2; round++) {
            long first = round * 1_000_000L;
            Path log = dir.resolve("child-" + round + ".log");
            Process child = new ProcessBuilder(
                            java,
                            "-Xmx256m",
                            "-cp",
                            System.getProperty("java.class.path"),
                            SaveLoopMain.class.getName(),
                            file.toString(),
                            "1000",
                            "500",
                            Long.toString(first))
                    .redirectError(log.toFile())
                    .start();
            boolean sawTemporary = false;
            try (BufferedReader out =
                    new BufferedReader(new InputStreamReader(child.getInputStream(), StandardCharsets.UTF_8))) {
                String line = out.readLine();
                assertThat(line)
                        .as("the child's first save; its log: %s", Files.exists(log) ? Files.readString(log) : "")
                        .isEqualTo("saved " + first);
                long deadline = System.nanoTime() + TimeUnit.SECONDS.toNanos(30);
                while (!sawTemporary && System.nanoTime() < deadline) {
                    sawTemporary = namesIn(models).stream().anyMatch(n -> n.endsWith(".tmp"));
                }
                // kill at slightly different points of the write
                Thread.sleep(round - 1);
                child.destroyForcibly();
                assertThat(child.waitFor(30, TimeUnit.SECONDS)).isTrue();
            } finally {
                child.destroyForcibly();
            }
            assertThat(sawTemporary).as("a save in progress was seen").isTrue();
            Files.writeString(models.resolve(".model.bp.12345.tmp"), "a stray, broken temporary file");

            ModelDocument doc = ModelFile.load(file, registries);

            long version = Long.parseLong(doc.metadata().get("version"));
            assertThat(version).isGreaterThanOrEqualTo(first).isGreaterThan(previous);
            // save v wrote every weight as v and every bias as −v: a file mixing two saves would differ
            assertThat(doc.network().layer(0).weights().data).hasSize(500_000).containsOnly((double) version);
            assertThat(doc.network().layer(0).bias().data).hasSize(500).containsOnly((double) -version);
            previous = version;
        }
    }
}
