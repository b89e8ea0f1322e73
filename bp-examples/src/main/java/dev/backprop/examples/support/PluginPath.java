package dev.backprop.examples.support;

import dev.backprop.core.registry.Registries;
import java.io.File;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.lang.module.Configuration;
import java.lang.module.FindException;
import java.lang.module.ModuleFinder;
import java.lang.module.ModuleReference;
import java.lang.module.ResolutionException;
import java.net.MalformedURLException;
import java.net.URL;
import java.net.URLClassLoader;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Collection;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Locale;
import java.util.Optional;
import java.util.Set;
import java.util.TreeSet;
import java.util.stream.Stream;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * The plug-in jars of the {@code bp} program, and the registries built from them and the program's own jars.
 *
 * <p>Jars come from three places, in this order: the {@code --plugin-path} option, the {@code BP_PLUGIN_PATH}
 * environment variable (both lists of jars or folders separated by {@link File#pathSeparator}), and the folder
 * {@code ~/.bp/plugins}, which is always scanned when it exists (the system property {@code bp.home} moves
 * {@code ~/.bp}). A folder contributes the jars directly inside it; a folder without jars is used as a class
 * folder.
 *
 * <p>When the program runs on the module path, a jar with a {@code module-info.class} is loaded as a named module
 * in a {@link ModuleLayer} above the program's own, so its {@code provides} clauses register it; every other jar
 * joins one {@link URLClassLoader}, where its {@code META-INF/services} files register it. When the program runs
 * on the class path, every jar joins that class loader (a plug-in registers both ways).
 */
public final class PluginPath {

    /** The environment variable with extra plug-in jars or folders. */
    public static final String ENVIRONMENT_VARIABLE = "BP_PLUGIN_PATH";

    /** The system property that moves bp's home folder, {@code ~/.bp}, whose {@code plugins} folder is scanned. */
    public static final String HOME_PROPERTY = "bp.home";

    private static final Logger LOG = LoggerFactory.getLogger(PluginPath.class);

    private final List<Path> entries;

    private PluginPath(List<Path> entries) {
        this.entries = List.copyOf(entries);
    }

    /**
     * The plug-in path from its three sources.
     *
     * @param optionValues     the values of {@code --plugin-path}, each a list separated by {@link File#pathSeparator}
     * @param environmentValue the value of {@code BP_PLUGIN_PATH}, or null
     * @param folder           the folder always scanned; ignored when it does not exist
     * @throws IllegalArgumentException naming the source and the path when a path given does not exist
     */
    public static PluginPath of(Collection<String> optionValues, String environmentValue, Path folder) {
        Set<Path> entries = new LinkedHashSet<>();
        for (String value : optionValues) {
            add(entries, value, "--plugin-path");
        }
        if (environmentValue != null) {
            add(entries, environmentValue, ENVIRONMENT_VARIABLE);
        }
        if (folder != null && Files.isDirectory(folder)) {
            entries.addAll(jarsIn(folder));
        }
        return new PluginPath(new ArrayList<>(entries));
    }

    /** The folder always scanned: {@code plugins} in {@code ~/.bp}, or in the folder the {@code bp.home} property names. */
    public static Path defaultFolder() {
        String home = System.getProperty(HOME_PROPERTY);
        Path base = home != null && !home.isBlank() ? Path.of(home) : Path.of(System.getProperty("user.home"), ".bp");
        return base.resolve("plugins");
    }

    private static void add(Set<Path> entries, String list, String source) {
        for (String part : list.split(java.util.regex.Pattern.quote(File.pathSeparator), 0)) {
            if (part.isBlank()) {
                continue;
            }
            Path path = Path.of(part.strip()).toAbsolutePath().normalize();
            if (!Files.exists(path)) {
                throw new IllegalArgumentException(source + " names " + part.strip() + ", which does not exist");
            }
            if (Files.isDirectory(path)) {
                List<Path> jars = jarsIn(path);
                entries.addAll(jars.isEmpty() ? List.of(path) : jars);
            } else {
                entries.add(path);
            }
        }
    }

    private static List<Path> jarsIn(Path folder) {
        try (Stream<Path> files = Files.list(folder)) {
            return files.filter(p ->
                            p.getFileName().toString().toLowerCase(Locale.ROOT).endsWith(".jar"))
                    .filter(Files::isRegularFile)
                    .map(p -> p.toAbsolutePath().normalize())
                    .sorted()
                    .toList();
        } catch (IOException e) {
            throw new UncheckedIOException("cannot list the plug-in folder " + folder, e);
        }
    }

    /** The jars and class folders, in the order they are searched. */
    public List<Path> entries() {
        return entries;
    }

    /**
     * The registries of the program's own providers and the plug-ins'. A plug-in module that cannot be
     * resolved (a missing dependency, say) is skipped with one WARN line; conflicts are recorded by the
     * registries, which log them.
     *
     * @param preferred provider classes that win a name they share with others
     * @throws IllegalArgumentException when a preferred class is no provider's
     */
    public Registries registries(Collection<String> preferred) {
        ClassLoader program = PluginPath.class.getClassLoader();
        boolean asModules = Registries.class.getModule().isNamed();
        List<Path> modular = new ArrayList<>();
        List<Path> plain = new ArrayList<>();
        for (Path entry : entries) {
            (asModules && isModular(entry) ? modular : plain).add(entry);
        }
        ClassLoader loader = plain.isEmpty() ? program : new URLClassLoader("bp-plugins", urls(plain), program);
        Registries.Builder builder = Registries.builder();
        if (!modular.isEmpty()) {
            layer(modular, loader).ifPresent(builder::moduleLayer);
        }
        builder.classLoader(loader);
        preferred.forEach(builder::prefer);
        return builder.build();
    }

    /** Whether a path is a jar with a module descriptor. */
    static boolean isModular(Path entry) {
        if (!Files.isRegularFile(entry)) {
            return false;
        }
        try {
            return ModuleFinder.of(entry).findAll().stream()
                    .map(ModuleReference::descriptor)
                    .anyMatch(d -> !d.isAutomatic());
        } catch (FindException e) {
            LOG.debug("{} is not a usable module; loading it as a plain jar", entry, e);
            return false;
        }
    }

    private static Optional<ModuleLayer> layer(List<Path> jars, ClassLoader parentLoader) {
        ModuleLayer parent = Registries.class.getModule().getLayer();
        try {
            ModuleFinder finder = ModuleFinder.of(jars.toArray(Path[]::new));
            Set<String> roots = new TreeSet<>();
            finder.findAll().forEach(r -> roots.add(r.descriptor().name()));
            Configuration configuration = parent.configuration().resolveAndBind(finder, ModuleFinder.of(), roots);
            ModuleLayer layer = parent.defineModulesWithOneLoader(configuration, parentLoader);
            LOG.debug("Plug-in modules {} loaded from {}", roots, jars);
            return Optional.of(layer);
        } catch (FindException | ResolutionException | LayerInstantiationException e) {
            LOG.warn("Skipping the plug-in modules in {}: {}", jars, e.getMessage());
            LOG.debug("Why the plug-in modules cannot be loaded", e);
            return Optional.empty();
        }
    }

    private static URL[] urls(List<Path> paths) {
        URL[] urls = new URL[paths.size()];
        for (int i = 0; i < urls.length; i++) {
            try {
                urls[i] = paths.get(i).toUri().toURL();
            } catch (MalformedURLException e) {
                throw new IllegalArgumentException(
                        "cannot use " + paths.get(i) + " as a plug-in jar: " + e.getMessage(), e);
            }
        }
        return urls;
    }
}
