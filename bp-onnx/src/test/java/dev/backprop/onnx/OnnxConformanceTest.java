package dev.backprop.onnx;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import com.example.bp.BentIdentityProvider;
import dev.backprop.core.spi.Activation;
import dev.backprop.core.spi.Config;
import dev.backprop.core.spi.OnnxGraph;
import org.junit.jupiter.api.Test;

/** The conformance kit on the example plug-in's bent identity, as a plug-in author would use it. */
class OnnxConformanceTest {

    private static Activation bentIdentity() {
        return new BentIdentityProvider().create(Config.empty());
    }

    @Test
    void pluginWithoutOnnxForm_failsTheCheck_namingIt() {
        assertThatThrownBy(() -> OnnxConformance.check(new BentIdentityProvider()))
                .isInstanceOf(AssertionError.class)
                .hasMessageContaining("Activation 'bent-identity'")
                .hasMessageContaining("has no ONNX form");
    }

    @Test
    void correctForm_passesInDoubleAndFloat() {
        ConformanceResult result = OnnxConformance.check(new BentIdentityWithOnnxForm(bentIdentity(), true));

        assertThat(result.elementType()).isEqualTo(OnnxGraph.ElementType.DOUBLE);
        assertThat(result.values()).isEqualTo(220);
        assertThat(result.maxError()).isLessThanOrEqualTo(1e-12);
    }

    @Test
    void wrongForm_failsTheCheck_namingInputAndBothValues() {
        // without the halving the form gives √(z² + 1) − 1 + z, which differs from f(z) by (√(z² + 1) − 1)/2,
        // e.g. 0.207 at z = 1
        assertThatThrownBy(() -> OnnxConformance.check(
                        new BentIdentityWithOnnxForm(bentIdentity(), false),
                        OnnxGraph.ElementType.DOUBLE,
                        ExportOptions.DEFAULT_OPSET))
                .isInstanceOf(AssertionError.class)
                .hasMessageContaining("The ONNX form of activation 'bent-identity'")
                .hasMessageContaining("differs from its forward pass at z = ")
                .hasMessageContaining("ONNX Runtime gives")
                .hasMessageContaining("bp gives");
    }
}
