package dev.backprop.examples;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.File;
import java.io.IOException;
import java.lang.module.ModuleFinder;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.FileTime;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.Assumptions;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * The {@code bp} script itself, run by bash as a user runs it, on the program this build has just packaged: it
 * adds the Vector API module when Java has it, leaves it out on {@code BP_VECTOR=0}, and drops Java's one-line
 * incubator notice while passing everything else on standard error through unchanged.
 */
class LauncherIT {

    private static final String MAIN = "dev.backprop.examples/dev.backprop.examples.Main";
    private static final String NOTICE = "WARNING: Using incubator modules: jdk.incubator.vector";

    @TempDir
    static Path work;

    private static Path root;

    private static Path property(String name) {
        String value = System.getProperty(name);
        assertThat(value).as("system property " + name + " (set by the build)").isNotBlank();
        return Path.of(value);
    }

    @BeforeAll
    static void markTheProgramBuilt() throws IOException {
        Assumptions.assumeTrue(Files.isExecutable(Path.of("/bin/bash")), "bash is not installed");
        root = property("bp.root");
        assertThat(property("bp.program.jar")).exists();
        // this build packaged the program from the current sources: stamp it as the script does after a build of
        // its own, so that the script runs it instead of starting Maven inside Maven
        Path stamp = property("bp.program.lib").resolve(".built");
        if (!Files.exists(stamp)) {
            Files.createFile(stamp);
        }
        Files.setLastModifiedTime(stamp, FileTime.from(Instant.now()));
    }

    private record Run(int exit, String out, String err) {
        @Override
        public String toString() {
            return "exit " + exit + "\n--- stdout\n" + out + "--- stderr\n" + err;
        }
    }

    private static Run run(List<String> command, Map<String, String> environment)
            throws IOException, InterruptedException {
        Path out = Files.createTempFile(work, "out", ".txt");
        Path err = Files.createTempFile(work, "err", ".txt");
        ProcessBuilder builder = new ProcessBuilder(command)
                .directory(work.toFile())
                .redirectOutput(out.toFile())
                .redirectError(err.toFile());
        Map<String, String> env = builder.environment();
        env.remove("BP_PLUGIN_PATH");
        env.remove("BP_VECTOR");
        env.remove("JAVA_TOOL_OPTIONS");
        env.remove("JDK_JAVA_OPTIONS");
        env.put("JAVA_HOME", System.getProperty("java.home"));
        // never the machine's ~/.bp/plugins
        env.put("BP_JAVA_OPTS", "-Dbp.home=" + work.resolve("home"));
        env.putAll(environment);
        Process process = builder.start();
        process.getOutputStream().close();
        assertThat(process.waitFor(300, TimeUnit.SECONDS)).as("finished").isTrue();
        return new Run(
                process.exitValue(),
                Files.readString(out, StandardCharsets.UTF_8),
                Files.readString(err, StandardCharsets.UTF_8));
    }

    private static Run script(Map<String, String> environment, String... args)
            throws IOException, InterruptedException {
        List<String> command =
                new ArrayList<>(List.of("/bin/bash", root.resolve("bp").toString()));
        command.addAll(List.of(args));
        return run(command, environment);
    }

    private static final String[] BENCH = {
        "bench", "--hidden", "8", "--batch-size", "10", "--seconds", "0.2", "--threads", "1", "--backend", "ejml"
    };

    @Test
    void script_addsTheVectorApiModule_withoutJavasIncubatorNotice() throws Exception {
        Assumptions.assumeTrue(
                ModuleFinder.ofSystem().find("jdk.incubator.vector").isPresent(),
                "this Java has no jdk.incubator.vector");
        Run run = script(Map.of(), BENCH);

        assertThat(run.exit()).as(run.toString()).isZero();
        assertThat(run.out()).as(run.toString()).contains("pure Java on EJML matrices, 1 thread, Vector API (");
        assertThat(run.err()).as(run.toString()).doesNotContain("incubator");
    }

    @Test
    void bpVectorZero_leavesTheModuleOut_soThePlainLoopsRun() throws Exception {
        Run run = script(Map.of("BP_VECTOR", "0"), BENCH);

        assertThat(run.exit()).as(run.toString()).isZero();
        assertThat(run.out()).as(run.toString()).contains("pure Java on EJML matrices, 1 thread, plain loops");
        assertThat(run.err()).as(run.toString()).doesNotContain("incubator");
    }

    @Test
    void everythingElseOnStandardError_passesThroughTheScriptUnchanged() throws Exception {
        // a note Java prints before its incubator notice, then the program's own error
        Map<String, String> env = Map.of("JAVA_TOOL_OPTIONS", "-Dbp.launcher.check=1");
        Run viaScript = script(env, "nosuch");
        // the same program started directly, without the module, so without the notice
        Run direct = run(
                List.of(
                        Path.of(System.getProperty("java.home"), "bin", "java").toString(),
                        "-Dbp.home=" + work.resolve("home"),
                        "--module-path",
                        property("bp.program.jar") + File.pathSeparator + property("bp.program.lib"),
                        "--module",
                        MAIN,
                        "nosuch"),
                env);

        assertThat(viaScript.exit()).as(viaScript.toString()).isEqualTo(2).isEqualTo(direct.exit());
        assertThat(viaScript.err())
                .as(viaScript.toString())
                .startsWith("Picked up JAVA_TOOL_OPTIONS: -Dbp.launcher.check=1\n")
                .contains("bp: Unmatched argument at index 0: 'nosuch'")
                .doesNotContain(NOTICE)
                .isEqualTo(direct.err());
        assertThat(viaScript.out()).isEqualTo(direct.out());
    }
}
