package dev.backprop.onnx;

import static org.assertj.core.api.Assertions.assertThat;

import com.example.bp.BentIdentityProvider;
import dev.backprop.core.registry.Registries;
import dev.backprop.core.spi.Activation;
import dev.backprop.core.spi.ActivationProvider;
import dev.backprop.core.spi.Config;
import dev.backprop.testkit.CheckResult;
import dev.backprop.testkit.Conformance;
import dev.backprop.testkit.ConformanceReport;
import java.util.List;
import java.util.Set;
import org.junit.jupiter.api.Test;

/**
 * The conformance kit (bp-testkit) checks an activation's declared ONNX form whenever bp-onnx and ONNX Runtime are
 * on the test class path, as they are here: what a plug-in author gets by adding both in test scope.
 */
class KitOnnxFormTest {

    private static List<CheckResult> onnxChecks(ConformanceReport report) {
        return report.results().stream()
                .filter(r -> r.check().startsWith("onnx form"))
                .toList();
    }

    /** Creates the example plug-in's bent identity wrapped with an ONNX form, correct or without its halving. */
    private static ActivationProvider bentIdentityWithForm(boolean halve) {
        return new ActivationProvider() {
            @Override
            public String name() {
                return "bent-identity";
            }

            @Override
            public Activation create(Config config) {
                config.requireOnly("activation 'bent-identity'", Set.of());
                return new BentIdentityWithOnnxForm(new BentIdentityProvider().create(config), halve);
            }
        };
    }

    @Test
    void builtInWithAnOnnxForm_isCheckedInOnnxRuntime_andPasses() {
        ActivationProvider tanh =
                Registries.discover().activations().find("tanh").provider();

        ConformanceReport report = Conformance.defaults().checkActivation(tanh);

        assertThat(onnxChecks(report))
                .isNotEmpty()
                .allSatisfy(r -> assertThat(r.passed()).as(r.toString()).isTrue());
    }

    @Test
    void wrongOnnxForm_failsTheKitsOnnxCheck_only() {
        // without the halving the form gives √(z² + 1) − 1 + z instead of (√(z² + 1) − 1)/2 + z: 0.207 off at z = 1
        ConformanceReport report = Conformance.defaults().checkActivation(bentIdentityWithForm(false));

        assertThat(onnxChecks(report)).isNotEmpty().allSatisfy(r -> {
            assertThat(r.passed()).isFalse();
            assertThat(r.message()).contains("differs from its forward pass");
        });
    }

    @Test
    void correctOnnxForm_passesTheKitsOnnxCheck() {
        ConformanceReport report = Conformance.defaults().checkActivation(bentIdentityWithForm(true));

        assertThat(onnxChecks(report))
                .isNotEmpty()
                .allSatisfy(r -> assertThat(r.passed()).as(r.toString()).isTrue());
    }

    @Test
    void activationWithoutAnOnnxForm_getsNoOnnxCheck() {
        ConformanceReport report = Conformance.defaults().checkActivation(new BentIdentityProvider());

        assertThat(onnxChecks(report)).isEmpty();
    }
}
