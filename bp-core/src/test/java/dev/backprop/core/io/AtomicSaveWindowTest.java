package dev.backprop.core.io;

import static org.assertj.core.api.Assertions.assertThat;

import dev.backprop.core.registry.Registries;
import java.io.BufferedReader;
import java.io.InputStreamReader;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.concurrent.TimeUnit;
import java.util.stream.Collectors;
import java.util.stream.Stream;
import org.junit.jupiter.api.Timeout;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

/**
 * A writer killed at a known point of an atomic save: the child ({@link PausingSaveMain}) saves version v, then
 * stops inside the save of v + 1 and says where, and only then is it killed. At {@code complete} the temporary
 * file holds the whole of v + 1 (this test loads it) and only the rename is missing: that is the write–rename
 * window. At {@code half} the temporary file is cut short. Either way the target must still be v, whole, and
 * the temporary file left behind must not disturb loading.
 */
class AtomicSaveWindowTest {

    @TempDir
    Path dir;

    private final Registries registries = IoTestRegistries.standard();

    @ParameterizedTest
    @ValueSource(strings = {"complete", "half"})
    @Timeout(value = 120, unit = TimeUnit.SECONDS)
    void writerKilledInsideASave_leavesThePreviousVersion(String point) throws Exception {
        Path file = dir.resolve("model.bp");
        String java = ProcessHandle.current()
                .info()
                .command()
                .orElse(Path.of(System.getProperty("java.home"), "bin", "java").toString());
        Path log = dir.resolve("child.log");
        Process child = new ProcessBuilder(
                        java,
                        "-Xmx128m",
                        "-cp",
                        System.getProperty("java.class.path"),
                        PausingSaveMain.class.getName(),
                        file.toString(),
                        "200",
                        "100",
                        "1000",
                        point)
                .redirectError(log.toFile())
                .start();
        String saved;
        String paused;
        List<String> temporaries;
        try (BufferedReader out =
                new BufferedReader(new InputStreamReader(child.getInputStream(), StandardCharsets.UTF_8))) {
            saved = out.readLine();
            paused = out.readLine();
            // the child is now asleep inside the save: look at its temporary file before killing it
            temporaries = temporaries();
            assertThat(temporaries).as("the temporary file of the paused save").hasSize(1);
            Path temporary = dir.resolve(temporaries.get(0));
            long size = Long.parseLong(saved.split(" ")[2]);
            if (point.equals("complete")) {
                // all bytes are in the temporary file and it is a whole model file of version 1001
                assertThat(Files.size(temporary)).isEqualTo(size);
                assertThat(ModelFile.load(temporary, registries).metadata()).containsEntry("version", "1001");
            } else {
                assertThat(Files.size(temporary))
                        .isGreaterThanOrEqualTo(size / 2)
                        .isLessThan(size);
            }
            child.destroyForcibly();
            assertThat(child.waitFor(30, TimeUnit.SECONDS)).isTrue();
        } finally {
            child.destroyForcibly();
        }
        assertThat(saved).as("the child's log: %s", Files.readString(log)).startsWith("saved 1000 ");
        assertThat(paused).startsWith("paused " + point + " ");

        ModelDocument doc = ModelFile.load(file, registries);

        assertThat(doc.metadata()).containsEntry("version", "1000");
        assertThat(doc.network().layer(0).weights().data).hasSize(20_000).containsOnly(1000.0);
        assertThat(doc.network().layer(0).bias().data).hasSize(100).containsOnly(-1000.0);
        // the killed save's temporary file stays behind, beside the target, and did not disturb loading
        assertThat(temporaries()).isEqualTo(temporaries);
    }

    private List<String> temporaries() throws Exception {
        try (Stream<Path> files = Files.list(dir)) {
            return files.map(p -> p.getFileName().toString())
                    .filter(n -> n.startsWith(".model.bp.") && n.endsWith(".tmp"))
                    .sorted()
                    .collect(Collectors.toList());
        }
    }
}
