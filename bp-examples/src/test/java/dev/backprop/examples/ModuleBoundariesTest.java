package dev.backprop.examples;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.io.File;
import java.lang.module.Configuration;
import java.lang.module.FindException;
import java.lang.module.ModuleDescriptor;
import java.lang.module.ModuleFinder;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Set;
import java.util.TreeSet;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

/**
 * The API boundaries as the module system enforces them: bp's modules are loaded into a module layer of their
 * own from the jars and class folders of this test's path, and code outside them (this test) tries to reach
 * their internals. Exported packages are the API; the backend internals and the plug-in providers are not.
 */
class ModuleBoundariesTest {

    private static ModuleLayer layer;

    @BeforeAll
    static void loadBpModulesIntoALayer() {
        List<Path> modules = new ArrayList<>();
        for (String property : List.of("jdk.module.path", "java.class.path")) {
            String value = System.getProperty(property, "");
            for (String entry : value.split(File.pathSeparator, 0)) {
                Path path = Path.of(entry.isEmpty() ? "." : entry);
                if (isModule(path)) {
                    modules.add(path);
                }
            }
        }
        ModuleFinder finder = ModuleFinder.of(modules.toArray(Path[]::new));
        Configuration configuration = ModuleLayer.boot()
                .configuration()
                .resolve(
                        finder,
                        ModuleFinder.of(),
                        Set.of(
                                "dev.backprop.core",
                                "dev.backprop.activations",
                                "dev.backprop.losses",
                                "dev.backprop.optim",
                                "dev.backprop.blas"));
        layer = ModuleLayer.boot().defineModulesWithOneLoader(configuration, ClassLoader.getPlatformClassLoader());
    }

    /** A bp module: a folder or jar whose module-info names a dev.backprop module, or a jar bp needs. */
    private static boolean isModule(Path path) {
        if (Files.isDirectory(path)) {
            return Files.exists(path.resolve("module-info.class"));
        }
        if (!path.toString().endsWith(".jar") || !Files.isRegularFile(path)) {
            return false;
        }
        try {
            ModuleFinder.of(path).findAll();
            return true;
        } catch (FindException e) {
            return false;
        }
    }

    private static Set<String> unqualifiedExports(String module) {
        Set<String> exported = new TreeSet<>();
        for (ModuleDescriptor.Exports e : descriptor(module).exports()) {
            if (!e.isQualified()) {
                exported.add(e.source());
            }
        }
        return exported;
    }

    private static ModuleDescriptor descriptor(String module) {
        return layer.findModule(module).orElseThrow().getDescriptor();
    }

    @Test
    void pluginModules_exportTheirComponents_butNotTheirProviders() {
        // by hand: the packages each module-info exports
        assertThat(unqualifiedExports("dev.backprop.activations")).containsExactly("dev.backprop.activations");
        assertThat(unqualifiedExports("dev.backprop.losses")).containsExactly("dev.backprop.losses");
        assertThat(unqualifiedExports("dev.backprop.optim"))
                .containsExactly("dev.backprop.optim", "dev.backprop.optim.schedule");
        for (String module : List.of("dev.backprop.activations", "dev.backprop.losses", "dev.backprop.optim")) {
            for (ModuleDescriptor.Provides provides : descriptor(module).provides()) {
                for (String provider : provides.providers()) {
                    String pkg = provider.substring(0, provider.lastIndexOf('.'));
                    assertThat(unqualifiedExports(module)).as(provider).doesNotContain(pkg);
                }
            }
        }
    }

    @Test
    void core_keepsTheBackendInternalsToItself_exceptForBlas() {
        Module core = layer.findModule("dev.backprop.core").orElseThrow();
        Module blas = layer.findModule("dev.backprop.blas").orElseThrow();

        assertThat(core.isExported("dev.backprop.core.backend")).isTrue();
        assertThat(core.isExported("dev.backprop.core.spi")).isTrue();
        assertThat(core.isExported("dev.backprop.core.internal.backend")).isFalse();
        assertThat(core.isExported("dev.backprop.core.internal.backend", blas)).isTrue();
        assertThat(unqualifiedExports("dev.backprop.core")).noneMatch(p -> p.contains(".internal"));
    }

    @Test
    void anInternalClass_cannotBeUsedFromAnotherModule() throws Exception {
        ClassLoader loader = layer.findLoader("dev.backprop.activations");
        Class<?> provider = Class.forName("dev.backprop.activations.internal.ReluProvider", false, loader);
        Class<?> backend = Class.forName("dev.backprop.core.internal.backend.EjmlBackend", false, loader);

        assertThatThrownBy(() -> provider.getConstructor().newInstance())
                .isInstanceOf(IllegalAccessException.class)
                .hasMessageContaining("does not export dev.backprop.activations.internal");
        assertThatThrownBy(() -> backend.getConstructor().newInstance())
                .isInstanceOf(IllegalAccessException.class)
                .hasMessageContaining("does not export dev.backprop.core.internal.backend");
        // the exported typed factory is reachable and works
        Class<?> factories = Class.forName("dev.backprop.activations.Activations", true, loader);
        Object relu = factories.getMethod("relu").invoke(null);
        assertThat(relu.getClass().getName()).isEqualTo("dev.backprop.activations.Relu");
    }
}
