package dev.backprop.testkit;

import static org.assertj.core.api.Assertions.assertThat;

import dev.backprop.core.spi.ActivationProvider;
import org.junit.jupiter.api.Test;

/** The advice of the registry check on the class path (the module path is {@link ModulePathTest}). */
class ServiceRegistrationTest {

    @Test
    void listedButNotFound_pointsAtTheConstructor() {
        // CubeProvider is listed in this module's test resources; had the registry skipped it, its
        // constructor would be to blame
        assertThat(ServiceRegistration.advice(ActivationProvider.class, CubeProvider.class))
                .endsWith("META-INF/services/dev.backprop.core.spi.ActivationProvider lists "
                        + CubeProvider.class.getName() + ", yet the registry skipped it: ServiceLoader needs a public"
                        + " class with a public no-argument constructor that does not throw (the registry's WARN log"
                        + " gives the cause)");
    }

    @Test
    void notListed_namesTheServicesFileAndTheProvidesClause() {
        assertThat(ServiceRegistration.advice(ActivationProvider.class, ServiceRegistrationTest.class))
                .isEqualTo("List dev.backprop.testkit.ServiceRegistrationTest in"
                        + " META-INF/services/dev.backprop.core.spi.ActivationProvider (src/main/resources, or"
                        + " src/test/resources for a provider of the tests) and add 'provides"
                        + " dev.backprop.core.spi.ActivationProvider with dev.backprop.testkit.ServiceRegistrationTest;'"
                        + " to module-info.java");
    }
}
