package dev.backprop.data.scaling;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.assertj.core.api.Assertions.within;

import java.util.HashMap;
import java.util.Map;
import org.ejml.data.DMatrixRMaj;
import org.junit.jupiter.api.Test;

class StandardScalerTest {

    private static final double TOL = 1e-12;

    /** Three columns; the last is constant. */
    private static DMatrixRMaj train() {
        return new DMatrixRMaj(4, 3, true, 1, 10, 5, 2, 20, 5, 4, 60, 5, 5, 30, 5);
    }

    @Test
    void fit_meanAndPopulationStd_matchNumpy() {
        StandardScaler s = StandardScaler.fit(train());
        // numpy: X.mean(0) -> [3.0, 30.0, 5.0]
        assertThat(s.mean()).containsExactly(new double[] {3.0, 30.0, 5.0}, within(TOL));
        // numpy: X.std(0) -> [1.5811388300841898, 18.708286933869708, 0.0]; the constant column divides by 1
        assertThat(s.scale()).containsExactly(new double[] {1.5811388300841898, 18.708286933869708, 1.0}, within(TOL));
    }

    @Test
    void transform_trainingData_matchesNumpy() {
        DMatrixRMaj z = StandardScaler.fit(train()).transform(train());
        // numpy: s = X.std(0); s[s == 0] = 1; ((X - X.mean(0)) / s).ravel()
        assertThat(z.data)
                .containsExactly(
                        new double[] {
                            -1.2649110640673518,
                            -1.0690449676496976,
                            0.0,
                            -0.6324555320336759,
                            -0.5345224838248488,
                            0.0,
                            0.6324555320336759,
                            1.6035674514745462,
                            0.0,
                            1.2649110640673518,
                            0.0,
                            0.0
                        },
                        within(TOL));
    }

    @Test
    void transform_otherData_usesTrainingStatistics() {
        StandardScaler s = StandardScaler.fit(train());
        DMatrixRMaj test = new DMatrixRMaj(1, 3, true, 3, 0, 7);
        // numpy: (np.array([[3, 0, 7]]) - X.mean(0)) / s -> [0.0, -1.6035674514745462, 2.0]
        assertThat(s.transform(test).data).containsExactly(new double[] {0.0, -1.6035674514745462, 2.0}, within(TOL));
    }

    @Test
    void fit_constantColumnWithRoundingInTheMean_becomesExactlyZero() {
        // numpy: np.full(3, 0.1).mean() -> 0.10000000000000002 and .std() -> 1.39e-17, which would turn the
        // column into -1 after division; detected as constant (max = min) it must become 0
        DMatrixRMaj x = new DMatrixRMaj(3, 1, true, 0.1, 0.1, 0.1);
        StandardScaler s = StandardScaler.fit(x);
        assertThat(s.scale()).containsExactly(1.0);
        assertThat(s.transform(x).data).containsOnly(0.0);
    }

    @Test
    void inverseTransform_undoesTransform() {
        StandardScaler s = StandardScaler.fit(train());
        DMatrixRMaj m = train();
        s.transformInPlace(m);
        s.inverseTransform(m, m);
        // by hand: x * scale + mean inverts (x - mean) / scale
        assertThat(m.data).containsExactly(train().data, within(TOL));
    }

    @Test
    void transform_wrongWidth_failsNamingBothWidths() {
        StandardScaler s = StandardScaler.fit(train());
        assertThatThrownBy(() -> s.transform(new DMatrixRMaj(2, 5)))
                .hasMessageContaining("fitted on 3 columns")
                .hasMessageContaining("matrix with 5 columns");
    }

    @Test
    void fromState_ofState_transformsTheSame() {
        StandardScaler s = StandardScaler.fit(train());
        Map<String, double[]> state = s.state();
        assertThat(state).containsOnlyKeys("mean", "scale");
        FeatureScaler restored = FeatureScalers.fromState(s.name(), state);
        // by hand: the same mean and scale give bit-identical outputs
        assertThat(restored.transform(train()).data).containsExactly(s.transform(train()).data);
    }

    @Test
    void fromState_zeroScale_failsNamingEntry() {
        Map<String, double[]> state = new HashMap<>();
        state.put("mean", new double[] {0, 0});
        state.put("scale", new double[] {1, 0});
        assertThatThrownBy(() -> StandardScaler.fromState(state)).hasMessageContaining("'scale'[1] is 0.0");
    }

    @Test
    void fromState_missingKey_failsListingExpected() {
        assertThatThrownBy(() -> StandardScaler.fromState(Map.of("mean", new double[] {0})))
                .hasMessageContaining("mean")
                .hasMessageContaining("scale");
    }

    @Test
    void fit_nonFiniteValue_failsNamingRowAndColumn() {
        DMatrixRMaj x = train();
        x.set(2, 1, Double.NaN);
        assertThatThrownBy(() -> StandardScaler.fit(x)).hasMessageContaining("row 2, column 1 is NaN");
    }
}
