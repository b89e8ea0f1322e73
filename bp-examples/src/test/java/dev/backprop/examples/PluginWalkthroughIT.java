package dev.backprop.examples;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.File;
import java.io.IOException;
import java.io.OutputStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Set;
import java.util.concurrent.TimeUnit;
import java.util.jar.JarEntry;
import java.util.jar.JarOutputStream;
import java.util.stream.Stream;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * The plug-in walk-through of README.md, run as a stranger would run it: the plug-in example's sources are
 * compiled with javac against bp-core's jar, outside the build, and packed into {@code my-plugin.jar} — once with
 * its {@code module-info} and once without — and every {@code ./bp} line of the documentation that uses
 * {@code my-plugin.jar} or its model files is run in a fresh JVM, launched as the {@code bp} script launches the
 * program (on the module path). The build passes the program's jar, its library folder and the project root as
 * system properties.
 */
class PluginWalkthroughIT {

    private static final String MAIN = "dev.backprop.examples/dev.backprop.examples.Main";
    private static final String DOC_PREFIX = "$ ./bp ";

    @TempDir
    static Path work;

    private static Path root;
    private static Path programJar;
    private static Path lib;

    private static Path property(String name) {
        String value = System.getProperty(name);
        assertThat(value).as("system property " + name + " (set by the build)").isNotBlank();
        Path path = Path.of(value);
        assertThat(path).exists();
        return path;
    }

    @BeforeAll
    static void buildThePluginOutsideTheBuild() throws IOException, InterruptedException {
        root = property("bp.root");
        programJar = property("bp.program.jar");
        lib = property("bp.program.lib");
        Path sources = root.resolve("bp-plugin-example/src/main");
        pluginJar(sources, true, work.resolve("modular"));
        pluginJar(sources, false, work.resolve("plain"));
        pluginJar(clashSources(work.resolve("clash-src")), true, work.resolve("clash"));
    }

    /**
     * The sources of a second modular plug-in, {@code com.example.clash}: one provider that claims
     * {@code bent-identity} too, and one whose constructor fails.
     */
    private static Path clashSources(Path dir) throws IOException {
        Path java = Files.createDirectories(dir.resolve("java/com/example/clash"));
        Files.writeString(
                dir.resolve("java/module-info.java"),
                "module com.example.clash { requires dev.backprop.core;"
                        + " provides dev.backprop.core.spi.ActivationProvider with com.example.clash.OtherBentIdentity,"
                        + " com.example.clash.Broken; }\n");
        Files.writeString(java.resolve("OtherBentIdentity.java"), """
                package com.example.clash;
                public final class OtherBentIdentity implements dev.backprop.core.spi.ActivationProvider {
                  public String name() { return "bent-identity"; }
                  public dev.backprop.core.spi.Activation create(dev.backprop.core.spi.Config c) {
                    throw new UnsupportedOperationException(); }
                }
                """);
        Files.writeString(java.resolve("Broken.java"), """
                package com.example.clash;
                public final class Broken implements dev.backprop.core.spi.ActivationProvider {
                  public Broken() { throw new IllegalStateException("broken on purpose"); }
                  public String name() { return "broken"; }
                  public dev.backprop.core.spi.Activation create(dev.backprop.core.spi.Config c) {
                    throw new UnsupportedOperationException(); }
                }
                """);
        Path services = Files.createDirectories(dir.resolve("resources/META-INF/services"));
        Files.writeString(
                services.resolve("dev.backprop.core.spi.ActivationProvider"),
                "com.example.clash.OtherBentIdentity\ncom.example.clash.Broken\n");
        return dir;
    }

    /** Compiles the plug-in's sources against the program's library folder and jars them with their resources. */
    private static void pluginJar(Path sources, boolean modular, Path folder) throws IOException, InterruptedException {
        Path classes = Files.createDirectories(folder.resolve("classes"));
        List<String> args = new ArrayList<>(List.of("-d", classes.toString(), "-encoding", "UTF-8"));
        List<String> libraries;
        try (Stream<Path> jars = Files.list(lib)) {
            libraries = jars.map(Path::toString)
                    .filter(name -> name.endsWith(".jar"))
                    .sorted()
                    .toList();
        }
        args.add(modular ? "--module-path" : "-classpath");
        args.add(String.join(File.pathSeparator, libraries));
        try (Stream<Path> files = Files.walk(sources.resolve("java"))) {
            files.filter(p -> p.toString().endsWith(".java"))
                    .filter(p -> modular || !p.getFileName().toString().equals("module-info.java"))
                    .forEach(p -> args.add(p.toString()));
        }
        args.add(0, Path.of(System.getProperty("java.home"), "bin", "javac").toString());
        Process javac = new ProcessBuilder(args).redirectErrorStream(true).start();
        String messages = new String(javac.getInputStream().readAllBytes(), StandardCharsets.UTF_8);
        assertThat(javac.waitFor(120, TimeUnit.SECONDS)).as("javac finished").isTrue();
        assertThat(javac.exitValue()).as("javac " + args + "\n" + messages).isZero();
        copy(sources.resolve("resources"), classes);
        Path jar = folder.resolve("my-plugin.jar");
        try (OutputStream file = Files.newOutputStream(jar);
                JarOutputStream out = new JarOutputStream(file);
                Stream<Path> entries = Files.walk(classes)) {
            for (Path p : entries.filter(Files::isRegularFile).sorted().toList()) {
                out.putNextEntry(new JarEntry(classes.relativize(p).toString().replace(File.separatorChar, '/')));
                out.write(Files.readAllBytes(p));
                out.closeEntry();
            }
        }
        // the input files of the walk-through: iris measurements, and the three regression takes
        Files.writeString(
                folder.resolve("flowers.csv"),
                "sepal length,sepal width,petal length,petal width\n5.1,3.5,1.4,0.2\n6.4,3.2,4.5,1.5\n6.3,3.3,6.0,2.5\n");
        Files.writeString(folder.resolve("sepals.csv"), "5.1,3.5,1.4\n6.3,3.3,6.0\n");
    }

    private static void copy(Path from, Path to) throws IOException {
        try (Stream<Path> files = Files.walk(from)) {
            for (Path p : files.filter(Files::isRegularFile).toList()) {
                Path target = to.resolve(from.relativize(p).toString());
                Files.createDirectories(target.getParent());
                Files.copy(p, target);
            }
        }
    }

    /**
     * Every {@code ./bp} line of the three documents that works with the plug-in jar or its model files, in order,
     * each once.
     */
    private static List<String> documentedCommands() throws IOException {
        Set<String> commands = new LinkedHashSet<>();
        for (String doc : List.of("README.md", "bp-examples/COMMANDS.md", "bp-plugin-example/README.md")) {
            for (String line : Files.readAllLines(root.resolve(doc), StandardCharsets.UTF_8)) {
                if (line.startsWith(DOC_PREFIX) && (line.contains("my-plugin.jar") || line.contains("-bent.bp"))) {
                    commands.add(line.substring(DOC_PREFIX.length()));
                }
            }
        }
        return List.copyOf(commands);
    }

    private static Run bp(Path folder, List<String> javaOptions, List<String> args)
            throws IOException, InterruptedException {
        List<String> command = new ArrayList<>();
        command.add(Path.of(System.getProperty("java.home"), "bin", "java").toString());
        // never the machine's ~/.bp/plugins
        command.add("-Dbp.home=" + folder.resolve("home"));
        if (Runtime.version().feature() >= 22) {
            // as the launcher does: Java 22+ warns when netlib's BLAS loader loads native code without leave
            command.add("--enable-native-access=dev.ludovic.netlib.blas,ALL-UNNAMED");
        }
        command.addAll(javaOptions);
        command.addAll(args);
        Path out = Files.createTempFile(work, "out", ".txt");
        Path err = Files.createTempFile(work, "err", ".txt");
        ProcessBuilder builder = new ProcessBuilder(command)
                .directory(folder.toFile())
                .redirectOutput(out.toFile())
                .redirectError(err.toFile());
        builder.environment().remove("BP_PLUGIN_PATH");
        Process process = builder.start();
        process.getOutputStream().close();
        assertThat(process.waitFor(120, TimeUnit.SECONDS)).as("finished").isTrue();
        return new Run(
                process.exitValue(),
                Files.readString(out, StandardCharsets.UTF_8),
                Files.readString(err, StandardCharsets.UTF_8));
    }

    /** The program as the {@code bp} script starts it: on the module path. */
    private static List<String> asModules() {
        return List.of("--module-path", programJar + File.pathSeparator + lib, "--module", MAIN);
    }

    /** Runs the documented lines in a folder and checks each; returns the output of {@code plugins}. */
    private static String walkThrough(Path folder) throws Exception {
        List<String> commands = documentedCommands();
        assertThat(commands).as("walk-through lines in the docs").hasSizeGreaterThanOrEqualTo(6);
        String plugins = null;
        for (String line : commands) {
            boolean expectsFailure = line.endsWith("; echo \"exit $?\"");
            String text = expectsFailure ? line.substring(0, line.indexOf(';')) : line;
            List<String> args = new ArrayList<>(asModules());
            args.addAll(Arrays.asList(text.strip().split("\\s+")));
            Run run = bp(folder, List.of(), args);
            String what = "./bp " + line + " in " + folder.getFileName() + "\n" + run;
            if (expectsFailure) {
                // the model names a plug-in that is not there: the message names it and the option
                assertThat(run.exitCode()).as(what).isEqualTo(3);
                assertThat(run.err()).as(what).contains("bp predict:", "'bent-identity'", "--plugin-path");
                continue;
            }
            assertThat(run.exitCode()).as(what).isZero();
            assertThat(run.err()).as(what).doesNotContain("WARN", "Exception");
            if (text.startsWith("plugins")) {
                plugins = run.out();
            }
            if (text.contains("--save ")) {
                assertThat(run.out()).as(what).contains("model saved to");
            }
            if (text.startsWith("predict") && text.contains("flowers.csv")) {
                assertThat(run.out().lines().toList())
                        .as(what)
                        .hasSize(4)
                        .first()
                        .isEqualTo("line,class,p_setosa,p_versicolor,p_virginica");
            }
            if (text.startsWith("predict") && text.contains("sepals.csv")) {
                assertThat(run.out().lines().toList()).as(what).hasSize(3);
            }
            if (text.contains("--activation bent-identity") || text.contains("--loss log-cosh")) {
                assertThat(run.out())
                        .as(what)
                        .containsAnyOf("bent-identity", "log-cosh")
                        .contains("network ");
            }
        }
        assertThat(plugins).as("the walk-through lists the plug-ins").isNotNull();
        return plugins;
    }

    private static String line(String listing, String kind, String name) {
        return listing.lines()
                .filter(l ->
                        l.startsWith(kind) && l.substring(kind.length()).strip().startsWith(name + " "))
                .findFirst()
                .orElseThrow(() -> new AssertionError("no " + kind + " " + name + " in\n" + listing));
    }

    @Test
    void walkThrough_withAModularJar_loadsItAsAModule() throws Exception {
        String plugins = walkThrough(work.resolve("modular"));

        assertThat(line(plugins, "activation", "bent-identity"))
                .contains("com.example.bp.BentIdentityProvider", "module com.example.bp (my-plugin.jar)");
        assertThat(line(plugins, "loss", "log-cosh"))
                .contains("com.example.bp.LogCoshLossProvider", "module com.example.bp (my-plugin.jar)");
        assertThat(plugins).contains("no conflicts");
    }

    @Test
    void walkThrough_withAPlainJar_loadsItOnTheClassLoader() throws Exception {
        String plugins = walkThrough(work.resolve("plain"));

        assertThat(line(plugins, "activation", "bent-identity"))
                .contains("com.example.bp.BentIdentityProvider", "my-plugin.jar")
                .doesNotContain("module com.example.bp");
        assertThat(line(plugins, "loss", "log-cosh")).contains("my-plugin.jar");
    }

    @Test
    void programOnTheClassPath_takesAModularJarByItsServicesFiles() throws Exception {
        Path folder = work.resolve("modular");
        String classPath = programJar + File.pathSeparator + lib + File.separator + "*";
        Run run = bp(
                folder,
                List.of(),
                List.of(
                        "-cp",
                        classPath,
                        "dev.backprop.examples.Main",
                        "iris",
                        "--plugin-path",
                        "my-plugin.jar",
                        "--activation",
                        "bent-identity",
                        "--epochs",
                        "2"));

        assertThat(run.exitCode()).as(run.toString()).isZero();
    }

    @Test
    void pluginFolder_isScanned_withoutAnyOption() throws Exception {
        Path folder = work.resolve("plain");
        Path plugins = Files.createDirectories(folder.resolve("home/plugins"));
        Files.copy(folder.resolve("my-plugin.jar"), plugins.resolve("my-plugin.jar"));
        try {
            List<String> args = new ArrayList<>(asModules());
            args.addAll(List.of("plugins"));
            Run run = bp(folder, List.of(), args);
            assertThat(line(run.out(), "activation", "bent-identity"))
                    .as(run.toString())
                    .contains("my-plugin.jar");
        } finally {
            Files.delete(plugins.resolve("my-plugin.jar"));
        }
    }

    /** The program on the module path with both modular plug-ins: the example and the clashing one. */
    private static Run withClash(String... args) throws IOException, InterruptedException {
        Path folder = work.resolve("clash");
        List<String> all = new ArrayList<>(asModules());
        all.add("--plugin-path");
        all.add(work.resolve("modular/my-plugin.jar") + File.pathSeparator + folder.resolve("my-plugin.jar"));
        all.addAll(List.of(args));
        return bp(folder, List.of(), all);
    }

    private static List<String> warnings(Run run) {
        return run.err().lines().filter(l -> l.contains("WARN")).toList();
    }

    @Test
    void conflictBetweenModules_failsOnlyWhereTheNameIsUsed_andBrokenProviderIsOneLine() throws Exception {
        Run plugins = withClash("plugins");
        assertThat(plugins.exitCode()).as(plugins.toString()).isEqualTo(1);
        assertThat(plugins.out())
                .contains("1 CONFLICT:", "com.example.bp.BentIdentityProvider", "com.example.clash.OtherBentIdentity")
                .contains("module com.example.clash");

        Run other = withClash("iris", "--activation", "tanh", "--epochs", "2");
        assertThat(other.exitCode()).as(other.toString()).isZero();
        assertThat(warnings(other)).as(other.toString()).hasSize(2);
        assertThat(warnings(other))
                .anySatisfy(w -> assertThat(w)
                        .contains("com.example.bp.BentIdentityProvider", "com.example.clash.OtherBentIdentity"))
                .anySatisfy(w -> assertThat(w).contains("com.example.clash.Broken", "broken on purpose"));
        assertThat(other.err()).as("no stack trace").doesNotContain("\tat ", "Exception in thread");

        Run used = withClash("iris", "--activation", "bent-identity", "--epochs", "2");
        assertThat(used.exitCode()).as(used.toString()).isEqualTo(1);
        assertThat(used.err())
                .contains("bp iris: Two activation providers claim the name 'bent-identity'")
                .contains("com.example.bp.BentIdentityProvider", "com.example.clash.OtherBentIdentity", "--prefer");

        Run preferred = withClash(
                "iris",
                "--activation",
                "bent-identity",
                "--prefer",
                "com.example.bp.BentIdentityProvider",
                "--epochs",
                "2");
        assertThat(preferred.exitCode()).as(preferred.toString()).isZero();
    }

    /**
     * What a launched program did.
     *
     * @param exitCode its exit code
     * @param out      standard output
     * @param err      standard error
     */
    private record Run(int exitCode, String out, String err) {
        @Override
        public String toString() {
            return "exit " + exitCode + "\n--- out\n" + out + "--- err\n" + err;
        }
    }
}
