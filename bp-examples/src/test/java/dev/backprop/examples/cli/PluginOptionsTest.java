package dev.backprop.examples.cli;

import static org.assertj.core.api.Assertions.assertThat;

import dev.backprop.core.spi.ActivationProvider;
import java.io.IOException;
import java.io.OutputStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.jar.JarEntry;
import java.util.jar.JarOutputStream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * Plug-in jars reach every command: through {@code --plugin-path} (before or after the command's name), the
 * {@code BP_PLUGIN_PATH} variable and the plug-in folder; a name two providers claim fails only where it is used,
 * and {@code --prefer} settles it.
 */
class PluginOptionsTest {

    private static final String RELU = "dev.backprop.activations.internal.ReluProvider";

    @TempDir
    Path dir;

    /** A jar with only a services file registering {@link ConflictingReluProvider}, which loads from the tests. */
    private Path conflictingJar(Path folder) throws IOException {
        Files.createDirectories(folder);
        Path jar = folder.resolve("conflicting-relu.jar");
        try (OutputStream file = Files.newOutputStream(jar);
                JarOutputStream out = new JarOutputStream(file)) {
            out.putNextEntry(new JarEntry("META-INF/services/" + ActivationProvider.class.getName()));
            out.write((ConflictingReluProvider.class.getName() + "\n").getBytes(StandardCharsets.UTF_8));
            out.closeEntry();
        }
        return jar;
    }

    @Test
    void aConflictOverRelu_doesNotStopACommandThatNeverUsesRelu() throws IOException {
        Path jar = conflictingJar(dir);

        CommandRun run = CommandRun.of(
                "iris", "--epochs", "1", "--activation", "tanh", "--plugin-path", jar.toString(), "--json");

        assertThat(run.exitCode()).as(run.toString()).isZero();
        assertThat(run.number("epochs")).isEqualTo(1.0);
    }

    @Test
    void aConflictOverRelu_failsTheCommandThatUsesIt_namingBothClasses_andPrefer() throws IOException {
        Path jar = conflictingJar(dir);

        CommandRun run =
                CommandRun.of("iris", "--epochs", "1", "--activation", "relu", "--plugin-path", jar.toString());

        assertThat(run.exitCode()).as(run.toString()).isEqualTo(BpCommand.CHECK_FAILED);
        assertThat(run.err())
                .startsWith("bp iris: Two activation providers claim the name 'relu'")
                .contains(RELU, ConflictingReluProvider.class.getName())
                .contains("--prefer");
    }

    @Test
    void prefer_givesTheNameToTheChosenClass() throws IOException {
        Path jar = conflictingJar(dir);

        CommandRun run = CommandRun.of(
                "iris", "--epochs", "1", "--activation", "relu", "--plugin-path", jar.toString(), "--prefer", RELU);

        assertThat(run.exitCode()).as(run.toString()).isZero();
    }

    @Test
    void preferringAClassNoProviderHas_isBadInput() {
        CommandRun run = CommandRun.of("iris", "--epochs", "1", "--prefer", "com.example.Nothing");

        assertThat(run.exitCode()).isEqualTo(BpCommand.BAD_INPUT);
        assertThat(run.err()).contains("Cannot prefer com.example.Nothing");
    }

    @Test
    void pluginPath_beforeTheCommandName_andAsAPathList_isReadToo() throws IOException {
        Path jar = conflictingJar(dir.resolve("a"));
        Path other = Files.createDirectories(dir.resolve("empty"));

        CommandRun run = CommandRun.of("--plugin-path", other + java.io.File.pathSeparator + jar, "plugins", "--json");

        assertThat(run.exitCode()).as(run.toString()).isEqualTo(BpCommand.CHECK_FAILED);
        assertThat(run.out()).contains(ConflictingReluProvider.class.getName());
        assertThat(run.number("conflicts")).isEqualTo(1.0);
    }

    @Test
    void environmentVariable_addsJars() throws IOException {
        Path jar = conflictingJar(dir);

        CommandRun run = CommandRun.withPluginSources(jar.toString(), null, "plugins", "--json");

        assertThat(run.out()).contains("conflicting-relu.jar");
        assertThat(run.number("conflicts")).isEqualTo(1.0);
    }

    @Test
    void pluginFolder_isAlwaysScanned_forJars() throws IOException {
        Path folder = dir.resolve("home/plugins");
        conflictingJar(folder);

        CommandRun run = CommandRun.withPluginSources(null, folder, "plugins", "--json");

        assertThat(run.out()).contains("conflicting-relu.jar");
        assertThat(run.number("conflicts")).isEqualTo(1.0);
    }

    @Test
    void missingPluginFolder_isNoError() {
        CommandRun run = CommandRun.withPluginSources(null, dir.resolve("no-such-folder"), "plugins");

        assertThat(run.exitCode()).as(run.toString()).isZero();
    }

    @Test
    void missingEntryOfTheEnvironmentVariable_isBadInput_namingTheVariable() {
        CommandRun run = CommandRun.withPluginSources("no/such.jar", null, "plugins");

        assertThat(run.exitCode()).isEqualTo(BpCommand.BAD_INPUT);
        assertThat(run.err()).contains("BP_PLUGIN_PATH names no/such.jar, which does not exist");
    }

    @Test
    void unknownActivation_saysHowToAddAPluginToTheProgram() {
        CommandRun run = CommandRun.of("iris", "--activation", "bent-identity");

        assertThat(run.exitCode()).isEqualTo(BpCommand.BAD_INPUT);
        assertThat(run.err())
                .startsWith("bp iris: Unknown activation 'bent-identity'.")
                .contains("--plugin-path JAR", "BP_PLUGIN_PATH", "~/.bp/plugins");
    }
}
