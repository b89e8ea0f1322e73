package dev.backprop.examples.cli;

import dev.backprop.core.registry.DuplicateProviderException;
import dev.backprop.core.registry.ProviderInfo;
import dev.backprop.core.registry.Registry;
import dev.backprop.core.spi.ActivationProvider;
import dev.backprop.core.spi.Component;
import dev.backprop.core.spi.ComponentProvider;
import dev.backprop.core.spi.LossProvider;
import dev.backprop.core.spi.OptimizerProvider;
import dev.backprop.core.spi.ScheduleProvider;
import dev.backprop.examples.support.JsonLine;
import java.io.IOException;
import java.io.PrintWriter;
import java.io.UncheckedIOException;
import java.net.MalformedURLException;
import java.net.URL;
import java.net.URLClassLoader;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.CodeSource;
import java.util.ArrayList;
import java.util.Iterator;
import java.util.List;
import java.util.Locale;
import java.util.ServiceConfigurationError;
import java.util.ServiceLoader;
import java.util.Set;
import java.util.TreeSet;
import java.util.concurrent.Callable;
import picocli.CommandLine.Command;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Option;
import picocli.CommandLine.Spec;

/**
 * Lists every plug-in component the registries discover — activations, losses, optimizers and learning-rate
 * schedules — with its name, aliases, implementing class and the jar or module it came from. Two providers that
 * claim one name are a conflict the registries refuse; this command lists both and exits with 1.
 */
@Command(
        name = "plugins",
        mixinStandardHelpOptions = true,
        description = {
            "Every discovered activation, loss, optimizer and schedule, with class and origin.",
            "Lists every discovered activation, loss, optimizer and schedule: kind, name, aliases,"
                    + " implementing class and the jar or module it came from. Conflicts (two providers claiming one"
                    + " name) are reported and give exit code 1."
        })
public final class PluginsCommand implements Callable<Integer> {

    @Spec
    private CommandSpec spec;

    @Option(
            names = "--plugin-path",
            paramLabel = "JAR|DIR",
            split = ",",
            description = "Extra jars or class folders to search, e.g. a plug-in jar to try before installing it.")
    private List<Path> pluginPath = new ArrayList<>();

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
    public Integer call() throws IOException {
        PrintWriter out = spec.commandLine().getOut();
        ClassLoader parent = Thread.currentThread().getContextClassLoader();
        if (parent == null) {
            parent = PluginsCommand.class.getClassLoader();
        }
        try (URLClassLoader loader = new URLClassLoader(urls(), parent)) {
            List<Section> sections = List.of(
                    section("activation", ActivationProvider.class, loader),
                    section("loss", LossProvider.class, loader),
                    section("optimizer", OptimizerProvider.class, loader),
                    section("schedule", ScheduleProvider.class, loader));
            print(out, sections);
            List<String> conflicts = new ArrayList<>();
            sections.forEach(s -> {
                if (s.conflict() != null) {
                    conflicts.add(s.conflict());
                }
            });
            out.println();
            if (conflicts.isEmpty()) {
                out.println("no conflicts: every name belongs to one provider");
            } else {
                out.println(conflicts.size() + " CONFLICT" + (conflicts.size() > 1 ? "S" : "") + ":");
                conflicts.forEach(c -> out.println("  " + c));
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
    }

    private URL[] urls() {
        URL[] urls = new URL[pluginPath.size()];
        for (int i = 0; i < urls.length; i++) {
            Path p = pluginPath.get(i);
            if (!Files.exists(p)) {
                throw new IllegalArgumentException("--plugin-path " + p + " does not exist");
            }
            try {
                urls[i] = p.toUri().toURL();
            } catch (MalformedURLException e) {
                throw new UncheckedIOException("cannot use " + p + " as a class path entry", e);
            }
        }
        return urls;
    }

    /** The providers of one kind, through its registry, or listed one by one when the registry refuses a conflict. */
    static <T extends Component, P extends ComponentProvider<T>> Section section(
            String kind, Class<P> service, ClassLoader loader) {
        List<Row> rows = new ArrayList<>();
        try {
            Registry<T, P> registry = Registry.load(kind, service, loader);
            for (ProviderInfo<P> p : registry.providers()) {
                rows.add(new Row(
                        kind,
                        p.name(),
                        p.aliases(),
                        p.className(),
                        shorten(p.origin()),
                        p.provider().description()));
            }
            return new Section(rows, null);
        } catch (DuplicateProviderException e) {
            Iterator<P> it = ServiceLoader.load(service, loader).iterator();
            while (true) {
                try {
                    if (!it.hasNext()) {
                        break;
                    }
                    P p = it.next();
                    rows.add(new Row(
                            kind,
                            p.name().toLowerCase(Locale.ROOT),
                            new TreeSet<>(p.aliases()),
                            p.getClass().getName(),
                            shorten(origin(p.getClass())),
                            p.description()));
                } catch (ServiceConfigurationError | RuntimeException | LinkageError skipped) {
                    // the registry logs broken providers; the listing shows the ones that load
                }
            }
            rows.sort((a, b) -> a.name().compareTo(b.name()));
            return new Section(rows, shortenAll(e.getMessage()));
        }
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

    /** Where a class was loaded from: its named module, or its jar or folder. */
    static String origin(Class<?> type) {
        Module module = type.getModule();
        CodeSource source = type.getProtectionDomain().getCodeSource();
        String location = source == null || source.getLocation() == null
                ? ""
                : source.getLocation().toString();
        if (module.isNamed()) {
            return "module " + module.getName() + (location.isEmpty() ? "" : " (" + location + ")");
        }
        return location.isEmpty() ? "unknown location" : location;
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

    private static String shortenAll(String message) {
        return message == null ? "" : shorten(message);
    }
}
