package dev.backprop.core.backend;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.backprop.core.internal.backend.EjmlBackend;
import dev.backprop.core.internal.backend.EjmlBackendProvider;
import dev.backprop.core.registry.DuplicateProviderException;
import dev.backprop.core.registry.Registry;
import dev.backprop.core.registry.UnknownComponentException;
import dev.backprop.core.spi.Config;
import dev.backprop.core.spi.MatrixBackend;
import dev.backprop.core.spi.MatrixBackendProvider;
import dev.backprop.core.testing.UnavailableBackendProvider;
import java.util.List;
import org.ejml.data.DMatrixRMaj;
import org.junit.jupiter.api.Test;

class MatrixBackendsTest {

    /** A backend for selection tests; its products are never called. */
    private record NamedBackend(String name) implements MatrixBackend {
        @Override
        public void mult(DMatrixRMaj a, DMatrixRMaj b, DMatrixRMaj c) {
            throw new UnsupportedOperationException();
        }

        @Override
        public void multTransA(DMatrixRMaj a, DMatrixRMaj b, DMatrixRMaj c) {
            throw new UnsupportedOperationException();
        }

        @Override
        public void multTransB(DMatrixRMaj a, DMatrixRMaj b, DMatrixRMaj c) {
            throw new UnsupportedOperationException();
        }
    }

    /** A provider with a fixed name, priority and availability. */
    private static final class FakeProvider implements MatrixBackendProvider {
        private final String name;
        private final int priority;
        private final boolean available;

        FakeProvider(String name, int priority, boolean available) {
            this.name = name;
            this.priority = priority;
            this.available = available;
        }

        @Override
        public String name() {
            return name;
        }

        @Override
        public int priority() {
            return priority;
        }

        @Override
        public boolean isAvailable() {
            return available;
        }

        @Override
        public MatrixBackend create() {
            if (!available) {
                throw new IllegalStateException(name + " is not available");
            }
            return new NamedBackend(name);
        }
    }

    /** A provider whose availability check fails. */
    private static final class BrokenAvailability implements MatrixBackendProvider {
        @Override
        public String name() {
            return "broken";
        }

        @Override
        public int priority() {
            return 1000;
        }

        @Override
        public boolean isAvailable() {
            throw new IllegalStateException("probe failed");
        }

        @Override
        public MatrixBackend create() {
            throw new AssertionError("never created");
        }
    }

    @Test
    void builtInEjml_isAlwaysPresent_andAvailable() {
        MatrixBackends backends = MatrixBackends.of(List.of());

        assertThat(backends.names()).containsExactly("ejml");
        assertThat(backends.available()).containsExactly("ejml");
        assertThat(backends.select(null)).isInstanceOf(EjmlBackend.class);
        assertThat(backends.create("EJML").name()).isEqualTo("ejml");
    }

    @Test
    void automaticSelection_takesTheAvailableBackendWithTheHighestPriority() {
        MatrixBackends backends = MatrixBackends.of(List.of(
                new FakeProvider("fast", 100, false),
                new FakeProvider("medium", 50, true),
                new FakeProvider("slow", -5, true)));

        assertThat(backends.available()).containsExactly("medium", "ejml", "slow");
        assertThat(backends.select(" ").name()).isEqualTo("medium");
    }

    @Test
    void requestedBackend_isUsed_evenWithALowerPriority() {
        MatrixBackends backends = MatrixBackends.of(List.of(new FakeProvider("medium", 50, true)));

        assertThat(backends.select("ejml")).isInstanceOf(EjmlBackend.class);
        assertThat(backends.select("Medium").name()).isEqualTo("medium");
    }

    @Test
    void requestedBackendThatCannotRunHere_fallsBackToTheBestAvailable_butCreateRefusesIt() {
        MatrixBackends backends = MatrixBackends.of(List.of(new FakeProvider("native", 100, false)));

        assertThat(backends.select("native")).isInstanceOf(EjmlBackend.class);
        assertThatThrownBy(() -> backends.create("native"))
                .isInstanceOf(IllegalStateException.class)
                .hasMessageContaining("'native' is installed but cannot run here")
                .hasMessageContaining("[ejml]");
    }

    @Test
    void unknownName_isRefused_listingTheInstalledBackends() {
        MatrixBackends backends = MatrixBackends.of(List.of(new FakeProvider("native", 100, false)));

        assertThatThrownBy(() -> backends.select("bls"))
                .isInstanceOf(UnknownComponentException.class)
                .hasMessageContaining("Unknown matrix backend 'bls'")
                .hasMessageContaining("ejml")
                .hasMessageContaining("native");
        assertThatThrownBy(() -> backends.create("cuda"))
                .isInstanceOf(IllegalArgumentException.class)
                .hasMessageContaining("'cuda'");
    }

    @Test
    void providerWhoseAvailabilityCheckFails_isSkipped() {
        MatrixBackends backends = MatrixBackends.of(List.of(new BrokenAvailability()));

        assertThat(backends.names()).containsExactly("broken", "ejml");
        assertThat(backends.available()).containsExactly("ejml");
        assertThat(backends.select(null)).isInstanceOf(EjmlBackend.class);
    }

    @Test
    void twoProvidersWithOneName_areRefused_namingBoth() {
        assertThatThrownBy(() ->
                        MatrixBackends.of(List.of(new FakeProvider("twin", 1, true), new UnavailableBackendProvider() {
                            @Override
                            public String name() {
                                return "Twin";
                            }
                        })))
                .isInstanceOf(DuplicateProviderException.class)
                .hasMessageContaining("claim the name 'twin'")
                .hasMessageContaining(FakeProvider.class.getName());
    }

    @Test
    void theSameClassTwice_isRefusedLikeAnyDuplicate() {
        assertThatThrownBy(() -> MatrixBackends.of(
                        List.of(new FakeProvider("twin", 1, true), new FakeProvider("twin", 2, true))))
                .isInstanceOf(DuplicateProviderException.class)
                .hasMessageContaining("claim the name 'twin'");
        assertThatThrownBy(() -> MatrixBackends.of(List.of(new EjmlBackendProvider())))
                .isInstanceOf(DuplicateProviderException.class)
                .hasMessageContaining("claim the name 'ejml'");
    }

    @Test
    void discoveredConflict_isRecorded_andTheContestedNameRefused() {
        // a registry builder as discovery uses it: both providers found, the contested name recorded
        Registry<MatrixBackend, MatrixBackendProvider> contested =
                Registry.<MatrixBackend, MatrixBackendProvider>builder(MatrixBackends.KIND, MatrixBackendProvider.class)
                        .provider(new FakeProvider("twin", 100, true))
                        .provider(new UnavailableBackendProvider() {
                            @Override
                            public String name() {
                                return "twin";
                            }
                        })
                        .build();
        assertThat(contested.conflicts()).containsOnlyKeys("twin");
        assertThatThrownBy(() -> contested.find("twin")).isInstanceOf(DuplicateProviderException.class);
    }

    @Test
    void discovery_findsTheBuiltInThroughTheRegistry() {
        MatrixBackends backends = MatrixBackends.load(ClassLoader.getPlatformClassLoader());

        assertThat(backends.names()).containsExactly("ejml");
        assertThat(backends.registry().providers().get(0).className()).isEqualTo(EjmlBackendProvider.class.getName());
        assertThat(backends.toString()).contains("ejml = " + EjmlBackendProvider.class.getName());
    }

    @Test
    void backendProvider_refusesParameters() {
        assertThat(new EjmlBackendProvider().create(Config.empty()).name()).isEqualTo("ejml");
        assertThatThrownBy(() -> new EjmlBackendProvider().create(Config.of("threads", 2)))
                .isInstanceOf(IllegalArgumentException.class)
                .hasMessageContaining("threads");
    }

    @Test
    void builtIn_withThreads_isTheBuiltInBackend_reportingItsThreads() {
        MatrixBackend backend = MatrixBackends.builtIn(3);

        assertThat(backend.name()).isEqualTo(MatrixBackends.BUILT_IN);
        assertThat(MatrixBackends.builtInThreads(backend)).hasValue(3);
        assertThat(MatrixBackends.builtInThreads(new FakeProvider("other", 1, true).create()))
                .isEmpty();
    }

    @Test
    void providerWithAnUnusableName_isRefused() {
        assertThatThrownBy(() -> MatrixBackends.of(List.of(new FakeProvider("no spaces", 1, true))))
                .isInstanceOf(IllegalArgumentException.class)
                .hasMessageContaining("'no spaces'");
    }

    @Test
    void discovery_skipsAMissingProviderClass_andNeverSelectsAnUnavailableOne() {
        // the test services file lists UnavailableBackendProvider (top priority, never available) and a missing class
        MatrixBackends backends = MatrixBackends.discover();

        assertThat(backends.names()).contains("ejml", "unavailable-test");
        assertThat(backends.available()).contains("ejml").doesNotContain("unavailable-test");
        assertThat(backends.select(null).name()).isNotEqualTo("unavailable-test");
        assertThat(MatrixBackends.defaultBackend().name()).isNotEqualTo("unavailable-test");
    }

    @Test
    void threadsProperty_isReadByTheProvider_andInvalidValuesAreRefused() {
        String previous = System.getProperty(EjmlBackendProvider.THREADS_PROPERTY);
        try {
            System.setProperty(EjmlBackendProvider.THREADS_PROPERTY, "3");
            assertThat(((EjmlBackend) new EjmlBackendProvider().create()).threads())
                    .isEqualTo(3);
            System.setProperty(EjmlBackendProvider.THREADS_PROPERTY, "many");
            assertThatThrownBy(() -> new EjmlBackendProvider().create())
                    .isInstanceOf(IllegalArgumentException.class)
                    .hasMessageContaining("bp.threads")
                    .hasMessageContaining("'many'");
            System.setProperty(EjmlBackendProvider.THREADS_PROPERTY, "0");
            assertThatThrownBy(() -> new EjmlBackendProvider().create())
                    .isInstanceOf(IllegalArgumentException.class)
                    .hasMessageContaining("at least 1");
        } finally {
            if (previous == null) {
                System.clearProperty(EjmlBackendProvider.THREADS_PROPERTY);
            } else {
                System.setProperty(EjmlBackendProvider.THREADS_PROPERTY, previous);
            }
        }
    }

    @Test
    void moduleLayerWithoutBackends_stillOffersTheBuiltIn() {
        // the tests run on the class path: no named module of the boot layer provides a backend
        MatrixBackends backends = MatrixBackends.load(ModuleLayer.boot());

        assertThat(backends.names()).containsExactly("ejml");
        assertThat(backends.providers()).singleElement().isInstanceOf(EjmlBackendProvider.class);
    }
}
