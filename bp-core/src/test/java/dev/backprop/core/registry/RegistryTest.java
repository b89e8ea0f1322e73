package dev.backprop.core.registry;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import ch.qos.logback.classic.Level;
import dev.backprop.core.spi.Activation;
import dev.backprop.core.spi.ActivationProvider;
import dev.backprop.core.spi.ComponentSpec;
import dev.backprop.core.spi.Config;
import dev.backprop.core.testing.BrokenProvider;
import dev.backprop.core.testing.DuplicateSquareProvider;
import dev.backprop.core.testing.LogCapture;
import dev.backprop.core.testing.SquareActivationProvider;
import dev.backprop.core.testing.TestActivations;
import java.io.IOException;
import java.net.URL;
import java.net.URLClassLoader;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Set;
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
                .hasMessageContaining("dev.backprop.core.spi.ActivationProvider on the class path or module path")
                .satisfies(e -> {
                    assertThat(((UnknownComponentException) e).kind()).isEqualTo("activation");
                    assertThat(((UnknownComponentException) e).requestedName()).isEqualTo("test-sqare");
                });
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
                    .hasMessageContaining("prefer(")
                    .satisfies(e -> {
                        assertThat(((DuplicateProviderException) e).kind()).isEqualTo("activation");
                        assertThat(((DuplicateProviderException) e).conflictingName())
                                .isEqualTo("test-square");
                    });
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

    /** A provider with any name and aliases, for registries built in code. */
    private static class Named implements ActivationProvider {
        private final String name;
        private final Set<String> aliases;

        Named(String name, String... aliases) {
            this.name = name;
            this.aliases = Set.of(aliases);
        }

        @Override
        public String name() {
            return name;
        }

        @Override
        public Set<String> aliases() {
            return aliases;
        }

        @Override
        public Activation create(Config config) {
            return TestActivations.identity();
        }
    }

    /** A second provider class, for conflicts between classes. */
    private static final class OtherNamed extends Named {
        OtherNamed(String name, String... aliases) {
            super(name, aliases);
        }
    }

    private static Registry<Activation, ActivationProvider> named(String... names) {
        List<ActivationProvider> providers = new ArrayList<>();
        for (String name : names) {
            providers.add(new Named(name));
        }
        return Registry.of("activation", ActivationProvider.class, providers);
    }

    @Test
    void registry_tellsItsKindAndService() {
        Registry<Activation, ActivationProvider> registry = named("relu");

        assertThat(registry.kind()).isEqualTo("activation");
        assertThat(registry.service()).isEqualTo(ActivationProvider.class);
    }

    @Test
    void providers_areListedByName_whateverTheOrderTheyWereGiven() {
        Registry<Activation, ActivationProvider> registry = named("tanh", "relu", "softmax");

        // alphabetical order of the three names
        assertThat(registry.providers()).extracting(ProviderInfo::name).containsExactly("relu", "softmax", "tanh");
    }

    @Test
    void suggestion_isTheClosestName_uptoAThirdOfTheNamesLength() {
        Registry<Activation, ActivationProvider> registry = named("relu", "selu", "sigmoid", "softmax", "tanh");

        // edit distances (Levenshtein, from src/test/python/edit_distance_reference.py, the textbook algorithm):
        // "sofmax" is 1 from softmax; the limit is max(1, 6 / 3) = 2
        assertThatThrownBy(() -> registry.find("sofmax")).hasMessageContaining("Did you mean 'softmax'?");
        // "tanhxx" is 2 from tanh, exactly the limit max(1, 6 / 3) = 2
        assertThatThrownBy(() -> registry.find("tanhxx")).hasMessageContaining("Did you mean 'tanh'?");
        // "tanhxxx" is 3 from tanh, one beyond the limit max(1, 7 / 3) = 2; every other name is farther (6 or 7)
        assertThatThrownBy(() -> registry.find("tanhxxx"))
                .hasMessageStartingWith("Unknown activation 'tanhxxx'. Available: ")
                .message()
                .doesNotContain("Did you mean");
        // "rel" is 1 from relu (a deletion), the limit for 3 letters is 1
        assertThatThrownBy(() -> registry.find("rel")).hasMessageContaining("Did you mean 'relu'?");
        // "xelu" is 1 from both relu and selu: the first in alphabetical order is suggested
        assertThatThrownBy(() -> registry.find("xelu")).hasMessageContaining("Did you mean 'relu'?");
        // "tahn" is 2 from tanh (two substitutions), beyond the limit max(1, 4 / 3) = 1
        assertThatThrownBy(() -> registry.find("tahn")).message().doesNotContain("Did you mean");
    }

    @Test
    void threeProvidersWithOneName_areAllNamed_inTheOrderGiven() {
        String origin = ProviderInfo.originOf(Named.class);
        String className = Named.class.getName();

        assertThatThrownBy(() -> named("x", "x", "x"))
                .isInstanceOf(DuplicateProviderException.class)
                .hasMessageStartingWith("3 activation providers claim the name 'x': " + className + " from " + origin
                        + ", " + className + " from " + origin + ", " + className + " from " + origin + ". ")
                .satisfies(e -> assertThat(((DuplicateProviderException) e).classNames())
                        .containsExactly(className, className, className));
    }

    @Test
    void twoProvidersSharingANameAndAnAlias_areOneConflict_reportedOnce() {
        try (LogCapture log = new LogCapture(Registry.class)) {
            Registry<Activation, ActivationProvider> registry = Registry.<Activation, ActivationProvider>builder(
                            "activation", ActivationProvider.class)
                    .provider(new Named("x", "y"))
                    .provider(new OtherNamed("x", "y"))
                    .provider(new Named("z"))
                    .build();

            assertThat(registry.conflicts()).containsOnlyKeys("x", "y");
            assertThat(registry.conflicts().get("y"))
                    .extracting(ProviderInfo::className)
                    .containsExactly(Named.class.getName(), OtherNamed.class.getName());
            assertThat(registry.conflictMessages())
                    .singleElement()
                    .asString()
                    .startsWith("Two activation providers claim the name 'x': " + Named.class.getName() + " from ")
                    .contains(" and " + OtherNamed.class.getName() + " from ")
                    .endsWith(" They also share [y].");
            assertThat(log.messages(Level.WARN))
                    .singleElement()
                    .asString()
                    .contains("all claim [x, y]; other names work, but using them fails");
        }
    }

    @Test
    void oneContestedName_isReportedAsIt() {
        try (LogCapture log = new LogCapture(Registry.class)) {
            Registry<Activation, ActivationProvider> registry = Registry.<Activation, ActivationProvider>builder(
                            "activation", ActivationProvider.class)
                    .provider(new Named("x", "y"))
                    .provider(new OtherNamed("x"))
                    .build();

            assertThat(registry.conflictMessages()).singleElement().asString().doesNotContain("They also share");
            assertThat(log.messages(Level.WARN))
                    .singleElement()
                    .asString()
                    .contains("all claim [x]; other names work, but using it fails");
        }
    }

    @Test
    void builder_prefer_logsTheWinnerOverTheLoser() {
        try (LogCapture log = new LogCapture(Registry.class)) {
            Registry<Activation, ActivationProvider> registry = Registry.<Activation, ActivationProvider>builder(
                            "activation", ActivationProvider.class)
                    .provider(new Named("x"))
                    .provider(new OtherNamed("x"))
                    .prefer(OtherNamed.class.getName())
                    .build();

            assertThat(registry.find("x").className()).isEqualTo(OtherNamed.class.getName());
            assertThat(log.messages(Level.INFO))
                    .singleElement()
                    .asString()
                    .startsWith("activation 'x': preferring " + OtherNamed.class.getName() + " from ")
                    .contains(" over " + Named.class.getName() + " from ");
        }
    }

    @Test
    void builder_providerInstances_areAdded_unlessTheirClassIsExcluded() {
        Registry<Activation, ActivationProvider> added = Registry.<Activation, ActivationProvider>builder(
                        "activation", ActivationProvider.class)
                .provider(new Named("x"))
                .build();
        Registry<Activation, ActivationProvider> excluded = Registry.<Activation, ActivationProvider>builder(
                        "activation", ActivationProvider.class)
                .provider(new Named("x"))
                .provider(new OtherNamed("y"))
                .exclude(Named.class.getName())
                .build();

        assertThat(added.names()).containsExactly("x");
        assertThat(excluded.names()).containsExactly("y");
    }

    @Test
    void load_fromAModuleLayer_findsOnlyItsModules() {
        // the tests run on the class path: no named module of the boot layer provides an activation
        Registry<Activation, ActivationProvider> registry =
                Registry.load("activation", ActivationProvider.class, ModuleLayer.boot());

        assertThat(registry.kind()).isEqualTo("activation");
        assertThat(registry.names()).isEmpty();
    }

    /** Services entries: {@code missing} classes that do not exist, the broken provider, then a working one. */
    private ClassLoader loaderWithBrokenEntries(int missing) throws IOException {
        List<String> entries = new ArrayList<>();
        for (int i = 0; i < missing; i++) {
            entries.add("com.example.Missing" + i);
        }
        entries.add(BrokenProvider.class.getName());
        entries.add(DuplicateSquareProvider.class.getName());
        return loaderWithServices(entries.toArray(String[]::new));
    }

    @Test
    void hundredBrokenProviders_stopTheSearch_andSaySo() throws IOException {
        // 99 missing classes and one failing constructor: exactly the limit of 100 broken providers
        ClassLoader loader = loaderWithBrokenEntries(99);

        try (LogCapture log = new LogCapture(Registry.class)) {
            Registry<Activation, ActivationProvider> registry =
                    Registry.load("activation", ActivationProvider.class, loader);

            // the provider listed after the hundredth broken one is not looked at
            assertThat(registry.find("test-square").className()).isEqualTo(SquareActivationProvider.class.getName());
            assertThat(registry.conflicts()).isEmpty();
            assertThat(log.messages(Level.WARN))
                    .hasSize(101)
                    .last()
                    .isEqualTo("Stopped looking for activation providers after 100 broken ones");
        }
    }

    @Test
    void ninetyNineBrokenProviders_doNotStopTheSearch() throws IOException {
        // 98 missing classes and one failing constructor: one below the limit
        ClassLoader loader = loaderWithBrokenEntries(98);

        try (LogCapture log = new LogCapture(Registry.class)) {
            Registry<Activation, ActivationProvider> registry =
                    Registry.load("activation", ActivationProvider.class, loader);

            // the provider after the broken ones is found, and claims test-square as the built-in test one does
            assertThat(registry.conflicts()).containsOnlyKeys("test-square");
            assertThat(log.messages(Level.WARN)).noneMatch(m -> m.startsWith("Stopped looking"));
        }
    }

    @Test
    void registriesDiscover_usesTheContextClassLoader_orElseItsOwn() throws IOException {
        ClassLoader loader = loaderWithServices(DuplicateSquareProvider.class.getName());
        Thread thread = Thread.currentThread();
        ClassLoader saved = thread.getContextClassLoader();
        try {
            thread.setContextClassLoader(loader);
            assertThat(Registries.discover().activations().conflicts()).containsOnlyKeys("test-square");
            assertThat(Registries.builder().build().activations().conflicts()).containsOnlyKeys("test-square");

            thread.setContextClassLoader(null);
            // bp-core's own loader is the test class path's, which has test-square once
            assertThat(Registries.discover().activations().conflicts()).isEmpty();
            assertThat(Registries.discover().activations().names()).contains("test-square");
            assertThat(Registries.builder().build().activations().names()).contains("test-square");
        } finally {
            thread.setContextClassLoader(saved);
        }
    }

    @Test
    void registriesFromAModuleLayer_haveTheFourKinds_andNoClassPathPlugins() {
        Registries discovered = Registries.discover(ModuleLayer.boot());
        Registries built = Registries.builder().moduleLayer(ModuleLayer.boot()).build();

        for (Registries registries : List.of(discovered, built)) {
            assertThat(registries.activations().kind()).isEqualTo("activation");
            assertThat(registries.losses().kind()).isEqualTo("loss");
            assertThat(registries.optimizers().kind()).isEqualTo("optimizer");
            assertThat(registries.schedules().kind()).isEqualTo("schedule");
            // the tests run on the class path, where test-square is registered; a layer does not look there
            assertThat(registries.activations().contains("test-square")).isFalse();
        }
    }

    @Test
    void registriesBuilder_exclude_leavesTheClassOut() throws IOException {
        ClassLoader loader = loaderWithServices(DuplicateSquareProvider.class.getName());

        Registries registries = Registries.builder()
                .classLoader(loader)
                .exclude(SquareActivationProvider.class.getName())
                .build();

        assertThat(registries.activations().find("test-square").className())
                .isEqualTo(DuplicateSquareProvider.class.getName());
        assertThat(registries.conflicts()).isEmpty();
    }

    @Test
    void registriesBuilder_prefer_givesTheContestedNameToThatClass() throws IOException {
        ClassLoader loader = loaderWithServices(DuplicateSquareProvider.class.getName());

        Registries registries = Registries.builder()
                .classLoader(loader)
                .prefer(DuplicateSquareProvider.class.getName())
                .build();

        assertThat(registries.activations().find("test-square").className())
                .isEqualTo(DuplicateSquareProvider.class.getName());
        assertThat(registries.conflicts()).isEmpty();
    }
}
