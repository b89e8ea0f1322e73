package com.example.bp;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.File;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.Test;

/**
 * Uses the plug-in as a stranger's application would: in a fresh JVM, from the built jar, by name only. The
 * build passes the jar, the file listing its runtime class path (bp-core, EJML, SLF4J) and the test classes
 * (with the small training program) as system properties.
 */
class PluginLaunchIT {

    private static final String MAIN = "com.example.bp.demo.TrainWithBentIdentity";

    private static Path property(String name) {
        String value = System.getProperty(name);
        assertThat(value).as("system property " + name + " (set by the build)").isNotBlank();
        Path path = Path.of(value);
        assertThat(path).exists();
        return path;
    }

    private static String pluginJar() {
        return property("bp.plugin.jar").toString();
    }

    private static String dependencies() throws IOException {
        return Files.readString(property("bp.plugin.runtimeClasspath"), StandardCharsets.UTF_8)
                .strip();
    }

    private static String testClasses() {
        return property("bp.plugin.testClasses").toString();
    }

    private static Run launch(List<String> options) throws IOException, InterruptedException {
        List<String> command = new ArrayList<>();
        command.add(Path.of(System.getProperty("java.home"), "bin", "java").toString());
        command.addAll(options);
        command.add(MAIN);
        Process process = new ProcessBuilder(command).redirectErrorStream(true).start();
        String output = new String(process.getInputStream().readAllBytes(), StandardCharsets.UTF_8);
        assertThat(process.waitFor(60, TimeUnit.SECONDS))
                .as("finished within a minute")
                .isTrue();
        return new Run(process.exitValue(), output);
    }

    @Test
    void trainsWithTheActivationByName_fromTheJarOnTheClassPath() throws Exception {
        String classPath = String.join(File.pathSeparator, pluginJar(), dependencies(), testClasses());
        Run run = launch(List.of("-cp", classPath));
        assertThat(run.exitCode()).as(run.output()).isZero();
        // found through META-INF/services in the jar, an unnamed module
        assertThat(run.output())
                .contains("bent-identity from file:")
                .contains("bp-plugin-example")
                .doesNotContain("from module")
                .contains("decreased");
    }

    @Test
    void trainsWithTheActivationByName_fromTheJarOnTheModulePath() throws Exception {
        String modulePath = String.join(File.pathSeparator, pluginJar(), dependencies());
        Run run = launch(List.of("--module-path", modulePath, "--add-modules", "com.example.bp", "-cp", testClasses()));
        assertThat(run.exitCode()).as(run.output()).isZero();
        // found through 'provides' in module-info.java, a named module
        assertThat(run.output())
                .contains("bent-identity from module com.example.bp")
                .contains("decreased");
    }

    /** What a launched JVM did. */
    private record Run(int exitCode, String output) {}
}
