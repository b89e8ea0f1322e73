package dev.backprop.testkit;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.File;
import java.io.IOException;
import java.lang.module.FindException;
import java.lang.module.ModuleDescriptor;
import java.lang.module.ModuleFinder;
import java.lang.module.ModuleReference;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.TimeUnit;
import java.util.stream.Collectors;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * The kit run the way Maven Surefire runs a plug-in's tests, in a child JVM: a small plug-in module, compiled
 * here, on the module path with its test resources patched into it and the kit on the class path (Surefire's
 * default when the project has a {@code module-info.java}), and on the class path ({@code useModulePath=false}).
 */
class ModulePathTest {

    private static final String SERVICE = "dev.backprop.core.spi.ActivationProvider";
    private static final String MODULE = "demo.plugin";
    private static final String PROVIDER = "demo.plugin.CubicProvider";

    /** A correct activation f(z) = z³/3 + z, f'(z) = z² + 1. */
    private static final String PROVIDER_SOURCE = """
            package demo.plugin;

            import dev.backprop.core.spi.Activation;
            import dev.backprop.core.spi.ActivationProvider;
            import dev.backprop.core.spi.Config;
            import java.util.Set;
            import org.ejml.data.DMatrixRMaj;

            public final class CubicProvider implements ActivationProvider {
                public String name() {
                    return "demo-cubic";
                }

                public String description() {
                    return "z^3/3 + z";
                }

                public Activation create(Config config) {
                    config.requireOnly("activation 'demo-cubic'", Set.of());
                    return new Cubic();
                }

                static final class Cubic implements Activation {
                    public String name() {
                        return "demo-cubic";
                    }

                    public Config config() {
                        return Config.empty();
                    }

                    public void forward(DMatrixRMaj z, DMatrixRMaj a) {
                        for (int i = 0; i < z.getNumElements(); i++) {
                            double x = z.data[i];
                            a.data[i] = x * x * x / 3 + x;
                        }
                    }

                    public void backward(DMatrixRMaj z, DMatrixRMaj a, DMatrixRMaj g, DMatrixRMaj dz) {
                        for (int i = 0; i < z.getNumElements(); i++) {
                            double x = z.data[i];
                            dz.data[i] = g.data[i] * (x * x + 1);
                        }
                    }
                }
            }
            """;

    @TempDir
    static Path work;

    private static List<Path> modulePath;
    private static List<Path> classPath;
    private static Path testResources;

    @BeforeAll
    static void splitTheClassPath_andWriteTheTestResources() throws IOException {
        List<Path> entries = new ArrayList<>();
        for (String entry : System.getProperty("java.class.path").split(File.pathSeparator, 0)) {
            if (!entry.isBlank()) {
                entries.add(Path.of(entry));
            }
        }
        // as Surefire does: the modules the plug-in requires (bp-core and what it requires) on the module path,
        // everything else (the kit, JUnit, the logger) on the class path
        modulePath = required(Set.of("dev.backprop.core"), entries);
        classPath = new ArrayList<>(entries);
        classPath.removeAll(modulePath);
        // src/test/resources of the plug-in: the services file only
        testResources = work.resolve("test-resources");
        Path services = testResources.resolve("META-INF/services/" + SERVICE);
        Files.createDirectories(services.getParent());
        Files.writeString(services, PROVIDER + "\n", StandardCharsets.UTF_8);
    }

    @Test
    void onTheModulePath_aPluginThatProvidesItsProviderInModuleInfo_passesEveryCheck() throws Exception {
        Path plugin = compile("with-provides", "provides " + SERVICE + " with " + PROVIDER + ";");
        String report = runOnTheModulePath(plugin);
        assertThat(report)
                .startsWith("activation demo-cubic: conforms")
                .contains("registry: passed — 'demo-cubic' resolves to exactly " + PROVIDER + " from module " + MODULE);
    }

    @Test
    void onTheModulePath_aProviderListedOnlyInTestResources_failsRegistry_namingTheFixes() throws Exception {
        Path plugin = compile("without-provides", "");
        String report = runOnTheModulePath(plugin);
        assertThat(report)
                .startsWith("activation demo-cubic: DOES NOT CONFORM")
                .contains("registry: FAILED — no activation provider named 'demo-cubic' is visible to ServiceLoader: "
                        + "META-INF/services/" + SERVICE + " lists " + PROVIDER
                        + ", but ServiceLoader ignores META-INF/services files inside named modules")
                .contains("Maven Surefire's default")
                .contains("'provides " + SERVICE + " with " + PROVIDER + ";'")
                .contains("<useModulePath>false</useModulePath>");
        // every other check passes
        assertThat(report).containsOnlyOnce("FAILED");
    }

    @Test
    void onTheClassPath_theSameTestResourcesRegisterTheProvider() throws Exception {
        Path plugin = compile("without-provides", "");
        List<Path> all = new ArrayList<>();
        all.add(plugin);
        all.add(testResources);
        all.addAll(modulePath);
        all.addAll(classPath);
        String report = run(List.of("-cp", join(all), ModulePathDriver.class.getName()));
        // on the class path the module-info is ignored: the class is in the unnamed module, found from its folder
        assertThat(report)
                .startsWith("activation demo-cubic: conforms")
                .contains("registry: passed — 'demo-cubic' resolves to exactly " + PROVIDER + " from file:");
    }

    /** Like Surefire: plug-in and its requirements as modules, test resources patched in, the rest unnamed. */
    private static String runOnTheModulePath(Path plugin) throws Exception {
        List<Path> modules = new ArrayList<>();
        modules.add(plugin);
        modules.addAll(modulePath);
        return run(List.of(
                "--module-path",
                join(modules),
                "--add-modules",
                "ALL-MODULE-PATH",
                "--patch-module",
                MODULE + "=" + testResources,
                "--add-reads",
                MODULE + "=ALL-UNNAMED",
                "-cp",
                join(classPath),
                ModulePathDriver.class.getName()));
    }

    /** Starts a JVM with the arguments, then the provider and the report file; returns the report. */
    private static String run(List<String> arguments) throws Exception {
        Path report = Files.createTempFile(work, "report", ".txt");
        Path log = Files.createTempFile(work, "jvm", ".log");
        List<String> command = new ArrayList<>();
        command.add(Path.of(System.getProperty("java.home"), "bin", "java").toString());
        command.addAll(arguments);
        command.add(PROVIDER);
        command.add(report.toString());
        Process process = new ProcessBuilder(command)
                .redirectErrorStream(true)
                .redirectOutput(log.toFile())
                .start();
        assertThat(process.waitFor(120, TimeUnit.SECONDS))
                .as("child JVM finished")
                .isTrue();
        assertThat(process.exitValue())
                .as("child JVM %s\n%s", command, Files.readString(log))
                .isZero();
        return Files.readString(report);
    }

    /** Compiles the plug-in module with the given clause in its module-info; returns its classes folder. */
    private static Path compile(String name, String clause) throws IOException, InterruptedException {
        Path src = work.resolve(name + "-src");
        Path out = work.resolve(name + "-classes");
        if (Files.exists(out.resolve("module-info.class"))) {
            return out;
        }
        Path moduleInfo = src.resolve("module-info.java");
        Path provider = src.resolve("demo/plugin/CubicProvider.java");
        Files.createDirectories(provider.getParent());
        Files.writeString(
                moduleInfo,
                "module " + MODULE + " {\n requires dev.backprop.core;\n exports demo.plugin;\n " + clause + "\n}\n");
        Files.writeString(provider, PROVIDER_SOURCE);
        Path log = work.resolve(name + "-javac.log");
        Process javac = new ProcessBuilder(
                        Path.of(System.getProperty("java.home"), "bin", "javac").toString(),
                        "-d",
                        out.toString(),
                        "--module-path",
                        join(modulePath),
                        moduleInfo.toString(),
                        provider.toString())
                .redirectErrorStream(true)
                .redirectOutput(log.toFile())
                .start();
        assertThat(javac.waitFor(120, TimeUnit.SECONDS)).as("javac finished").isTrue();
        assertThat(javac.exitValue())
                .as("javac of the plug-in\n%s", Files.readString(log))
                .isZero();
        return out;
    }

    /** The entries holding the given modules and, recursively, the modules they require. */
    private static List<Path> required(Set<String> roots, List<Path> entries) {
        Map<String, ModuleReference> modules = new LinkedHashMap<>();
        Map<String, Path> locations = new LinkedHashMap<>();
        for (Path entry : entries) {
            boolean candidate = entry.toString().endsWith(".jar") || Files.exists(entry.resolve("module-info.class"));
            if (!candidate) {
                continue;
            }
            try {
                for (ModuleReference module : ModuleFinder.of(entry).findAll()) {
                    if (modules.putIfAbsent(module.descriptor().name(), module) == null) {
                        locations.put(module.descriptor().name(), entry);
                    }
                }
            } catch (FindException e) {
                // not usable as a module: stays on the class path
            }
        }
        Set<String> needed = new LinkedHashSet<>();
        List<String> pending = new ArrayList<>(roots);
        while (!pending.isEmpty()) {
            String name = pending.remove(pending.size() - 1);
            ModuleReference module = modules.get(name);
            if (module != null && needed.add(name)) {
                for (ModuleDescriptor.Requires requires : module.descriptor().requires()) {
                    pending.add(requires.name());
                }
            }
        }
        assertThat(needed).as("modules found on the class path %s", entries).contains("dev.backprop.core");
        return needed.stream().map(locations::get).collect(Collectors.toList());
    }

    private static String join(List<Path> paths) {
        return paths.stream().map(Path::toString).collect(Collectors.joining(File.pathSeparator));
    }
}
