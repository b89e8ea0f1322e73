package dev.backprop.testkit;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.backprop.core.spi.Activation;
import dev.backprop.core.spi.ActivationProvider;
import dev.backprop.core.spi.Config;
import java.util.List;
import java.util.Set;
import java.util.function.DoubleUnaryOperator;
import java.util.function.Function;
import java.util.stream.Collectors;
import org.ejml.data.DMatrixRMaj;
import org.junit.jupiter.api.DynamicTest;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.function.Executable;

/** The kit passes a correct activation and catches each kind of defect with a message that says what is wrong. */
class ActivationConformanceTest {

    private static ActivationProvider provider(String name, Function<Config, Activation> factory) {
        return new ActivationProvider() {
            @Override
            public String name() {
                return name;
            }

            @Override
            public String description() {
                return "a test activation";
            }

            @Override
            public Activation create(Config config) {
                return factory.apply(config);
            }
        };
    }

    /** An element-wise provider that refuses unknown parameters, as it should. */
    private static ActivationProvider elementwise(String name, DoubleUnaryOperator f, DoubleUnaryOperator derivative) {
        return provider(name, config -> {
            config.requireOnly("activation '" + name + "'", Set.of());
            return new FunctionActivation(name, Config.empty(), f, derivative);
        });
    }

    private static CheckResult result(ConformanceReport report, String check) {
        return report.results().stream()
                .filter(r -> r.check().equals(check))
                .findFirst()
                .orElseThrow();
    }

    private static Set<String> failedChecks(ConformanceReport report) {
        return report.failures().stream().map(CheckResult::check).collect(Collectors.toSet());
    }

    @Test
    void correctRegisteredActivation_passesEveryCheck() {
        for (Config config : List.of(Config.empty(), Config.of("scale", 2.5))) {
            ConformanceReport report = Conformance.defaults().checkActivation(new CubeProvider(), config);
            assertThat(report.passed()).as(report.toString()).isTrue();
            assertThat(report.maxRelativeError()).isLessThanOrEqualTo(1e-6);
            assertThat(result(report, "registry").message())
                    .contains("'test-cube' resolves to exactly " + CubeProvider.class.getName());
        }
    }

    @Test
    void wrongDerivative_failsOnlyTheDerivativeCheck_namingPointsAndValues() {
        // f = z², but the derivative given is z instead of 2z
        ConformanceReport report =
                Conformance.defaults().checkActivation(elementwise("square", z -> z * z, z -> z), Config.empty());
        assertThat(failedChecks(report)).containsExactlyInAnyOrder("derivative", "registry");
        assertThat(result(report, "derivative").message())
                .contains("disagree with central differences")
                .contains("at z = ")
                .contains("analytic")
                .contains("central difference");
    }

    @Test
    void kinkAtZero_isSkipped_andTheRestPasses() {
        // relu: the grid hits z = 0 exactly, where the one-sided slopes are 0 and 1, the central difference ½
        ConformanceReport report = Conformance.defaults()
                .checkActivation(elementwise("ramp", z -> Math.max(z, 0), z -> z > 0 ? 1 : 0), Config.empty());
        assertThat(result(report, "derivative").passed()).isTrue();
        assertThat(result(report, "derivative").message()).contains("(1 skipped at kinks)");
    }

    @Test
    void declaredKink_isSkipped() {
        // a kink declared at 0 leaves the grid point 0 out of the comparison before any one-sided difference
        ConformanceReport report = Conformance.defaults()
                .withKinks(0)
                .checkActivation(elementwise("ramp", z -> Math.max(z, 0), z -> z > 0 ? 1 : 0), Config.empty());
        assertThat(result(report, "derivative").message())
                .contains("79 entries")
                .contains("(1 skipped at kinks)");
    }

    @Test
    void derivativeWrongForHalfTheInputs_isNotExcusedAsKinks() {
        // f = z |z| has f' = 2 |z|; 2 z is wrong for every negative z, where the one-sided slopes agree
        ConformanceReport report = Conformance.defaults()
                .checkActivation(elementwise("signed-square", z -> z * Math.abs(z), z -> 2 * z), Config.empty());
        assertThat(result(report, "derivative").passed()).isFalse();
        assertThat(result(report, "derivative").message()).contains("disagree with central differences");
    }

    @Test
    void entriesCoupledWithinARow_failRowsIndependent_unlessDeclaredRowWise() {
        ActivationProvider centred = provider("centred", config -> new RowCentred(false));
        assertThat(result(Conformance.defaults().checkActivation(centred, Config.empty()), "rows independent")
                        .message())
                .contains("isRowWise() is false");
        ActivationProvider declared = provider("centred", config -> new RowCentred(true));
        assertThat(result(Conformance.defaults().checkActivation(declared, Config.empty()), "rows independent")
                        .passed())
                .isTrue();
    }

    @Test
    void rowsCoupledThroughTheBatch_failRowsIndependent() {
        ActivationProvider batchNorm = provider("batch-centred", config -> new BatchCentred());
        CheckResult rows =
                result(Conformance.defaults().checkActivation(batchNorm, Config.empty()), "rows independent");
        assertThat(rows.passed()).isFalse();
        assertThat(rows.message()).contains("differs from the same row computed alone");
    }

    @Test
    void softmaxWithoutTheMaxShift_failsExtremeInputs() {
        ActivationProvider naive = provider("naive-softmax", config -> new NaiveSoftmax(false));
        CheckResult extremes = result(Conformance.defaults().checkActivation(naive, Config.empty()), "extreme inputs");
        assertThat(extremes.passed()).isFalse();
        assertThat(extremes.message()).contains("forward gives A[0,0] = NaN").contains("[1000.0, 1000.0");
    }

    @Test
    void backwardThatOverwritesGBeforeReadingIt_failsBackwardInPlace() {
        ActivationProvider clobbering = provider("naive-softmax", config -> new NaiveSoftmax(true));
        ConformanceReport report = Conformance.defaults().checkActivation(clobbering, Config.empty());
        assertThat(result(report, "derivative").passed()).isTrue();
        assertThat(result(report, "backward in place").passed()).isFalse();
        assertThat(result(report, "backward in place").message()).contains("the SPI lets dZ be G");
    }

    @Test
    void forwardWritingIntoZ_failsInputsUnchanged() {
        ActivationProvider writer =
                provider("writer", config -> new FunctionActivation("writer", Config.empty(), z -> z, z -> 1) {
                    @Override
                    public void forward(DMatrixRMaj z, DMatrixRMaj a) {
                        super.forward(z, a);
                        z.data[0] = 0;
                    }
                });
        CheckResult unchanged =
                result(Conformance.defaults().checkActivation(writer, Config.empty()), "inputs unchanged");
        assertThat(unchanged.passed()).isFalse();
        assertThat(unchanged.message()).isEqualTo("forward modified Z");
    }

    @Test
    void allocatingEveryCall_failsNoAllocation() {
        ActivationProvider allocating = provider("allocating", config -> new Allocating());
        CheckResult allocation =
                result(Conformance.defaults().checkActivation(allocating, Config.empty()), "no allocation");
        assertThat(allocation.passed()).isFalse();
        assertThat(allocation.message()).contains("bytes per call");
    }

    @Test
    void unknownParameterAccepted_andParametersLost_areBothReported() {
        ActivationProvider careless =
                provider("careless", config -> new FunctionActivation("careless", Config.empty(), z -> z, z -> 1));
        ConformanceReport report = Conformance.defaults().checkActivation(careless, Config.of("alpha", 0.5));
        assertThat(result(report, "unknown parameter refused").message())
                .contains("accepted the unknown parameter 'no-such-parameter'");
        assertThat(result(report, "parameters round-trip").message())
                .contains("the parameter 'alpha' was given but config() = {} does not contain it");
    }

    @Test
    void unregisteredProvider_failsRegistry_sayingHowToRegister() {
        CheckResult registry = result(
                Conformance.defaults().checkActivation(elementwise("orphan", z -> z, z -> 1), Config.empty()),
                "registry");
        assertThat(registry.passed()).isFalse();
        assertThat(registry.message())
                .contains("no activation provider named 'orphan'")
                .contains("META-INF/services/dev.backprop.core.spi.ActivationProvider")
                .contains("provides");
    }

    @Test
    void nameThatIsNotLowerCaseHyphenated_failsName() {
        CheckResult name = result(
                Conformance.defaults().checkActivation(elementwise("Leaky_Relu", z -> z, z -> 1), Config.empty()),
                "name");
        assertThat(name.message()).contains("'Leaky_Relu' is not lower-case words joined by hyphens");
    }

    @Test
    void dynamicTests_giveOneTestPerCheckAndConfiguration_andFailWithTheMessage() throws Throwable {
        List<DynamicTest> tests = Conformance.defaults()
                .dynamicTests(new CubeProvider(), Config.empty(), Config.of("scale", 2.0))
                .toList();
        // by hand: five provider checks (name, registry, round-trip, parameters change the output, unknown
        // parameter), then seven activation checks (standard form, then derivative), for each of two configurations
        assertThat(tests).hasSize(24);
        assertThat(tests.get(6).getDisplayName()).isEqualTo("activation test-cube: derivative");
        assertThat(tests.get(18).getDisplayName()).isEqualTo("activation test-cube(scale=2.0): derivative");
        for (DynamicTest test : tests) {
            test.getExecutable().execute();
        }
        Executable failing = Conformance.defaults()
                .dynamicTests(elementwise("square", z -> z * z, z -> z))
                .filter(t -> t.getDisplayName().endsWith("derivative"))
                .findFirst()
                .orElseThrow()
                .getExecutable();
        assertThatThrownBy(failing::execute)
                .isInstanceOf(AssertionError.class)
                .hasMessageStartingWith("activation square fails 'derivative'");
    }

    @Test
    void assertPassed_listsEveryFailedCheck() {
        ConformanceReport report =
                Conformance.defaults().checkActivation(elementwise("square", z -> z * z, z -> z), Config.empty());
        assertThatThrownBy(report::assertPassed)
                .isInstanceOf(AssertionError.class)
                .hasMessageStartingWith("activation square fails 2 conformance checks:")
                .hasMessageContaining("registry: FAILED")
                .hasMessageContaining("derivative: FAILED");
    }

    @Test
    void settings_areChecked() {
        assertThatThrownBy(() -> Conformance.defaults().withInputRange(1, -1))
                .isInstanceOf(IllegalArgumentException.class)
                .hasMessage("Input range must be finite with low < high, got [1.0, -1.0]");
        // a declared kink leaves out of the derivative check the points within 1e-4 of it
        assertThat(Conformance.defaults().withKinks(0.5).nearKink(0.50005)).isTrue();
        assertThat(Conformance.defaults().withKinks(0.5).nearKink(0.5002)).isFalse();
    }

    /** a_ij = z_ij − mean_j z_ij, which couples the entries of a row. */
    private static final class RowCentred implements Activation {
        private final boolean rowWise;

        RowCentred(boolean rowWise) {
            this.rowWise = rowWise;
        }

        @Override
        public String name() {
            return "centred";
        }

        @Override
        public Config config() {
            return Config.empty();
        }

        @Override
        public void forward(DMatrixRMaj z, DMatrixRMaj a) {
            for (int r = 0; r < z.numRows; r++) {
                double mean = 0;
                for (int c = 0; c < z.numCols; c++) {
                    mean += z.get(r, c) / z.numCols;
                }
                for (int c = 0; c < z.numCols; c++) {
                    a.set(r, c, z.get(r, c) - mean);
                }
            }
        }

        @Override
        public void backward(DMatrixRMaj z, DMatrixRMaj a, DMatrixRMaj g, DMatrixRMaj dz) {
            for (int r = 0; r < z.numRows; r++) {
                double mean = 0;
                for (int c = 0; c < z.numCols; c++) {
                    mean += g.get(r, c) / z.numCols;
                }
                for (int c = 0; c < z.numCols; c++) {
                    dz.set(r, c, g.get(r, c) - mean);
                }
            }
        }

        @Override
        public boolean isRowWise() {
            return rowWise;
        }
    }

    /** a_ij = z_ij − mean_i z_ij over the batch, which couples the rows. */
    private static final class BatchCentred implements Activation {
        @Override
        public String name() {
            return "batch-centred";
        }

        @Override
        public Config config() {
            return Config.empty();
        }

        @Override
        public void forward(DMatrixRMaj z, DMatrixRMaj a) {
            for (int c = 0; c < z.numCols; c++) {
                double mean = 0;
                for (int r = 0; r < z.numRows; r++) {
                    mean += z.get(r, c) / z.numRows;
                }
                for (int r = 0; r < z.numRows; r++) {
                    a.set(r, c, z.get(r, c) - mean);
                }
            }
        }

        @Override
        public void backward(DMatrixRMaj z, DMatrixRMaj a, DMatrixRMaj g, DMatrixRMaj dz) {
            dz.setTo(g);
        }

        @Override
        public boolean isRowWise() {
            return true;
        }
    }

    /**
     * Softmax without the max shift (overflows at 1000); optionally with a backward pass that reads G after
     * overwriting it.
     */
    private static final class NaiveSoftmax implements Activation {
        private final boolean clobberG;

        NaiveSoftmax(boolean clobberG) {
            this.clobberG = clobberG;
        }

        @Override
        public String name() {
            return "naive-softmax";
        }

        @Override
        public Config config() {
            return Config.empty();
        }

        @Override
        public void forward(DMatrixRMaj z, DMatrixRMaj a) {
            for (int r = 0; r < z.numRows; r++) {
                double sum = 0;
                for (int c = 0; c < z.numCols; c++) {
                    sum += Math.exp(z.get(r, c));
                }
                for (int c = 0; c < z.numCols; c++) {
                    a.set(r, c, Math.exp(z.get(r, c)) / sum);
                }
            }
        }

        @Override
        public void backward(DMatrixRMaj z, DMatrixRMaj a, DMatrixRMaj g, DMatrixRMaj dz) {
            for (int r = 0; r < z.numRows; r++) {
                if (clobberG) {
                    // writes dz (which may be g) first, then reads g
                    for (int c = 0; c < z.numCols; c++) {
                        dz.set(r, c, a.get(r, c) * g.get(r, c));
                    }
                    double dot = 0;
                    for (int c = 0; c < z.numCols; c++) {
                        dot += g.get(r, c) * a.get(r, c);
                    }
                    for (int c = 0; c < z.numCols; c++) {
                        dz.set(r, c, dz.get(r, c) - a.get(r, c) * dot);
                    }
                } else {
                    double dot = 0;
                    for (int c = 0; c < z.numCols; c++) {
                        dot += g.get(r, c) * a.get(r, c);
                    }
                    for (int c = 0; c < z.numCols; c++) {
                        dz.set(r, c, a.get(r, c) * (g.get(r, c) - dot));
                    }
                }
            }
        }

        @Override
        public boolean isRowWise() {
            return true;
        }
    }

    /** The identity, keeping a fresh copy of Z at every call. */
    private static final class Allocating implements Activation {
        private double[] last;

        @Override
        public String name() {
            return "allocating";
        }

        @Override
        public Config config() {
            return Config.empty();
        }

        @Override
        public void forward(DMatrixRMaj z, DMatrixRMaj a) {
            last = z.data.clone();
            System.arraycopy(last, 0, a.data, 0, z.getNumElements());
        }

        @Override
        public void backward(DMatrixRMaj z, DMatrixRMaj a, DMatrixRMaj g, DMatrixRMaj dz) {
            dz.setTo(g);
        }
    }
}
