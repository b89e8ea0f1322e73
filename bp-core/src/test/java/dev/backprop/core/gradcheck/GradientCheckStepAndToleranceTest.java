package dev.backprop.core.gradcheck;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.backprop.core.network.Network;
import dev.backprop.core.random.Rng;
import dev.backprop.core.testing.TestActivations;
import dev.backprop.core.testing.TestLosses;
import dev.backprop.core.testing.TestRegistries;
import java.util.ArrayList;
import java.util.List;
import org.ejml.data.DMatrixRMaj;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

/**
 * Pins {@link GradientCheck}'s step {@code h = ε·max(1, |θ|)}, its pass rule
 * {@code |a − n| ≤ atol + r + rtol·max(|a|, |n|)} with {@code r = 8·2⁻⁵²·max|L(θ±h)|/h}, and its verdict on an
 * empty report. The functions here are chosen so that every quantity is exact in binary floating point; each
 * boundary is worked out by hand in the comment beside it.
 */
class GradientCheckStepAndToleranceTest {

    @ParameterizedTest(name = "theta = {0}")
    @ValueSource(doubles = {0.0, 0.5, -1.0, 1000.0, -3000.0, 1e6})
    void step_isEpsilonTimesMaxOfOneAndTheta(double theta) {
        List<Double> visited = new ArrayList<>();
        DMatrixRMaj point = new DMatrixRMaj(new double[][] {{theta}});

        GradientCheck.defaults()
                .check(
                        "f",
                        point,
                        p -> {
                            visited.add(p.data[0]);
                            return p.data[0];
                        },
                        new DMatrixRMaj(new double[][] {{1.0}}));

        // h = 1e-6 · max(1, |θ|), by the formula: 1e-6 for |θ| ≤ 1, 1e-3 at 1000, 3e-3 at −3000, 1 at 1e6
        double h = 1e-6 * Math.max(1, Math.abs(theta));
        assertThat(visited).containsExactly(theta + h, theta - h);
        assertThat(point.data[0]).isEqualTo(theta);
    }

    @Test
    void passRule_usesAtolPlusRtolTimesTheLargerMagnitude() {
        // f(p) = 2·p at θ = 0 with ε = 2⁻²⁰: L(±h) = ±2⁻¹⁹ and the quotient 2⁻¹⁸ / 2⁻¹⁹ = 2 are exact.
        // r = 8·2⁻⁵²·2⁻¹⁹ / 2⁻²⁰ = 2⁻⁴⁸ ≈ 3.6e-15. With atol = 1e-3, rtol = 1e-2 and a = 2 + d (d > 0) the rule
        // d ≤ 1e-3 + r + 1e-2·(2 + d) gives d ≤ (0.021 + r) / 0.99 = 0.0212121…: a = 2.0212 passes, 2.0213 fails.
        // Were the rule to use the smaller magnitude (2), the bound would be 0.021 and 2.0212 would fail.
        GradientCheck check = GradientCheck.defaults().withTolerances(0x1p-20, 1e-2, 1e-3);

        assertThat(linearCheck(check, 2.0212).passed()).isTrue();
        assertThat(linearCheck(check, 2.0213).passed()).isFalse();
        // below: n − a ≤ 1e-3 + r + 1e-2·2 = 0.021 + r, so 1.9791 passes and 1.9789 fails
        assertThat(linearCheck(check, 1.9791).passed()).isTrue();
        assertThat(linearCheck(check, 1.9789).passed()).isFalse();
    }

    @Test
    void passRule_absoluteToleranceAlone() {
        // as above with rtol = 0, atol = 1e-3: |a − 2| ≤ 1e-3 + 2⁻⁴⁸
        GradientCheck check = GradientCheck.defaults().withTolerances(0x1p-20, 0, 1e-3);

        assertThat(linearCheck(check, 2.0009).passed()).isTrue();
        assertThat(linearCheck(check, 2.0011).passed()).isFalse();
        assertThat(linearCheck(check, 1.9989).passed()).isFalse();
    }

    @Test
    void passRule_roundingFloorIsEightUlpsOfTheLargerValueOverTheStep() {
        // L(+h) = 1025, L(−h) = 1023 with h = ε = 2⁻²⁰ at θ = 0: numeric = 2 / 2⁻¹⁹ = 2²⁰, exact.
        // r = 8·2⁻⁵²·1025 / 2⁻²⁰ = 8200·2⁻³². With atol = rtol = 0 an entry passes iff |a − 2²⁰| ≤ 8200·2⁻³²;
        // the spacing of doubles at 2²⁰ is 2⁻³², so a = 2²⁰ ± 8199·2⁻³² and ± 8200·2⁻³² pass and ± 8201·2⁻³² fail.
        // The larger of |L(±h)| counts: with the smaller (1023) the floor would be 8184·2⁻³² and 8199 would fail.
        GradientCheck check = GradientCheck.defaults().withTolerances(0x1p-20, 0, 0);
        double n = 0x1p20;
        double ulp = 0x1p-32;

        assertThat(stepCheck(check, 1025, 1023, n + 8199 * ulp).passed()).isTrue();
        assertThat(stepCheck(check, 1025, 1023, n + 8200 * ulp).passed()).isTrue();
        assertThat(stepCheck(check, 1025, 1023, n - 8200 * ulp).passed()).isTrue();
        assertThat(stepCheck(check, 1025, 1023, n + 8201 * ulp).passed()).isFalse();
        assertThat(stepCheck(check, 1025, 1023, n - 8201 * ulp).passed()).isFalse();
        // the same with the larger value below: L(+h) = −1023, L(−h) = −1025 has numeric 2²⁰ and floor 8200·2⁻³²
        assertThat(stepCheck(check, -1023, -1025, n + 8200 * ulp).passed()).isTrue();
        assertThat(stepCheck(check, -1023, -1025, n + 8201 * ulp).passed()).isFalse();
    }

    @Test
    void roundingFloor_isDividedByTheRelativeStep() {
        // θ = 2¹⁰, ε = 2⁻²⁰: h = 2⁻¹⁰ and θ ± h are exact. L(+h) = 1025, L(−h) = 1023 give numeric 2 / 2⁻⁹ = 2¹⁰,
        // and r = 8·2⁻⁵²·1025 / 2⁻¹⁰ = 8200·2⁻⁴². The spacing at 2¹⁰ is 2⁻⁴², so 2¹⁰ + 8200·2⁻⁴² passes and
        // 2¹⁰ + 8201·2⁻⁴² fails. Were the floor divided by ε = 2⁻²⁰ instead of h it would be 2¹⁰ times larger, and
        // both would pass.
        GradientCheck check = GradientCheck.defaults().withTolerances(0x1p-20, 0, 0);
        DMatrixRMaj point = new DMatrixRMaj(new double[][] {{1024}});
        double n = 1024;
        double ulp = 0x1p-42;

        assertThat(check.check("f", point, p -> p.data[0] > 1024 ? 1025 : 1023, matrix(n + 8200 * ulp))
                        .passed())
                .isTrue();
        assertThat(check.check("f", point, p -> p.data[0] > 1024 ? 1025 : 1023, matrix(n + 8201 * ulp))
                        .passed())
                .isFalse();
    }

    @Test
    void entry_reportsRelativeErrorAgainstTheLargerMagnitude() {
        // numeric = 2 exactly (see passRule_…); a = 2.5: |a − n| / max(|a|, |n|) = 0.5 / 2.5 = 0.2
        GradientCheckReport report = linearCheck(GradientCheck.defaults().withTolerances(0x1p-20, 1e-6, 1e-8), 2.5);

        GradientEntry entry = report.entries().get(0);
        assertThat(entry.numeric()).isEqualTo(2.0);
        assertThat(entry.analytic()).isEqualTo(2.5);
        assertThat(entry.relativeError()).isEqualTo(0.5 / 2.5);
        assertThat(entry.absoluteError()).isEqualTo(0.5);
        assertThat(report.passed()).isFalse();
        assertThat(report.maxAbsoluteError()).isEqualTo(0.5);
    }

    @Test
    void nonFiniteAnalyticGradient_fails() {
        GradientCheck check = GradientCheck.defaults().withTolerances(0x1p-20, 1, 1);

        assertThat(linearCheck(check, Double.NaN).passed()).isFalse();
        assertThat(linearCheck(check, Double.POSITIVE_INFINITY).passed()).isFalse();
        assertThat(linearCheck(check, 2).passed()).isTrue();
    }

    @Test
    void emptyReport_fails_andSaysNothingWasCompared() {
        GradientCheckReport report =
                GradientCheck.defaults().check("f", new DMatrixRMaj(0, 0), p -> 0, new DMatrixRMaj(0, 0));

        assertThat(report.entries()).isEmpty();
        assertThat(report.passed()).isFalse();
        assertThat(report.toString()).contains("FAILED").contains("0 entries").contains("nothing was compared");
    }

    @Test
    void checkInput_comparesEveryInputEntry_andCatchesAWrongInputGradient() {
        // the derivative of this "sigmoid" forgets the (1 − a) factor, so dX is wrong
        Network bad = Network.builder(TestRegistries.none())
                .input(3)
                .dense(4, TestActivations.elementWise("bad-sigmoid", z -> 1 / (1 + Math.exp(-z)), (z, a) -> a), true)
                .dense(2, TestActivations.identity(), true)
                .seed(3)
                .build();
        Network good = Network.builder(TestRegistries.none())
                .input(3)
                .dense(4, TestActivations.sigmoid(), true)
                .dense(2, TestActivations.identity(), true)
                .seed(3)
                .build();
        DMatrixRMaj x = new DMatrixRMaj(new double[][] {{0.5, -1, 2}, {1, 0.3, -0.7}});
        DMatrixRMaj t = new DMatrixRMaj(new double[][] {{1, 0}, {0, 1}});

        GradientCheckReport wrong = GradientCheck.defaults().checkInput(bad, TestLosses.halfSumOfSquares(), x, t);
        GradientCheckReport right = GradientCheck.defaults().checkInput(good, TestLosses.halfSumOfSquares(), x, t);

        // 2 samples × 3 inputs
        assertThat(wrong.entries()).hasSize(6).allMatch(e -> e.parameter().equals("input"));
        assertThat(wrong.passed()).isFalse();
        assertThat(right.entries()).hasSize(6);
        assertThat(right.passed()).as("%s", right).isTrue();
        assertThat(x.data).containsExactly(0.5, -1, 2, 1, 0.3, -0.7);
    }

    @ParameterizedTest(name = "|x| about {0}")
    @ValueSource(doubles = {1, 1e2, 1e4, 1e5, 1e6})
    void correctLinearLayer_passesAtLargeInputs(double magnitude) {
        Network net = Network.builder(TestRegistries.none())
                .input(4)
                .dense(3, TestActivations.identity(), true)
                .seed(11)
                .build();
        Rng rng = new Rng(5);
        DMatrixRMaj x = new DMatrixRMaj(2, 4);
        for (int i = 0; i < x.data.length; i++) {
            // mixed signs, so that x·W cancels inside the loss
            x.data[i] = magnitude * (0.5 + rng.nextDouble()) * (i % 2 == 0 ? 1 : -1);
        }
        // targets within O(1) of the outputs: L and its gradient are O(1) while x·W is O(|x|), so the rounding of
        // x·W (about 2⁻⁵²·|x|·|W|) cancels inside L, where the floor r, which scales with |L|, does not see it
        DMatrixRMaj t = net.forward(x).copy();
        double[] offsets = {1, -1, 0.5, 0, 2, -2};
        for (int i = 0; i < offsets.length; i++) {
            t.data[i] += offsets[i];
        }

        GradientCheckReport input = GradientCheck.defaults().checkInput(net, TestLosses.halfSumOfSquares(), x, t);

        // the absolute step of 1e-6 failed here from |x| ≈ 1e4 on (relative errors 1e-6 to 5e-2)
        assertThat(input.passed()).as("%s", input).isTrue();
        assertThat(input.entries()).hasSize(8);
        if (magnitude <= 1e4) {
            // the weights and biases themselves are O(1), so their step stays 1e-6; a bias's step is then lost
            // against a pre-activation of size |x|·|W| once that exceeds about 1e4, whatever the formula for h
            GradientCheckReport params = GradientCheck.defaults().check(net, TestLosses.halfSumOfSquares(), x, t);
            assertThat(params.passed()).as("%s", params).isTrue();
            // W 4×3 and b 1×3
            assertThat(params.entries()).hasSize(15);
        }
    }

    @Test
    void report_ranksEqualRelativeErrorsByAbsoluteError_andKeepsItsStep() {
        // f = 0 everywhere, so numeric = 0 exactly; analytic (1, 3) gives relative errors |a − 0| / |a| = 1 for
        // both entries and absolute errors 1 and 3: the entry with 3 ranks first
        GradientCheckReport report = GradientCheck.defaults()
                .withTolerances(1e-4, 1e-6, 1e-8)
                .check("f", new DMatrixRMaj(1, 2), p -> 0, new DMatrixRMaj(new double[][] {{1, 3}}));

        assertThat(report.worst(2)).extracting(GradientEntry::column).containsExactly(1, 0);
        assertThat(report.worst(5)).hasSize(2);
        assertThat(report.maxRelativeError()).isEqualTo(1.0);
        assertThat(report.maxAbsoluteError()).isEqualTo(3.0);
        assertThat(report.failures()).hasSize(2);
        assertThat(report.epsilon()).isEqualTo(1e-4);
        assertThat(report.toString()).startsWith("Gradient check FAILED: 2 entries, 2 failed");
    }

    @Test
    void entriesWithinTheFloorOfZero_reportRelativeErrorZeroWhenPassing_andInfinityWhenFailing() {
        // f = s·p at θ = 0 with ε = 2⁻²⁰ gives numeric = s exactly; atol = 1e-8, rtol = 0, r ≈ 1e-23.
        // a = 0.8e-8, s = 0.5e-8: diff 0.3e-8 ≤ 1e-8 passes, and max(|a|, |n|) = 0.8e-8 is within atol: relative 0.
        // a = 0.8e-8, s = −0.8e-8: diff 1.6e-8 > 1e-8 fails with the scale still within atol: relative ∞.
        GradientCheck check = GradientCheck.defaults().withTolerances(0x1p-20, 0, 1e-8);
        DMatrixRMaj at = matrix(0);

        GradientEntry passing = check.check("f", at, p -> 0.5e-8 * p.data[0], matrix(0.8e-8))
                .entries()
                .get(0);
        GradientEntry failing = check.check("f", at, p -> -0.8e-8 * p.data[0], matrix(0.8e-8))
                .entries()
                .get(0);

        assertThat(passing.passed()).isTrue();
        assertThat(passing.relativeError()).isZero();
        assertThat(passing.toString()).doesNotContain("FAILED");
        assertThat(failing.passed()).isFalse();
        assertThat(failing.relativeError()).isEqualTo(Double.POSITIVE_INFINITY);
        assertThat(failing.toString()).endsWith(" FAILED");
    }

    @Test
    void invalidSettings_areRefusedWithTheirValues() {
        assertThatThrownBy(() -> GradientCheck.defaults().withTolerances(0, 1e-6, 1e-8))
                .isInstanceOf(IllegalArgumentException.class)
                .hasMessage(
                        "Gradient check needs eps > 0, rtol >= 0, atol >= 0; got eps=0.0, rtol=1.0E-6, atol=1.0E-8");
        assertThatThrownBy(() -> GradientCheck.defaults().withTolerances(1e-6, -1, 0))
                .hasMessageContaining("rtol=-1.0");
        assertThatThrownBy(() -> GradientCheck.defaults().withTolerances(1e-6, 0, -1))
                .hasMessageContaining("atol=-1.0");
        assertThatThrownBy(() -> GradientCheck.defaults().sampling(0, 1))
                .hasMessage("Entries per parameter must be at least 1, got 0");
        assertThat(GradientCheck.defaults()
                        .sampling(1, 1)
                        .check("f", new DMatrixRMaj(1, 3), p -> 0, new DMatrixRMaj(1, 3))
                        .entries())
                .hasSize(1);
    }

    @Test
    void sampling_picksDistinctEntriesInAscendingOrder_notAlwaysTheFirst() {
        // 2 of 20 entries for each of 8 seeds: a fixed prefix {0, 1} for all would mean no shuffling
        List<List<Integer>> picks = new ArrayList<>();
        for (long seed = 1; seed <= 8; seed++) {
            List<Integer> columns = GradientCheck.defaults()
                    .sampling(2, seed)
                    .check("f", new DMatrixRMaj(1, 20), p -> 0, new DMatrixRMaj(1, 20))
                    .entries()
                    .stream()
                    .map(GradientEntry::column)
                    .toList();
            assertThat(columns).hasSize(2).isSorted().doesNotHaveDuplicates();
            picks.add(columns);
        }
        assertThat(picks).anyMatch(c -> !c.equals(List.of(0, 1)));
    }

    private static GradientCheckReport linearCheck(GradientCheck check, double analytic) {
        return check.check("f", new DMatrixRMaj(new double[][] {{0}}), p -> 2 * p.data[0], matrix(analytic));
    }

    private static GradientCheckReport stepCheck(GradientCheck check, double above, double below, double analytic) {
        return check.check(
                "f", new DMatrixRMaj(new double[][] {{0}}), p -> p.data[0] > 0 ? above : below, matrix(analytic));
    }

    private static DMatrixRMaj matrix(double value) {
        return new DMatrixRMaj(new double[][] {{value}});
    }
}
