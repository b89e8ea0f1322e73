package dev.backprop.core.registry;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import ch.qos.logback.classic.Level;
import dev.backprop.core.spi.Activation;
import dev.backprop.core.spi.ActivationProvider;
import dev.backprop.core.spi.ComponentSpec;
import dev.backprop.core.spi.Config;
import dev.backprop.core.testing.DuplicateSquareProvider;
import dev.backprop.core.testing.SquareActivationProvider;
import dev.backprop.core.testing.TestActivations;
import java.io.IOException;
import java.net.URL;
import java.net.URLClassLoader;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import org.ejml.data.DMatrixRMaj;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class RegistryTest {

    @TempDir
    Path dir;

    /** A class loader that sees the test classes plus a services file listing the given provider classes. */
    private ClassLoader loaderWithServices(String... classNames) throws IOException {
        Path services = dir.resolve("META-INF/services");
        Files.createDirectories(services);
        Files.write(services.resolve(ActivationProvider.class.getName()), List.of(classNames));
        return new URLClassLoader(new URL[] {dir.toUri().toURL()}, getClass().getClassLoader());
    }

    @Test
    void pluginDefinedOnlyInTestSources_isFoundByName_inAnyCase_andByAlias() {
        Registries registries = Registries.discover(getClass().getClassLoader());

        ProviderInfo<ActivationProvider> info = registries.activations().find("Test-Square");
        assertThat(info.className()).isEqualTo(SquareActivationProvider.class.getName());
        assertThat(info.origin()).contains("test-classes");
        assertThat(registries.activations().find("test-quadratic")).isSameAs(info);
        assertThat(registries.activations().names()).contains("test-square");
    }

    @Test
    void create_passesParameters_andConfigRoundTrips() {
        Registries registries = Registries.discover(getClass().getClassLoader());

        Activation a = registries.activations().create(ComponentSpec.parse("test-square(scale=3)"));
        DMatrixRMaj out = new DMatrixRMaj(1, 1);
        a.forward(new DMatrixRMaj(new double[][] {{2}}), out);

        assertThat(out.get(0, 0)).isEqualTo(12.0); // 3 · 2²
        assertThat(a.spec().toString()).isEqualTo("test-square(scale=3.0)");
        assertThat(registries.activations().create(a.spec()).config()).isEqualTo(a.config());
    }

    @Test
    void unknownName_listsAvailableNames_suggestsTheClosest_andSaysHowToAddOne() {
        Registries registries = Registries.discover(getClass().getClassLoader());

        assertThatThrownBy(() -> registries.activations().find("test-sqare"))
                .isInstanceOf(UnknownComponentException.class)
                .hasMessageStartingWith("Unknown activation 'test-sqare'. Did you mean 'test-square'?")
                .hasMessageContaining("Available: [test-quadratic, test-square]")
                .hasMessageContaining("dev.backprop.core.spi.ActivationProvider on the class path or module path");
    }

    @Test
    void unknownName_inAnEmptyRegistry_namesTheModuleWithTheBuiltIns() {
        Registry<Activation, ActivationProvider> empty = Registry.of("activation", ActivationProvider.class, List.of());

        assertThatThrownBy(() -> empty.find("relu"))
                .isInstanceOf(UnknownComponentException.class)
                .hasMessageContaining("Available: []. Add bp-activations to the class path or module path for the"
                        + " built-in activation names.");
    }

    @Test
    void unknownName_inARegistryWithProviders_doesNotBlameAMissingModule() {
        Registries registries = Registries.discover(getClass().getClassLoader());

        assertThatThrownBy(() -> registries.activations().find("no-such-name"))
                .isInstanceOf(UnknownComponentException.class)
                .message()
                .doesNotContain("bp-activations");
    }

    @Test
    void twoProvidersWithOneName_failOnlyWhereTheNameIsUsed_andOtherNamesWork() throws IOException {
        ClassLoader loader = loaderWithServices(DuplicateSquareProvider.class.getName());

        try (LogCapture log = new LogCapture(Registry.class)) {
            Registry<Activation, ActivationProvider> registry =
                    Registry.load("activation", ActivationProvider.class, loader);

            assertThatThrownBy(() -> registry.find("Test-Square"))
                    .isInstanceOf(DuplicateProviderException.class)
                    .hasMessageContaining("Two activation providers claim the name 'test-square'")
                    .hasMessageContaining(SquareActivationProvider.class.getName() + " from ")
                    .hasMessageContaining(DuplicateSquareProvider.class.getName() + " from ")
                    .hasMessageContaining("prefer(");
            // the alias only one provider claims still works
            assertThat(registry.find("test-quadratic").className()).isEqualTo(SquareActivationProvider.class.getName());
            assertThat(registry.conflicts()).containsOnlyKeys("test-square");
            assertThat(registry.contains("test-square")).isTrue();
            assertThat(registry.conflictMessages()).hasSize(1);
            assertThat(log.messages(Level.WARN))
                    .singleElement()
                    .asString()
                    .contains(SquareActivationProvider.class.getName(), DuplicateSquareProvider.class.getName())
                    .contains("[test-square]");
        }
    }

    @Test
    void of_refusesTwoProvidersWithOneName_atOnce() {
        assertThatThrownBy(() -> Registry.of(
                        "activation",
                        ActivationProvider.class,
                        List.of(new SquareActivationProvider(), new DuplicateSquareProvider())))
                .isInstanceOf(DuplicateProviderException.class)
                .satisfies(e -> assertThat(((DuplicateProviderException) e).classNames())
                        .containsExactly(
                                SquareActivationProvider.class.getName(), DuplicateSquareProvider.class.getName()));
    }

    @Test
    void builder_prefer_givesTheContestedNameToOneClass() throws IOException {
        ClassLoader loader = loaderWithServices(DuplicateSquareProvider.class.getName());

        Registry<Activation, ActivationProvider> registry = Registry.<Activation, ActivationProvider>builder(
                        "activation", ActivationProvider.class)
                .classLoader(loader)
                .prefer(DuplicateSquareProvider.class.getName())
                .build();

        assertThat(registry.find("test-square").className()).isEqualTo(DuplicateSquareProvider.class.getName());
        assertThat(registry.find("test-quadratic").className()).isEqualTo(SquareActivationProvider.class.getName());
        assertThat(registry.conflicts()).isEmpty();
    }

    @Test
    void builder_exclude_leavesTheClassOut() throws IOException {
        ClassLoader loader = loaderWithServices(DuplicateSquareProvider.class.getName());

        Registry<Activation, ActivationProvider> registry = Registry.<Activation, ActivationProvider>builder(
                        "activation", ActivationProvider.class)
                .classLoader(loader)
                .exclude(SquareActivationProvider.class.getName())
                .build();

        assertThat(registry.find("test-square").className()).isEqualTo(DuplicateSquareProvider.class.getName());
        assertThat(registry.contains("test-quadratic")).isFalse();
        assertThat(registry.providers()).hasSize(1);
    }

    @Test
    void builder_sameClassThroughTwoSources_countsOnce() {
        Registry<Activation, ActivationProvider> registry = Registry.<Activation, ActivationProvider>builder(
                        "activation", ActivationProvider.class)
                .classLoader(getClass().getClassLoader())
                .classLoader(getClass().getClassLoader())
                .provider(new SquareActivationProvider())
                .build();

        assertThat(registry.providers()).hasSize(1);
        assertThat(registry.conflicts()).isEmpty();
    }

    @Test
    void registriesBuilder_preferringAClassNoProviderHas_isRefused() {
        assertThatThrownBy(() -> Registries.builder()
                        .classLoader(getClass().getClassLoader())
                        .prefer("com.example.Nothing")
                        .build())
                .isInstanceOf(IllegalArgumentException.class)
                .hasMessageContaining("com.example.Nothing");
    }

    @Test
    void registries_listTheirConflicts() throws IOException {
        ClassLoader loader = loaderWithServices(DuplicateSquareProvider.class.getName());

        Registries registries = Registries.builder().classLoader(loader).build();

        assertThat(registries.conflicts())
                .singleElement()
                .asString()
                .contains("'test-square'", DuplicateSquareProvider.class.getName());
    }

    @Test
    void brokenProviders_areSkipped_withOneWarnLineEach_namingClassOriginAndCause() throws IOException {
        ClassLoader loader = loaderWithServices("dev.backprop.core.testing.BrokenProvider", "com.example.DoesNotExist");

        try (LogCapture log = new LogCapture(Registry.class)) {
            Registry<Activation, ActivationProvider> registry =
                    Registry.load("activation", ActivationProvider.class, loader);

            assertThat(registry.names()).containsExactly("test-square");
            List<String> warnings = log.messages(Level.WARN);
            assertThat(warnings).hasSize(2);
            assertThat(warnings.get(0))
                    .contains("dev.backprop.core.testing.BrokenProvider from ")
                    .contains("test-classes")
                    .contains("broken on purpose")
                    .doesNotContain("\n");
            assertThat(warnings.get(1)).contains("com.example.DoesNotExist");
            assertThat(log.events(Level.WARN))
                    .allSatisfy(e -> assertThat(e.getThrowableProxy()).isNull());
            assertThat(log.events(Level.DEBUG))
                    .anySatisfy(e -> assertThat(e.getThrowableProxy()).isNotNull());
        }
    }

    @Test
    void replacing_overridesOnPurpose() {
        Registry<Activation, ActivationProvider> registry =
                Registry.load("activation", ActivationProvider.class, getClass().getClassLoader());

        Registry<Activation, ActivationProvider> replaced = registry.replacing(new DuplicateSquareProvider());

        assertThat(replaced.find("test-square").className()).isEqualTo(DuplicateSquareProvider.class.getName());
        assertThat(registry.find("test-square").className()).isEqualTo(SquareActivationProvider.class.getName());
    }

    @Test
    void replacing_keepsTheReplacedAliases_byDefault_andSaysSo() {
        Registry<Activation, ActivationProvider> registry =
                Registry.load("activation", ActivationProvider.class, getClass().getClassLoader());

        try (LogCapture log = new LogCapture(Registry.class)) {
            Registry<Activation, ActivationProvider> replaced = registry.replacing(new DuplicateSquareProvider());

            assertThat(replaced.find("test-quadratic").className()).isEqualTo(DuplicateSquareProvider.class.getName());
            assertThat(log.messages(Level.INFO))
                    .singleElement()
                    .asString()
                    .contains("replaces " + SquareActivationProvider.class.getName())
                    .contains("keeps its aliases [test-quadratic]");
        }
    }

    @Test
    void replacing_withAliasPolicyDrop_dropsThemAndSaysSo() {
        Registry<Activation, ActivationProvider> registry =
                Registry.load("activation", ActivationProvider.class, getClass().getClassLoader());

        try (LogCapture log = new LogCapture(Registry.class)) {
            Registry<Activation, ActivationProvider> replaced =
                    registry.replacing(new DuplicateSquareProvider(), AliasPolicy.DROP);

            assertThat(replaced.contains("test-quadratic")).isFalse();
            assertThat(replaced.find("test-square").className()).isEqualTo(DuplicateSquareProvider.class.getName());
            assertThat(log.messages(Level.INFO))
                    .singleElement()
                    .asString()
                    .contains("drops its aliases [test-quadratic]");
        }
    }

    @Test
    void invalidProviderName_isRefused() {
        ActivationProvider bad = new ActivationProvider() {
            @Override
            public String name() {
                return "bad name(x)";
            }

            @Override
            public Activation create(Config config) {
                return TestActivations.identity();
            }
        };

        assertThatThrownBy(() -> Registry.of("activation", ActivationProvider.class, List.of(bad)))
                .hasMessageContaining("has the name 'bad name(x)'");
    }

    @Test
    void listing_showsClassAndOrigin() {
        Registry<Activation, ActivationProvider> registry =
                Registry.load("activation", ActivationProvider.class, getClass().getClassLoader());

        assertThat(registry.toString())
                .contains("test-square [test-quadratic] = " + SquareActivationProvider.class.getName() + " from ");
    }
}
