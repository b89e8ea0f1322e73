package dev.backprop.spark;

import static org.assertj.core.api.Assertions.assertThat;

import dev.backprop.data.TabularDataset;
import java.util.List;
import org.ejml.data.DMatrixRMaj;
import org.junit.jupiter.api.Test;

class SampleTest {

    @Test
    void samplesWithEqualValues_areEqual() {
        Sample a = Sample.of(new double[] {1, 2}, 3);
        Sample b = Sample.of(new double[] {1, 2}, 3);
        assertThat(a).isEqualTo(b).hasSameHashCodeAs(b);
        assertThat(a).isNotEqualTo(Sample.of(new double[] {1, 2}, 4));
        assertThat(a.toString()).isEqualTo("Sample[2 features, targets [3.0]]");
    }

    @Test
    void samplesOfADataSet_areItsRowsInOrder() {
        TabularDataset data = new TabularDataset(
                new DMatrixRMaj(new double[][] {{1, 2}, {3, 4}, {5, 6}}),
                new DMatrixRMaj(new double[][] {{0}, {1}, {0}}));
        List<Sample> samples = Samples.of(data);
        assertThat(samples)
                .containsExactly(
                        Sample.of(new double[] {1, 2}, 0),
                        Sample.of(new double[] {3, 4}, 1),
                        Sample.of(new double[] {5, 6}, 0));
    }
}
