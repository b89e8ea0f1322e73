package dev.backprop.data;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.util.List;
import org.ejml.data.DMatrixRMaj;
import org.junit.jupiter.api.Test;

class LabeledDatasetTest {

    @Test
    void oneHot_targetsBecomeUnitRows() {
        LabeledDataset d = LabeledDataset.of(new DMatrixRMaj(3, 2), new int[] {2, 0, 1}, List.of("a", "b", "c"));
        TabularDataset oneHot = d.oneHot();
        // by hand: e_2, e_0, e_1 of three classes
        assertThat(oneHot.targets().data).containsExactly(0, 0, 1, 1, 0, 0, 0, 1, 0);
        assertThat(oneHot.features()).isSameAs(d.features());
    }

    @Test
    void constructor_labelBeyondClassNames_failsNamingRowAndValue() {
        assertThatThrownBy(() -> LabeledDataset.of(new DMatrixRMaj(2, 1), new int[] {0, 3}, List.of("a", "b")))
                .hasMessageContaining("row 1")
                .hasMessageContaining("3");
    }

    @Test
    void constructor_fractionalTarget_fails() {
        TabularDataset data = new TabularDataset(new DMatrixRMaj(1, 1), new DMatrixRMaj(1, 1, true, 0.5));
        assertThatThrownBy(() -> new LabeledDataset(data, List.of("a")))
                .hasMessageContaining("row 0 is 0.5, not a whole number");
    }

    @Test
    void subset_keepsClassNames() {
        LabeledDataset d = LabeledDataset.of(new DMatrixRMaj(3, 1), new int[] {2, 0, 1}, List.of("a", "b", "c"));
        LabeledDataset s = d.subset(new int[] {2, 0});
        assertThat(s.labels()).containsExactly(1, 2);
        assertThat(s.classNames()).containsExactly("a", "b", "c");
    }
}
