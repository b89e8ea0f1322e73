package dev.backprop.examples.cli;

import dev.backprop.examples.Main;
import java.io.PrintWriter;
import java.io.StringWriter;
import java.nio.file.Path;
import java.util.Arrays;
import java.util.List;
import java.util.Map;
import picocli.CommandLine;

/**
 * One run of the program through {@link Main#run}, with what it printed.
 *
 * @param exitCode the exit code
 * @param out      standard output
 * @param err      standard error (the program's own messages; logging goes elsewhere)
 */
record CommandRun(int exitCode, String out, String err) {

    /**
     * Runs the program with the arguments, as {@link Main#run} does, but with no {@code BP_PLUGIN_PATH} and no
     * plug-in folder, so that nothing of the machine's environment or home folder reaches the test.
     */
    static CommandRun of(String... args) {
        return withPluginSources(null, null, args);
    }

    /**
     * Runs the program with the arguments, the given value of {@code BP_PLUGIN_PATH} and plug-in folder.
     *
     * @param environmentPluginPath the value of {@code BP_PLUGIN_PATH}, or null for none
     * @param pluginFolder          the folder always scanned, or null for none
     */
    static CommandRun withPluginSources(String environmentPluginPath, Path pluginFolder, String... args) {
        StringWriter out = new StringWriter();
        StringWriter err = new StringWriter();
        CommandLine cli = BpCommand.commandLine(environmentPluginPath, pluginFolder);
        int code = Main.run(cli, new PrintWriter(out, true), new PrintWriter(err, true), args);
        return new CommandRun(code, out.toString(), err.toString());
    }

    /** The lines of standard output. */
    List<String> lines() {
        return Arrays.asList(out.split("\\R"));
    }

    /** The last non-blank line of standard output. */
    String lastLine() {
        List<String> lines = lines();
        for (int i = lines.size() - 1; i >= 0; i--) {
            if (!lines.get(i).isBlank()) {
                return lines.get(i);
            }
        }
        throw new AssertionError("no output; stderr: " + err);
    }

    /** The JSON object on the last line. */
    Map<String, Object> json() {
        return FlatJson.parse(lastLine());
    }

    /** A number from the JSON line. */
    double number(String key) {
        Object v = json().get(key);
        if (!(v instanceof Double d)) {
            throw new AssertionError("JSON field '" + key + "' is " + v + " in " + lastLine());
        }
        return d;
    }

    /** The first line of standard output that starts with the prefix (after leading spaces). */
    String lineStartingWith(String prefix) {
        return lines().stream()
                .filter(l -> l.strip().startsWith(prefix))
                .findFirst()
                .orElseThrow(() -> new AssertionError("no line starting with '" + prefix + "' in:\n" + out));
    }

    @Override
    public String toString() {
        return "exit " + exitCode + "\n--- out\n" + out + "--- err\n" + err;
    }
}
