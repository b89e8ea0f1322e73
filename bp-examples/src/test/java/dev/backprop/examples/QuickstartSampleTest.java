package dev.backprop.examples;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.File;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.TimeUnit;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * Builds and runs the sample project {@code samples/quickstart} (README, "Using the library") as its own pom says:
 * compiled with only the bp artifacts it lists, run with them and the libraries Maven brings with them (EJML, the
 * SLF4J API, Apache Commons CSV). The jars are this build's own, taken from the test's class path, so nothing is
 * installed into a Maven repository.
 */
class QuickstartSampleTest {

    private static final Pattern ARTIFACT = Pattern.compile("<artifactId>([^<]+)</artifactId>");
    /** What bp's modules bring at run time that the sample does not list itself. */
    private static final List<String> TRANSITIVE = List.of("ejml-", "slf4j-api", "commons-csv");

    @TempDir
    Path dir;

    @Test
    void sample_compilesWithTheArtifactsItsPomLists_andLearnsMnist() throws Exception {
        Path sample = root().resolve("samples").resolve("quickstart");
        List<String> artifacts = dependencies(sample.resolve("pom.xml"));
        assertThat(artifacts)
                .containsExactly("bp-core", "bp-activations", "bp-losses", "bp-optim", "bp-data", "bp-datasets");
        String pom = Files.readString(sample.resolve("pom.xml"));
        assertThat(pom).contains("<artifactId>bp-bom</artifactId>").contains("<scope>import</scope>");

        Path classes = compile(sample, classPath(artifacts, List.of()));
        Run run = run(classes, classPath(artifacts, TRANSITIVE));

        assertThat(run.exitCode()).as(run.output()).isZero();
        Matcher m = Pattern.compile("test accuracy ([0-9.]+)").matcher(run.output());
        assertThat(m.find()).as(run.output()).isTrue();
        // seed 003 reports about 0.9 test accuracy for this network on MNIST after a few epochs; a network that
        // learned nothing scores 0.1
        assertThat(Double.parseDouble(m.group(1))).isGreaterThan(0.9);
    }

    @Test
    void sample_withoutBpActivations_isToldToAddIt() throws Exception {
        Path sample = root().resolve("samples").resolve("quickstart");
        List<String> artifacts = new ArrayList<>(dependencies(sample.resolve("pom.xml")));
        Path classes = compile(sample, classPath(artifacts, List.of()));
        artifacts.remove("bp-activations");

        Run run = run(classes, classPath(artifacts, TRANSITIVE));

        assertThat(run.exitCode()).isNotZero();
        assertThat(run.output())
                .contains("Unknown activation 'relu'")
                .contains("Add bp-activations to the class path or module path");
    }

    private static Path root() {
        // Surefire runs in the module's folder
        return Path.of("").toAbsolutePath().getParent();
    }

    /** The artifacts of the pom's dependencies section, in order (the BOM import is in dependencyManagement). */
    private static List<String> dependencies(Path pom) throws IOException {
        String text = Files.readString(pom, StandardCharsets.UTF_8);
        String section = text.substring(text.indexOf("</dependencyManagement>"));
        section = section.substring(section.indexOf("<dependencies>"), section.indexOf("</dependencies>"));
        List<String> out = new ArrayList<>();
        Matcher m = ARTIFACT.matcher(section);
        while (m.find()) {
            out.add(m.group(1));
        }
        return out;
    }

    /**
     * This build's jars (or class folders) of the given bp artifacts, and of the libraries whose file names start as
     * given, from the test's own class path.
     */
    private static String classPath(List<String> artifacts, List<String> libraries) {
        List<String> entries = new ArrayList<>();
        String[] classPath = System.getProperty("java.class.path").split(File.pathSeparator);
        for (String artifact : artifacts) {
            String found = Stream.of(classPath)
                    .filter(e -> isArtifact(Path.of(e), artifact))
                    .findFirst()
                    .orElseThrow(() -> new AssertionError(artifact + " is not on the test's class path"));
            entries.add(found);
        }
        for (String library : libraries) {
            Stream.of(classPath)
                    .filter(e -> Path.of(e).getFileName().toString().startsWith(library))
                    .forEach(entries::add);
        }
        return String.join(File.pathSeparator, entries);
    }

    private static boolean isArtifact(Path entry, String artifact) {
        String name = entry.getFileName().toString();
        if (name.endsWith(".jar")) {
            return name.matches(Pattern.quote(artifact) + "-[0-9].*\\.jar");
        }
        // a reactor module's classes folder: <module>/target/classes
        Path module = entry.getParent() == null ? null : entry.getParent().getParent();
        return name.equals("classes")
                && module != null
                && module.getFileName().toString().equals(artifact);
    }

    private Path compile(Path sample, String classPath) throws IOException, InterruptedException {
        Path classes = dir.resolve("classes");
        Files.createDirectories(classes);
        List<String> sources;
        try (Stream<Path> files =
                Files.walk(sample.resolve("src").resolve("main").resolve("java"))) {
            sources = files.filter(f -> f.toString().endsWith(".java"))
                    .map(Path::toString)
                    .toList();
        }
        List<String> args = new ArrayList<>(List.of(
                Path.of(System.getProperty("java.home"), "bin", "javac").toString(),
                "-Xlint:all",
                "-Werror",
                "--release",
                "17",
                "-d",
                classes.toString(),
                "-cp",
                classPath));
        args.addAll(sources);
        Run javac = run(args);
        assertThat(javac.exitCode()).as("%s\n%s", args, javac.output()).isZero();
        return classes;
    }

    private record Run(int exitCode, String output) {}

    private static Run run(Path classes, String classPath) throws IOException, InterruptedException {
        String java = Path.of(System.getProperty("java.home"), "bin", "java").toString();
        return run(List.of(
                java,
                "-cp",
                classes + File.pathSeparator + classPath,
                "-Dbp.backend=ejml",
                "com.example.quickstart.Quickstart"));
    }

    private static Run run(List<String> command) throws IOException, InterruptedException {
        Process process = new ProcessBuilder(command).redirectErrorStream(true).start();
        String output = new String(process.getInputStream().readAllBytes(), StandardCharsets.UTF_8);
        if (!process.waitFor(120, TimeUnit.SECONDS)) {
            process.destroyForcibly();
            throw new AssertionError(command.get(0) + " did not finish in 120 s: " + output);
        }
        return new Run(process.exitValue(), output);
    }
}
