package dev.backprop.data;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import org.ejml.data.DMatrixRMaj;
import org.junit.jupiter.api.Test;

class TabularDatasetTest {

    /** Features row i = (i, 10 i), target row i = (100 i): every value names its row. */
    private static TabularDataset numbered(int n) {
        DMatrixRMaj f = new DMatrixRMaj(n, 2);
        DMatrixRMaj t = new DMatrixRMaj(n, 1);
        for (int i = 0; i < n; i++) {
            f.set(i, 0, i);
            f.set(i, 1, 10 * i);
            t.set(i, 0, 100 * i);
        }
        return new TabularDataset(f, t);
    }

    @Test
    void constructor_rowCountsDiffer_failsNamingBoth() {
        assertThatThrownBy(() -> new TabularDataset(new DMatrixRMaj(3, 2), new DMatrixRMaj(4, 1)))
                .isInstanceOf(IllegalArgumentException.class)
                .hasMessageContaining("3 rows")
                .hasMessageContaining("4");
    }

    @Test
    void constructor_nanFeature_failsNamingRowAndColumn() {
        DMatrixRMaj f = new DMatrixRMaj(3, 2);
        f.set(2, 1, Double.NaN);
        assertThatThrownBy(() -> new TabularDataset(f, new DMatrixRMaj(3, 1)))
                .hasMessageContaining("features row 2, column 1 is NaN");
    }

    @Test
    void constructor_infiniteTarget_fails() {
        DMatrixRMaj t = new DMatrixRMaj(3, 1);
        t.set(1, 0, Double.POSITIVE_INFINITY);
        assertThatThrownBy(() -> new TabularDataset(new DMatrixRMaj(3, 2), t))
                .hasMessageContaining("targets row 1, column 0 is Infinity");
    }

    @Test
    void sizes_reportRowsAndColumns() {
        TabularDataset d = numbered(5);
        assertThat(d.size()).isEqualTo(5);
        assertThat(d.featureCount()).isEqualTo(2);
        assertThat(d.targetCount()).isEqualTo(1);
    }

    @Test
    void subset_copiesRowsInGivenOrderWithTargets() {
        TabularDataset s = numbered(5).subset(new int[] {4, 1, 1});
        // by hand: rows 4, 1, 1 of (i, 10 i | 100 i)
        assertThat(s.features().data).containsExactly(4, 40, 1, 10, 1, 10);
        assertThat(s.targets().data).containsExactly(400, 100, 100);
    }

    @Test
    void copyRows_indexOutOfRange_failsNamingPositionAndIndex() {
        TabularDataset d = numbered(5);
        assertThatThrownBy(() -> d.copyRows(new int[] {0, 7}, 0, 2, new DMatrixRMaj(1, 1), new DMatrixRMaj(1, 1)))
                .isInstanceOf(IndexOutOfBoundsException.class)
                .hasMessageContaining("order[1] = 7")
                .hasMessageContaining("[0, 5)");
    }

    @Test
    void copyRows_bufferLargeEnough_keepsItsArray() {
        TabularDataset d = numbered(5);
        DMatrixRMaj f = new DMatrixRMaj(3, 2);
        DMatrixRMaj t = new DMatrixRMaj(3, 1);
        double[] fArray = f.data;
        double[] tArray = t.data;
        d.copyRows(new int[] {3, 0, 2}, 1, 3, f, t);
        assertThat(f.data).isSameAs(fArray);
        assertThat(t.data).isSameAs(tArray);
        assertThat(f.numRows).isEqualTo(2);
        // by hand: samples 0 and 2
        assertThat(f.get(0, 1)).isEqualTo(0.0);
        assertThat(f.get(1, 1)).isEqualTo(20.0);
        assertThat(t.get(1, 0)).isEqualTo(200.0);
    }
}
