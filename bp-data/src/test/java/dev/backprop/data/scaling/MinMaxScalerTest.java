package dev.backprop.data.scaling;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.assertj.core.api.Assertions.within;

import org.ejml.data.DMatrixRMaj;
import org.junit.jupiter.api.Test;

class MinMaxScalerTest {

    private static final double TOL = 1e-12;

    private static DMatrixRMaj train() {
        return new DMatrixRMaj(4, 3, true, 1, 10, 5, 2, 20, 5, 4, 60, 5, 5, 30, 5);
    }

    @Test
    void transform_trainingData_matchesNumpy() {
        DMatrixRMaj z = MinMaxScaler.fit(train()).transform(train());
        // numpy: mn = X.min(0); r = X.max(0) - mn; r[r == 0] = 1; ((X - mn) / r).ravel()
        assertThat(z.data)
                .containsExactly(
                        new double[] {0.0, 0.0, 0.0, 0.25, 0.2, 0.0, 0.75, 1.0, 0.0, 1.0, 0.4, 0.0}, within(TOL));
    }

    @Test
    void transform_otherData_usesTrainingRangeWithoutClipping() {
        MinMaxScaler s = MinMaxScaler.fit(train());
        // numpy: (np.array([[3, 0, 7]]) - mn) / r -> [0.5, -0.2, 2.0]
        assertThat(s.transform(new DMatrixRMaj(1, 3, true, 3, 0, 7)).data)
                .containsExactly(new double[] {0.5, -0.2, 2.0}, within(TOL));
    }

    @Test
    void fit_constantColumn_scalesByOne() {
        MinMaxScaler s = MinMaxScaler.fit(train());
        // by hand: min of the columns, and max - min = 4, 50 and (constant) 1
        assertThat(s.min()).containsExactly(1.0, 10.0, 5.0);
        assertThat(s.scale()).containsExactly(4.0, 50.0, 1.0);
    }

    @Test
    void inverseTransform_undoesTransform() {
        MinMaxScaler s = MinMaxScaler.fit(train());
        DMatrixRMaj back = new DMatrixRMaj(1, 1);
        s.inverseTransform(s.transform(train()), back);
        // by hand: x' * scale + min inverts (x - min) / scale
        assertThat(back.data).containsExactly(train().data, within(TOL));
    }

    @Test
    void transform_wrongWidth_failsNamingBothWidths() {
        MinMaxScaler s = MinMaxScaler.fit(train());
        assertThatThrownBy(() -> s.transformInPlace(new DMatrixRMaj(2, 2)))
                .hasMessageContaining("fitted on 3 columns")
                .hasMessageContaining("matrix with 2 columns");
    }

    @Test
    void state_restoresThroughFeatureScalers() {
        MinMaxScaler s = MinMaxScaler.fit(train());
        assertThat(s.state()).containsOnlyKeys("min", "scale");
        FeatureScaler restored = FeatureScalers.fromState("minmax", s.state());
        assertThat(restored).isInstanceOf(MinMaxScaler.class);
        // by hand: the same min and scale give bit-identical outputs
        assertThat(restored.transform(train()).data).containsExactly(s.transform(train()).data);
    }

    @Test
    void fromState_unknownName_failsListingKnownNames() {
        assertThatThrownBy(() -> FeatureScalers.fromState(
                        "robust", MinMaxScaler.fit(train()).state()))
                .hasMessageContaining("'robust'")
                .hasMessageContaining("[minmax, standard]");
    }

    @Test
    void fit_emptyMatrix_fails() {
        assertThatThrownBy(() -> MinMaxScaler.fit(new DMatrixRMaj(0, 3))).hasMessageContaining("0×3");
    }
}
