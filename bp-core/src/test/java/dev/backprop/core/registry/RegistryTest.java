package dev.backprop.core.registry;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

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
    void twoProvidersWithOneName_areRefused_namingBothClasses() throws IOException {
        ClassLoader loader = loaderWithServices(DuplicateSquareProvider.class.getName());

        assertThatThrownBy(() -> Registry.load("activation", ActivationProvider.class, loader))
                .isInstanceOf(DuplicateProviderException.class)
                .hasMessageContaining("Two activation providers claim the name 'test-square'")
                .hasMessageContaining(SquareActivationProvider.class.getName())
                .hasMessageContaining(DuplicateSquareProvider.class.getName());
    }

    @Test
    void brokenProviders_areSkipped_andTheRestLoad() throws IOException {
        ClassLoader loader = loaderWithServices("dev.backprop.core.testing.BrokenProvider", "com.example.DoesNotExist");

        Registry<Activation, ActivationProvider> registry =
                Registry.load("activation", ActivationProvider.class, loader);

        assertThat(registry.names()).containsExactly("test-square");
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
