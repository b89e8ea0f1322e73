package dev.backprop.examples.support;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import org.ejml.data.DMatrixRMaj;
import org.junit.jupiter.api.Test;

class BinaryAccuracyTest {

    @Test
    void accuracy_thresholdsAtOneHalf() {
        DMatrixRMaj y = new DMatrixRMaj(new double[][] {{0.2}, {0.7}, {0.5}, {0.49}});
        DMatrixRMaj t = new DMatrixRMaj(new double[][] {{0}, {1}, {0}, {0}});
        // by hand: predictions [y ≥ 0.5] = 0, 1, 1, 0 against 0, 1, 0, 0: three of four right
        assertThat(new BinaryAccuracy().compute(y, t)).isEqualTo(0.75);
    }

    @Test
    void wrongShapes_areRefusedNamingBoth() {
        assertThatThrownBy(() -> new BinaryAccuracy().compute(new DMatrixRMaj(3, 2), new DMatrixRMaj(3, 1)))
                .isInstanceOf(IllegalArgumentException.class).hasMessageContaining("outputs 3x2");
    }
}
