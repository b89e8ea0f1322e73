package dev.backprop.data.encoding;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import org.ejml.data.DMatrixRMaj;
import org.junit.jupiter.api.Test;

class OneHotTest {

    @Test
    void encode_explicitClassCount_putsOneInLabelColumn() {
        DMatrixRMaj m = OneHot.encode(new int[] {1, 0, 3}, 4);
        // numpy: np.eye(4)[[1, 0, 3]].ravel()
        assertThat(m.numRows).isEqualTo(3);
        assertThat(m.numCols).isEqualTo(4);
        assertThat(m.data).containsExactly(0, 1, 0, 0, 1, 0, 0, 0, 0, 0, 0, 1);
    }

    @Test
    void encode_intoReusedOutput_overwritesEarlierContent() {
        DMatrixRMaj out = new DMatrixRMaj(2, 2);
        out.fill(7);
        OneHot.encode(new int[] {1, 1}, 2, out);
        // by hand: e_1, e_1
        assertThat(out.data).containsExactly(0, 1, 0, 1);
    }

    @Test
    void encode_negativeLabel_failsNamingRowAndValue() {
        assertThatThrownBy(() -> OneHot.encode(new int[] {0, 2, -1}, 3))
                .isInstanceOf(IllegalArgumentException.class)
                .hasMessageContaining("row 2")
                .hasMessageContaining("-1");
    }

    @Test
    void encode_labelNotBelowClassCount_failsNamingRowAndValue() {
        assertThatThrownBy(() -> OneHot.encode(new int[] {0, 3, 1}, 3))
                .isInstanceOf(IllegalArgumentException.class)
                .hasMessageContaining("row 1 is 3, outside [0, 3)");
    }

    @Test
    void encodeShifted_shiftsByMinimumAndCountsToMaximum() {
        ShiftedOneHot s = OneHot.encodeShifted(new int[] {5, 3, 4, 5});
        // numpy: X = np.array([5, 3, 4, 5]); X = X - X.min(); np.eye(X.max() + 1)[X].ravel()
        assertThat(s.shift()).isEqualTo(3);
        assertThat(s.classCount()).isEqualTo(3);
        assertThat(s.matrix().data).containsExactly(0, 0, 1, 1, 0, 0, 0, 1, 0, 0, 0, 1);
    }

    @Test
    void encodeShifted_negativeLabels_areShiftedNotRefused() {
        ShiftedOneHot s = OneHot.encodeShifted(new int[] {-1, 1});
        // numpy: X = np.array([-1, 1]); np.eye((X - X.min()).max() + 1)[X - X.min()].ravel()
        assertThat(s.matrix().data).containsExactly(1, 0, 0, 0, 0, 1);
        // by hand: argmax of e_2 is 2, plus the shift -1
        assertThat(s.decode(s.matrix())).containsExactly(-1, 1);
    }

    @Test
    void decode_takesArgmaxPerRowFirstOnTies() {
        DMatrixRMaj scores = new DMatrixRMaj(3, 3, true, 0.1, 0.7, 0.2, 0.5, 0.2, 0.5, -3, -1, -2);
        // numpy: np.argmax([[.1,.7,.2],[.5,.2,.5],[-3,-1,-2]], axis=1) -> [1, 0, 1]
        assertThat(OneHot.decode(scores)).containsExactly(1, 0, 1);
    }

    @Test
    void decode_ofEncode_returnsTheLabels() {
        int[] labels = {2, 0, 1, 1, 4};
        // by hand: argmax(e_y) = y
        assertThat(OneHot.decode(OneHot.encode(labels, 5))).containsExactly(labels);
    }

    @Test
    void decode_nan_failsNamingRow() {
        DMatrixRMaj scores = new DMatrixRMaj(2, 2, true, 0, 1, Double.NaN, 1);
        assertThatThrownBy(() -> OneHot.decode(scores)).hasMessageContaining("row 1, column 0 is NaN");
    }
}
