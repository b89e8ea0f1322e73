package dev.backprop.examples.cli;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeMap;
import java.util.concurrent.TimeUnit;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Runs every command line that README.md and bp-examples/COMMANDS.md show, and every {@code 'bp …'} command line
 * in a {@code --help} text, and compares what the program prints with the output the documents show, so that the
 * documents cannot drift from the program.
 *
 * <p>The rules (README.md, "Building and testing", says the same for writers of the documents):
 *
 * <ul>
 *   <li>The commands of one document run in order, in the program's own process ({@link CommandRun}), in one
 *       temporary folder: a relative file given to {@code --save}, {@code --history}, {@code --plot},
 *       {@code --model}, {@code --input}, {@code --onnx} or {@code --data} is a file there, and that folder's path is
 *       taken out of the output. The files the documents read but do not make ({@code flowers.csv},
 *       {@code broken.bp}) are copied there from the test resources' {@code docs} folder.
 *   <li>The output shown is standard output followed by the program's own messages on standard error; the log
 *       (INFO lines) is not part of it. The comparison follows {@link Excerpt}: {@code ...} elides, timing figures
 *       are not compared.
 *   <li>{@code ; echo "exit $?"} after a command: its last output line {@code exit N} is the expected exit code;
 *       every other command must exit with 0. {@code cat FILE} and {@code head -N FILE} show the file from the
 *       temporary folder (a history CSV's {@code seconds} column is not compared). {@code python3 …} runs with the
 *       system's {@code python3} and is left out when a Python module it imports is not installed.
 *   <li>Commands with {@code --plugin-path} are left out, and so are those that use a file one of them names
 *       (other than the files above):
 *       {@code PluginWalkthroughIT} runs them against a plug-in jar it builds. A fenced block under the line
 *       {@code <!-- docs-test: not run (reason) -->} is left out.
 *   <li>The excerpts were printed by Java {@value #DOCUMENTED_JAVA} with the pure-Java backend: the build sets
 *       {@code -Dbp.backend=ejml} for these tests. On another Java version numbers are compared by form only.
 * </ul>
 *
 * <p>With {@code -Dbp.docs.update=true} the test rewrites the excerpts that no longer match from what the program
 * printed (keeping the elisions) instead of failing, so that a change of the program's output is carried into the
 * documents with one command: {@code ./mvnw -B -pl bp-examples -am verify -Dtest=DocumentedCommandsTest
 * -Dsurefire.failIfNoSpecifiedTests=false -Dbp.docs.update=true}.
 */
class DocumentedCommandsTest {

    /** The Java version that printed the excerpts in the documents. */
    static final int DOCUMENTED_JAVA = 17;

    private static final Logger LOG = LoggerFactory.getLogger(DocumentedCommandsTest.class);
    private static final String EXIT_SUFFIX = "; echo \"exit $?\"";
    private static final Pattern EXIT_LINE = Pattern.compile("exit (\\d+)");
    private static final Set<String> FILE_OPTIONS =
            Set.of("--save", "--history", "--plot", "--model", "--input", "--onnx", "--data");
    private static final List<String> FIXTURES = List.of("flowers.csv", "broken.bp");
    private static final Pattern HELP_COMMAND = Pattern.compile("'bp ([^']+)'");

    private final Excerpt excerpt = new Excerpt(Runtime.version().feature() == DOCUMENTED_JAVA);
    private final boolean update = Boolean.getBoolean("bp.docs.update");

    @TempDir
    Path dir;

    @Test
    void readme_everyCommandPrintsWhatTheReadmeShows() throws IOException {
        checkDocument(root().resolve("README.md"));
    }

    @Test
    void commandsMd_everyCommandPrintsWhatCommandsMdShows() throws IOException {
        checkDocument(root().resolve("bp-examples").resolve("COMMANDS.md"));
    }

    @Test
    void helpTexts_everyCommandLineTheyShowRuns() {
        List<String> names = new ArrayList<>(
                BpCommand.commandLine(null, null).getSubcommands().keySet());
        List<String> failures = new ArrayList<>();
        Set<String> commandLines = new HashSet<>();
        for (String name : names) {
            CommandRun help = CommandRun.of(name, "--help");
            assertThat(help.exitCode()).as("bp %s --help", name).isZero();
            // picocli wraps the help text: join the lines again before looking for command lines
            Matcher m = HELP_COMMAND.matcher(help.out().replaceAll("\\R\\s*", " "));
            while (m.find()) {
                commandLines.add(m.group(1));
            }
        }
        assertThat(commandLines).as("command lines shown in the help texts").isNotEmpty();
        for (String line : commandLines) {
            CommandRun run = CommandRun.of(Transcript.words(line).toArray(String[]::new));
            // a help text may name a command that needs options ('bp predict'): it must exist, with those options
            boolean refersToCommand = run.exitCode() == 2 && run.err().contains("Missing required option");
            if (run.exitCode() != 0 && !refersToCommand) {
                failures.add("'bp " + line + "' shown in a help text: " + run);
            }
        }
        assertThat(failures).as("command lines of the help texts that fail").isEmpty();
    }

    private static Path root() {
        // Surefire runs in the module's folder
        Path here = Path.of("").toAbsolutePath();
        return Files.exists(here.resolve("COMMANDS.md")) ? here.getParent() : here;
    }

    private void checkDocument(Path document) throws IOException {
        for (String fixture : FIXTURES) {
            try (InputStream in = getClass().getResourceAsStream("/docs/" + fixture)) {
                assertThat(in).as("test resource docs/%s", fixture).isNotNull();
                Files.copy(in, dir.resolve(fixture));
            }
        }
        List<String> lines = Files.readAllLines(document, StandardCharsets.UTF_8);
        List<Transcript.Entry> entries = Transcript.parse(lines);
        assertThat(entries).as("commands in %s", document).isNotEmpty();
        Set<String> pluginFiles = new HashSet<>();
        List<String> failures = new ArrayList<>();
        // the rewritten excerpts by their first line, with the number of lines they replace
        Map<Integer, Map.Entry<Integer, List<String>>> rewrites = new TreeMap<>();
        int run = 0;
        for (Transcript.Entry entry : entries) {
            String line = entry.line();
            boolean exitShown = line.endsWith(EXIT_SUFFIX);
            List<String> words =
                    Transcript.words(exitShown ? line.substring(0, line.length() - EXIT_SUFFIX.length()) : line);
            Outcome outcome = execute(words, pluginFiles);
            if (outcome == null) {
                LOG.info("{}:{}: left out: {}", document.getFileName(), entry.lineIndex() + 1, line);
                continue;
            }
            run++;
            List<String> expected = new ArrayList<>(entry.excerpt());
            int expectedExit = 0;
            if (exitShown) {
                Matcher m = expected.isEmpty()
                        ? null
                        : EXIT_LINE.matcher(expected.get(expected.size() - 1).strip());
                if (m == null || !m.matches()) {
                    failures.add(where(document, entry) + ": no 'exit N' line under " + line);
                    continue;
                }
                expectedExit = Integer.parseInt(m.group(1));
                expected.remove(expected.size() - 1);
            }
            List<String> printed = outcome.printed();
            boolean outputOk = !entry.shown() || matches(words, expected, printed);
            boolean exitOk = outcome.exitCode() == expectedExit;
            if (outputOk && exitOk) {
                continue;
            }
            if (update && entry.shown() && (exitShown || outcome.exitCode() == 0)) {
                List<String> rewritten = new ArrayList<>(excerpt.rewrite(expected, printed));
                if (exitShown) {
                    rewritten.add("exit " + outcome.exitCode());
                }
                rewrites.put(entry.excerptStart(), Map.entry(entry.excerpt().size(), rewritten));
                continue;
            }
            failures.add(where(document, entry) + ": $ " + line + "\n--- expected (exit " + expectedExit + ")\n"
                    + String.join("\n", expected) + "\n--- printed (exit " + outcome.exitCode() + ")\n"
                    + String.join("\n", printed));
        }
        if (!rewrites.isEmpty()) {
            List<String> out = new ArrayList<>(lines);
            List<Integer> starts = new ArrayList<>(rewrites.keySet());
            for (int k = starts.size() - 1; k >= 0; k--) {
                int start = starts.get(k);
                Map.Entry<Integer, List<String>> r = rewrites.get(start);
                List<String> region = out.subList(start, start + r.getKey());
                region.clear();
                region.addAll(r.getValue());
            }
            Files.write(document, out, StandardCharsets.UTF_8);
            LOG.warn("{}: rewrote {} excerpts from the program's output", document, rewrites.size());
        }
        assertThat(run).as("commands run from %s", document).isPositive();
        assertThat(failures)
                .as(
                        "commands in %s whose output or exit code differs from the document (rewrite the excerpts with"
                                + " -Dbp.docs.update=true)",
                        document)
                .isEmpty();
    }

    private boolean matches(List<String> words, List<String> expected, List<String> printed) {
        if (words.get(0).equals("cat") || words.get(0).equals("head")) {
            return excerpt.matches(maskSecondsColumn(expected), maskSecondsColumn(printed));
        }
        return excerpt.matches(expected, printed);
    }

    /** A history CSV's {@code seconds} column holds timings: they are not compared. */
    private static List<String> maskSecondsColumn(List<String> csv) {
        if (csv.isEmpty()) {
            return csv;
        }
        int column = Arrays.asList(csv.get(0).split(",", -1)).indexOf("seconds");
        if (column < 0) {
            return csv;
        }
        List<String> out = new ArrayList<>();
        out.add(csv.get(0));
        for (String row : csv.subList(1, csv.size())) {
            String[] cells = row.split(",", -1);
            if (cells.length > column) {
                cells[column] = "#";
            }
            out.add(String.join(",", cells));
        }
        return out;
    }

    private static String where(Path document, Transcript.Entry entry) {
        return document.getFileName() + ":" + (entry.lineIndex() + 1);
    }

    /** What a command printed, and its exit code. */
    private record Outcome(int exitCode, List<String> printed) {}

    /** Runs one command line, or returns null when the rules leave it out. */
    private Outcome execute(List<String> words, Set<String> pluginFiles) throws IOException {
        String program = words.get(0);
        List<String> args = words.subList(1, words.size());
        if (program.equals("./bp")) {
            return bp(args, pluginFiles);
        }
        if (program.equals("cat")) {
            return new Outcome(0, Files.readAllLines(dir.resolve(args.get(0)), StandardCharsets.UTF_8));
        }
        if (program.equals("head")) {
            int n = Integer.parseInt(args.get(0).substring(1));
            List<String> all = Files.readAllLines(dir.resolve(args.get(1)), StandardCharsets.UTF_8);
            return new Outcome(0, all.subList(0, Math.min(n, all.size())));
        }
        if (program.equals("python3")) {
            return python(words);
        }
        throw new AssertionError("The documents may show ./bp, cat, head -N and python3 command lines; the"
                + " documentation test does not know " + String.join(" ", words));
    }

    private Outcome bp(List<String> args, Set<String> pluginFiles) {
        if (args.contains("--plugin-path")) {
            for (int i = 0; i + 1 < args.size(); i++) {
                if (FILE_OPTIONS.contains(args.get(i)) && !FIXTURES.contains(args.get(i + 1))) {
                    pluginFiles.add(args.get(i + 1));
                }
            }
            return null;
        }
        if (args.stream().anyMatch(pluginFiles::contains)) {
            return null;
        }
        List<String> resolved = new ArrayList<>();
        for (int i = 0; i < args.size(); i++) {
            String arg = args.get(i);
            resolved.add(arg);
            if (FILE_OPTIONS.contains(arg) && i + 1 < args.size()) {
                resolved.add(inFolder(args.get(++i)));
            }
        }
        CommandRun run = CommandRun.of(resolved.toArray(String[]::new));
        List<String> printed = new ArrayList<>();
        String folder = dir.toString() + dir.getFileSystem().getSeparator();
        for (String stream : List.of(run.out(), run.err())) {
            if (!stream.isEmpty()) {
                printed.addAll(Arrays.asList(stream.replace(folder, "").split("\\R")));
            }
        }
        while (!printed.isEmpty() && printed.get(printed.size() - 1).isBlank()) {
            printed.remove(printed.size() - 1);
        }
        return new Outcome(run.exitCode(), printed);
    }

    private String inFolder(String file) {
        Path path = Path.of(file);
        return path.isAbsolute() ? file : dir.resolve(path).toString();
    }

    private Outcome python(List<String> words) throws IOException {
        Process process;
        try {
            process = new ProcessBuilder(words)
                    .directory(dir.toFile())
                    .redirectErrorStream(true)
                    .start();
        } catch (IOException e) {
            return null; // no python3 on this machine
        }
        String output;
        try (InputStream in = process.getInputStream()) {
            output = new String(in.readAllBytes(), StandardCharsets.UTF_8);
        }
        try {
            if (!process.waitFor(60, TimeUnit.SECONDS)) {
                process.destroyForcibly();
                throw new AssertionError("python3 did not finish in 60 s: " + words);
            }
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new AssertionError("interrupted", e);
        }
        if (output.contains("ModuleNotFoundError")) {
            return null;
        }
        return new Outcome(process.exitValue(), List.of(output.strip().split("\\R")));
    }
}
