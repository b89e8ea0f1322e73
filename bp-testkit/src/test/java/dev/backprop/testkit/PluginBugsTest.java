package dev.backprop.testkit;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.backprop.core.spi.Activation;
import dev.backprop.core.spi.ActivationProvider;
import dev.backprop.core.spi.BatchReduction;
import dev.backprop.core.spi.Config;
import dev.backprop.core.spi.Loss;
import dev.backprop.core.spi.LossProvider;
import java.util.List;
import java.util.Set;
import java.util.stream.Collectors;
import org.junit.jupiter.api.DynamicTest;
import org.junit.jupiter.api.Test;

/**
 * Each bug that an earlier kit let through, in a deliberately broken plug-in registered for these tests: the kit
 * now fails exactly the check that names the bug, in the configurations it chooses itself. (The sixth, the
 * module path, is {@link ModulePathTest}.)
 */
class PluginBugsTest {

    private static Set<String> failedChecks(ConformanceReport report) {
        return report.failures().stream().map(CheckResult::check).collect(Collectors.toSet());
    }

    private static CheckResult result(ConformanceReport report, String check) {
        return report.results().stream()
                .filter(r -> r.check().equals(check))
                .findFirst()
                .orElseThrow(() -> new AssertionError("no check '" + check + "' in " + report));
    }

    @Test
    void kitChoosesTheDefaults_andEachReportedParameterChanged() {
        // ParameterSamples: the reported default beta = 1.0 becomes 1.5 × 1.0 = 1.5
        assertThat(Conformance.defaults().configs(new MissingBetaFactorProvider()))
                .containsExactly(Config.empty(), Config.of("beta", 1.5));
        // CubeProvider reports scale = 1.0: 1.5
        assertThat(Conformance.defaults().configs(new CubeProvider()))
                .containsExactly(Config.empty(), Config.of("scale", 1.5));
        // reduction = mean becomes the other BatchReduction name, sum
        assertThat(Conformance.defaults().configs(new MeanOnlyLossProvider()))
                .containsExactly(Config.empty(), Config.of("reduction", "sum"));
    }

    @Test
    void correctPluginWithAParameter_passesInEveryConfigurationTheKitChooses() {
        ConformanceReport report = Conformance.defaults().checkActivation(new CubeProvider());
        assertThat(report.passed()).as(report.toString()).isTrue();
        assertThat(result(report, "derivative [scale=1.5]").passed()).isTrue();
        assertThat(result(report, "parameters change the output").message())
                .startsWith("changing scale 1.0 -> 1.5 changes the forward and backward outputs");
    }

    @Test
    void bug1_derivativeMissingItsParameter_passesAtTheDefault_butFailsAtTheDerivedValue() {
        // f = tanh(β z) with f' = 1 − tanh²(β z) instead of β (1 − tanh²(β z)): right only at β = 1
        ConformanceReport report = Conformance.defaults().checkActivation(new MissingBetaFactorProvider());
        assertThat(failedChecks(report)).containsExactly("derivative [beta=1.5]");
        assertThat(result(report, "derivative [beta=1.5]").message()).contains("disagree with central differences");
        assertThatThrownBy(report::assertPassed)
                .hasMessageContaining("derivative [beta=1.5]: FAILED")
                .hasMessageStartingWith("activation test-tanh-missing-beta with 2 configurations: defaults; beta=1.5");
    }

    @Test
    void bug1_theContractTest_alsoChecksTheDerivedValue() {
        ActivationContract contract = new ActivationContract() {
            @Override
            protected ActivationProvider provider() {
                return new MissingBetaFactorProvider();
            }
        };
        List<DynamicTest> derivatives = contract.conformsToTheActivationContract()
                .filter(t -> t.getDisplayName().endsWith(": derivative"))
                .toList();
        assertThat(derivatives).hasSize(2);
        assertThatThrownBy(() -> derivatives.get(1).getExecutable().execute())
                .hasMessageStartingWith("activation test-tanh-missing-beta(beta=1.5) fails 'derivative'");
    }

    @Test
    void bug2_parameterDroppedByTheProvider_failsTheRoundTrip_withBothValues() {
        ConformanceReport report = Conformance.defaults().checkActivation(new DroppedBetaProvider());
        CheckResult roundTrip = result(report, "parameters round-trip [beta=1.5]");
        assertThat(roundTrip.passed()).isFalse();
        assertThat(roundTrip.message()).startsWith("the parameter 'beta' was given as 1.5 but config() reports 1.0");
        // dropping the value also leaves the output unchanged when beta changes
        assertThat(failedChecks(report))
                .containsExactlyInAnyOrder(
                        "parameters round-trip [beta=1.5]",
                        "parameters change the output",
                        "parameters change the output [beta=1.5]");
    }

    @Test
    void bug2_aRoundTripThatKeepsTheValueButNotTheBehaviour_fails() {
        // config() reports the given beta, but create(config()) builds tanh(z) instead of tanh(β z): the
        // round-trip now compares behaviour, not keys
        ActivationProvider provider = new ActivationProvider() {
            @Override
            public String name() {
                return "test-tanh-lossy";
            }

            @Override
            public Activation create(Config config) {
                config.requireOnly("activation 'test-tanh-lossy'", Set.of("beta", "given"));
                double beta = config.getDouble("beta", 1.0);
                // only a configuration typed by a user has no 'given' key; config() adds given=false
                double used = config.getBoolean("given", true) ? beta : 1.0;
                return new FunctionActivation(
                        name(), Config.of("beta", beta, "given", false), z -> Math.tanh(used * z), z -> {
                            double t = Math.tanh(used * z);
                            return used * (1 - t * t);
                        });
            }
        };
        CheckResult roundTrip = result(
                Conformance.defaults().checkActivation(provider, Config.of("beta", 2.0)), "parameters round-trip");
        assertThat(roundTrip.passed()).isFalse();
        assertThat(roundTrip.message())
                .startsWith("a component re-created from config() = {beta=2.0,given=false} behaves differently: "
                        + "forward gives A[0,0] = ");
    }

    @Test
    void bug3_parameterReportedButNotComputedWith_failsParametersChangeTheOutput() {
        ConformanceReport report = Conformance.defaults().checkActivation(new UnusedBetaProvider());
        assertThat(failedChecks(report))
                .containsExactlyInAnyOrder("parameters change the output", "parameters change the output [beta=1.5]");
        // the values tried for 1.0: 1.5 v, 0.5 v, v + 1, v − 1; 40 inputs = the 8 x 5 sample in the kit's default
        // input range [-4, 4]
        assertThat(result(report, "parameters change the output").message())
                .isEqualTo("changing 'beta' from 1.0 to any of 1.5, 0.5, 2.0, 0.0 leaves the forward and backward"
                        + " outputs on 40 inputs in"
                        + " [-4.0, 4.0] exactly as they were: the component reports the parameter but does not"
                        + " compute with the value given");
        // the value round-trips, so only the new check can see the bug
        assertThat(result(report, "parameters round-trip [beta=1.5]").passed()).isTrue();
    }

    @Test
    void bug4_falseSigmoidClaim_failsStandardForm_againstTheTrueSigmoid() {
        ConformanceReport report = Conformance.defaults().checkActivation(new FalseSigmoidProvider());
        assertThat(failedChecks(report)).containsExactly("standard form");
        // first input of the grid z = −8: f = (1 − 8/9)/2 = 1/18 = 0.0555…, σ(−8) = 1/(1 + e^8) = 3.353501304664781e-4
        // (python3: 1/(1+math.exp(8)))
        assertThat(result(report, "standard form").message())
                .startsWith("standardForm() declares SIGMOID, but forward gives A[0,0] = 0.0555555555555555")
                .contains("for the row [-8.0, ")
                .contains("where the logistic function σ(z) = 1/(1 + e^-z) is 3.35350130466478")
                .contains("fused gradient");
    }

    @Test
    void bug4_falseSoftmaxClaim_failsStandardForm_againstTheTrueSoftmax() {
        // softmax of z/2 claiming SOFTMAX; first grid row z_j = −8 + 16 j/31, j = 0..3: the true softmax's first
        // entry is e^(z_0 − z_3) / Σ_j e^(z_j − z_3) = 0.09816621301282903 (python3, max-shifted)
        ConformanceReport report = Conformance.defaults().checkActivation(new FalseSoftmaxProvider());
        assertThat(failedChecks(report)).containsExactly("standard form");
        assertThat(result(report, "standard form").message())
                .startsWith("standardForm() declares SOFTMAX, but forward gives A[0,0] = ")
                .contains("where the row-wise softmax s_j = e^(z_j) / Σ_k e^(z_k) is 0.0981662130128290");
    }

    @Test
    void bug5_lossThatAlwaysAverages_failsBatchReduction_atTheDerivedReductionSum() {
        ConformanceReport report = Conformance.defaults()
                .checkLoss(new MeanOnlyLossProvider(), OutputDomain.real(), TargetGenerator.real());
        assertThat(failedChecks(report))
                .containsExactlyInAnyOrder(
                        "batch reduction [reduction=sum]",
                        "parameters change the output",
                        "parameters change the output [reduction=sum]");
        // a mean over 12 rows that are 6 rows twice equals the mean over the 6; a sum would double
        assertThat(result(report, "batch reduction [reduction=sum]").message())
                .startsWith("batchReduction() is SUM (reduction=sum), but with every sample of a 6x4 batch twice the"
                        + " value stays at ")
                .contains(", as a mean does where a SUM gives ");
        assertThat(result(report, "batch reduction").passed()).isTrue();
    }

    @Test
    void bug5_sumDeclaredAsMean_failsBatchReduction() {
        ConformanceReport report = Conformance.defaults()
                .checkLoss(new UndeclaredSumLossProvider(), OutputDomain.real(), TargetGenerator.real());
        assertThat(failedChecks(report)).containsExactly("batch reduction");
        assertThat(result(report, "batch reduction").message())
                .startsWith(
                        "batchReduction() is MEAN, but with every sample of a 6x4 batch twice the value doubles to ")
                .contains(", as a sum does where a MEAN gives ");
    }

    @Test
    void bug5_reductionParameterContradictingBatchReduction_fails() {
        // sums for reduction=sum, as it should, but declares MEAN
        LossProvider provider = new LossProvider() {
            @Override
            public String name() {
                return "test-sum-said-mean";
            }

            @Override
            public Loss create(Config config) {
                config.requireOnly("loss 'test-sum-said-mean'", Set.of("reduction"));
                String reduction = config.getString("reduction", "mean");
                return new ReducedSquareLoss(
                        name(), Config.of("reduction", reduction), reduction.equals("sum"), BatchReduction.MEAN);
            }
        };
        CheckResult batch = result(
                Conformance.defaults().checkLoss(provider, Config.of("reduction", "sum"), TargetGenerator.real()),
                "batch reduction");
        assertThat(batch.message())
                .isEqualTo("the parameter reduction=sum but batchReduction() is MEAN; the trainer combines batch"
                        + " losses by batchReduction(), so it must say SUM");
    }

    @Test
    void declaredSampleConfigs_areChecked_whereTheKitCannotDeriveAValue() {
        // mode=exact: f = sin z, f' = cos z. mode=fast: f = z − z³/6 with the wrong f' = 1 − z²/6 (right: 1 − z²/2)
        ActivationProvider provider = new ActivationProvider() {
            @Override
            public String name() {
                return "test-two-modes";
            }

            @Override
            public String description() {
                return "sin z, or its cubic Taylor polynomial with a wrong derivative";
            }

            @Override
            public Activation create(Config config) {
                config.requireOnly("activation 'test-two-modes'", Set.of("mode"));
                String mode = config.getString("mode", "exact");
                if (mode.equals("exact")) {
                    return new FunctionActivation(name(), Config.of("mode", mode), Math::sin, Math::cos);
                }
                if (mode.equals("fast")) {
                    return new FunctionActivation(
                            name(), Config.of("mode", mode), z -> z - z * z * z / 6, z -> 1 - z * z / 6);
                }
                throw new IllegalArgumentException("mode must be exact or fast, got '" + mode + "'");
            }

            @Override
            public List<Config> sampleConfigs() {
                return List.of(Config.of("mode", "fast"));
            }
        };
        assertThat(Conformance.defaults().configs(provider)).containsExactly(Config.empty(), Config.of("mode", "fast"));
        ConformanceReport report = Conformance.defaults().checkActivation(provider);
        // not registered: the registry check fails too
        assertThat(failedChecks(report))
                .containsExactlyInAnyOrder("registry", "registry [mode=fast]", "derivative [mode=fast]");
        assertThat(result(report, "parameters change the output").message())
                .startsWith("changing mode exact -> fast changes");
    }

    @Test
    void nameClaimedTwice_failsTheRegistryCheck_namingBothClasses() {
        // two test providers (ClaimedTwiceProvider, ClaimedTwiceAgainProvider) register 'test-claimed-twice';
        // the registry records the conflict and refuses the name where it is looked up
        ConformanceReport report = Conformance.defaults().checkActivation(new ClaimedTwiceProvider());
        assertThat(failedChecks(report)).containsExactly("registry");
        assertThat(result(report, "registry").message())
                .contains("test-claimed-twice")
                .contains(ClaimedTwiceProvider.class.getName())
                .contains(ClaimedTwiceAgainProvider.class.getName());
    }
}
