package dev.backprop.core.registry;

import static org.assertj.core.api.Assertions.assertThat;

import dev.backprop.core.testing.SquareActivationProvider;
import org.junit.jupiter.api.Test;

class ProviderInfoTest {

    @Test
    void originOfAClassInANamedModule_namesTheModule() {
        // String is in java.base, loaded by the boot loader, which gives no code location
        assertThat(ProviderInfo.originOf(String.class)).isEqualTo("module java.base");
    }

    @Test
    void originOfAClassOnTheClassPath_isItsFolder() {
        // the tests run on the class path: the test classes are in the unnamed module, loaded from their folder
        assertThat(ProviderInfo.originOf(SquareActivationProvider.class))
                .startsWith("file:")
                .endsWith("test-classes/")
                .doesNotContain("module");
    }
}
