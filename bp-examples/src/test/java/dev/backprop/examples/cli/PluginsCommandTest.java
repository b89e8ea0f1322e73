package dev.backprop.examples.cli;

import static org.assertj.core.api.Assertions.assertThat;

import dev.backprop.core.spi.ActivationProvider;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class PluginsCommandTest {

    @Test
    void relu_isListedWithItsClassAndJar() {
        CommandRun run = CommandRun.of("plugins");
        assertThat(run.exitCode()).as(run.toString()).isZero();
        String relu = run.lineStartingWith("activation  relu ");
        assertThat(relu)
                .contains("dev.backprop.activations.internal.ReluProvider")
                .contains("bp-activations");
        assertThat(run.out()).contains("no conflicts");
    }

    @Test
    void everyBuiltInName_isListed() {
        CommandRun run = CommandRun.of("plugins", "--json");
        // the names the project's plug-in modules register (their services files)
        for (String name : List.of(
                "identity",
                "sigmoid",
                "tanh",
                "relu",
                "leaky-relu",
                "elu",
                "selu",
                "gelu",
                "softplus",
                "softsign",
                "swish",
                "mish",
                "hard-sigmoid",
                "hard-tanh",
                "softmax",
                "log-softmax")) {
            assertThat(run.lineStartingWith("activation  " + name + " ")).contains("bp-activations");
        }
        for (String name : List.of(
                "mse",
                "mae",
                "half-sse",
                "huber",
                "binary-cross-entropy",
                "categorical-cross-entropy",
                "softmax-cross-entropy",
                "kl-divergence",
                "hinge")) {
            assertThat(run.lineStartingWith("loss        " + name + " ")).contains("dev.backprop.losses");
        }
        for (String name : List.of("sgd", "momentum", "nesterov", "adagrad", "rmsprop", "adam", "adamw", "rprop")) {
            assertThat(run.lineStartingWith("optimizer   " + name + " ")).contains("dev.backprop.optim");
        }
        assertThat(run.number("activations")).isGreaterThanOrEqualTo(16);
        assertThat(run.number("optimizers")).isGreaterThanOrEqualTo(8);
        assertThat(run.number("conflicts")).isZero();
    }

    @Test
    void aPluginClaimingRelu_isReportedAsAConflict(@TempDir Path dir) throws IOException {
        Path jar = pluginFolder(dir);
        CommandRun run = CommandRun.of("plugins", "--plugin-path", jar.toString(), "--json");
        assertThat(run.exitCode()).as(run.toString()).isEqualTo(BpCommand.CHECK_FAILED);
        assertThat(run.out())
                .contains("1 CONFLICT:")
                .contains("Two activation providers claim the name 'relu'")
                .contains("dev.backprop.activations.internal.ReluProvider")
                .contains(ConflictingReluProvider.class.getName());
        // both providers are still listed
        assertThat(run.lines())
                .filteredOn(l -> l.startsWith("activation  relu "))
                .hasSize(2);
        assertThat(run.number("conflicts")).isEqualTo(1);
    }

    @Test
    void preferringOneClass_settlesTheConflict(@TempDir Path dir) throws IOException {
        Path folder = pluginFolder(dir);
        CommandRun run = CommandRun.of(
                "plugins", "--plugin-path", folder.toString(), "--prefer", ConflictingReluProvider.class.getName());
        assertThat(run.exitCode()).as(run.toString()).isZero();
        assertThat(run.out()).contains("no conflicts");
    }

    @Test
    void missingPluginPath_isBadInput() {
        CommandRun run = CommandRun.of("plugins", "--plugin-path", "no/such/plugin.jar");
        assertThat(run.exitCode()).isEqualTo(BpCommand.BAD_INPUT);
        assertThat(run.err()).startsWith("bp plugins: --plugin-path names no/such/plugin.jar, which does not exist");
    }

    /**
     * A plug-in folder holding only a services file that registers {@link ConflictingReluProvider}: the class
     * itself loads from the test classes, through the folder's class loader's parent.
     */
    private static Path pluginFolder(Path dir) throws IOException {
        Path services = dir.resolve("plugin/META-INF/services");
        Files.createDirectories(services);
        Files.writeString(
                services.resolve(ActivationProvider.class.getName()),
                ConflictingReluProvider.class.getName() + "\n",
                StandardCharsets.UTF_8);
        return dir.resolve("plugin");
    }
}
