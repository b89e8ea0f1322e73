package dev.backprop.examples.cli;

import dev.backprop.core.registry.ProviderInfo;
import dev.backprop.core.registry.Registries;
import dev.backprop.core.registry.Registry;
import dev.backprop.core.spi.Component;
import dev.backprop.core.spi.ComponentProvider;
import dev.backprop.examples.support.JsonLine;
import java.io.PrintWriter;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Set;
import java.util.concurrent.Callable;
import picocli.CommandLine.Command;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Option;
import picocli.CommandLine.Spec;

/**
 * Lists every plug-in component the registries discover — activations, losses, optimizers and learning-rate
 * schedules — with its name, aliases, implementing class and the jar or module it came from, including the jars
 * of {@code --plugin-path}, {@code BP_PLUGIN_PATH} and {@code ~/.bp/plugins}. Two providers that claim one name
 * are a conflict: this command lists both, prints the registry's message and exits with 1, unless
 * {@code --prefer} settles it.
 */
@Command(
        name = "plugins",
        mixinStandardHelpOptions = true,
        description = {
            "Every discovered activation, loss, optimizer and schedule, with class and origin.",
            "Lists every discovered activation, loss, optimizer and schedule: kind, name, aliases,"
                    + " implementing class and the jar or module it came from, plug-ins included (see --plugin-path)."
                    + " Conflicts (two providers claiming one name) are reported and give exit code 1 unless --prefer"
                    + " settles them."
        })
public final class PluginsCommand implements Callable<Integer> {

    @Spec
    private CommandSpec spec;

    @Option(
            names = {"-v", "--verbose"},
            description = "Also print each component's description.")
    private boolean verbose;

    @Option(names = "--json", description = "Print the counts as one JSON object on the last line.")
    private boolean json;

    /**
     * One discovered provider.
     *
     * @param kind        activation, loss, optimizer or schedule
     * @param name        its registered name
     * @param aliases     other names that find it
     * @param className   the implementing class
     * @param origin      the jar, folder or module it came from
     * @param description what it computes
     */
    record Row(String kind, String name, Set<String> aliases, String className, String origin, String description) {}

    /**
     * The providers of one kind, and the conflict that stopped its registry, if any.
     *
     * @param rows     the providers, sorted by name
     * @param conflict the registry's message about two providers with one name, or null
     */
    record Section(List<Row> rows, String conflict) {}

    /** A command for picocli. */
    public PluginsCommand() {}

    @Override
    public Integer call() {
        PrintWriter out = spec.commandLine().getOut();
        Registries registries = BpCommand.registries(spec);
        List<Path> entries = spec.root().userObject() instanceof BpCommand bp
                ? bp.pluginPath().entries()
                : List.of();
        List<Section> sections = List.of(
                section(registries.activations()),
                section(registries.losses()),
                section(registries.optimizers()),
                section(registries.schedules()));
        if (!entries.isEmpty()) {
            out.println("plug-in path:");
            entries.forEach(p -> out.println("  " + p));
            out.println();
        }
        print(out, sections);
        List<String> conflicts = registries.conflicts();
        out.println();
        if (conflicts.isEmpty()) {
            out.println("no conflicts: every name belongs to one provider");
        } else {
            out.println(conflicts.size() + " CONFLICT" + (conflicts.size() > 1 ? "S" : "") + ":");
            conflicts.forEach(c -> out.println("  " + shorten(c)));
            out.println("Remove one of the jars, or choose a class for every command with --prefer CLASS.");
        }
        if (json) {
            out.println(new JsonLine()
                    .put("command", "plugins")
                    .put("activations", (long) sections.get(0).rows().size())
                    .put("losses", (long) sections.get(1).rows().size())
                    .put("optimizers", (long) sections.get(2).rows().size())
                    .put("schedules", (long) sections.get(3).rows().size())
                    .put("conflicts", (long) conflicts.size()));
        }
        out.flush();
        return conflicts.isEmpty() ? 0 : BpCommand.CHECK_FAILED;
    }

    /** The providers of one registry, those in conflict included. */
    static <T extends Component, P extends ComponentProvider<T>> Section section(Registry<T, P> registry) {
        List<Row> rows = new ArrayList<>();
        for (ProviderInfo<P> p : registry.providers()) {
            rows.add(new Row(
                    registry.kind(),
                    p.name(),
                    p.aliases(),
                    p.className(),
                    shorten(p.origin()),
                    p.provider().description()));
        }
        List<String> conflicts = registry.conflictMessages();
        return new Section(rows, conflicts.isEmpty() ? null : String.join(" ", conflicts));
    }

    private void print(PrintWriter out, List<Section> sections) {
        int nameWidth = 4;
        int classWidth = 5;
        for (Section s : sections) {
            for (Row r : s.rows()) {
                nameWidth = Math.max(nameWidth, (r.name() + aliases(r)).length());
                classWidth = Math.max(classWidth, r.className().length());
            }
        }
        String format = "%-10s  %-" + nameWidth + "s  %-" + classWidth + "s  %s%n";
        out.printf(Locale.ROOT, format, "kind", "name", "class", "origin");
        for (Section s : sections) {
            for (Row r : s.rows()) {
                out.printf(Locale.ROOT, format, r.kind(), r.name() + aliases(r), r.className(), r.origin());
                if (verbose && !r.description().isBlank()) {
                    out.printf(Locale.ROOT, "%-10s  %s%n", "", r.description());
                }
            }
        }
    }

    private static String aliases(Row r) {
        return r.aliases().isEmpty() ? "" : " " + r.aliases();
    }

    /** A jar's location shortened to its file name; folders and modules as they are. */
    static String shorten(String origin) {
        StringBuilder sb = new StringBuilder();
        for (String word : origin.split(" ", -1)) {
            if (sb.length() > 0) {
                sb.append(' ');
            }
            String open = word.startsWith("(") ? "(" : "";
            int end = word.length();
            while (end > open.length() && ").,;".indexOf(word.charAt(end - 1)) >= 0) {
                end--;
            }
            String close = word.substring(end);
            String core = word.substring(open.length(), end);
            if (core.startsWith("file:") && core.endsWith(".jar")) {
                core = core.substring(core.lastIndexOf('/') + 1);
            }
            sb.append(open).append(core).append(close);
        }
        return sb.toString();
    }
}
