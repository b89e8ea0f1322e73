package dev.backprop.data.encoding;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import org.ejml.data.DMatrixRMaj;
import org.junit.jupiter.api.Test;

class LabelsTest {

    @Test
    void fromColumn_wholeNumbers_becomeLabels() {
        // by hand: 2.0, 0.0, 1.0 -> 2, 0, 1
        assertThat(Labels.fromColumn(new DMatrixRMaj(3, 1, true, 2, 0, 1))).containsExactly(2, 0, 1);
    }

    @Test
    void fromColumn_fraction_failsNamingRowAndValue() {
        assertThatThrownBy(() -> Labels.fromColumn(new DMatrixRMaj(3, 1, true, 2, 1.5, 1)))
                .hasMessageContaining("row 1 is 1.5");
    }

    @Test
    void fromColumn_negative_failsNamingRowAndValue() {
        assertThatThrownBy(() -> Labels.fromColumn(new DMatrixRMaj(2, 1, true, 0, -2)))
                .hasMessageContaining("row 1 is -2");
    }

    @Test
    void fromTargets_oneHot_usesArgmax() {
        // by hand: rows e_2, e_0
        assertThat(Labels.fromTargets(new DMatrixRMaj(2, 3, true, 0, 0, 1, 1, 0, 0)))
                .containsExactly(2, 0);
    }

    @Test
    void toColumn_writesLabelsAsDoubles() {
        assertThat(Labels.toColumn(new int[] {3, 1}).data).containsExactly(3.0, 1.0);
    }
}
