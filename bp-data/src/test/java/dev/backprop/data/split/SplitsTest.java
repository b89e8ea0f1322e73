package dev.backprop.data.split;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.backprop.data.LabeledDataset;
import dev.backprop.data.TabularDataset;
import dev.backprop.data.encoding.OneHot;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.stream.IntStream;
import org.ejml.data.DMatrixRMaj;
import org.junit.jupiter.api.Test;

class SplitsTest {

    /** n samples, feature = index, target = class of sample i. */
    private static TabularDataset withClasses(int[] classes) {
        int n = classes.length;
        DMatrixRMaj f = new DMatrixRMaj(n, 1);
        DMatrixRMaj t = new DMatrixRMaj(n, 1);
        for (int i = 0; i < n; i++) {
            f.set(i, 0, i);
            t.set(i, 0, classes[i]);
        }
        return new TabularDataset(f, t);
    }

    /** 50 samples of class 0, then 50 of class 1, then 50 of class 2, like iris. */
    private static int[] irisLikeClasses() {
        return IntStream.range(0, 150).map(i -> i / 50).toArray();
    }

    private static int countClass(TabularDataset d, int c) {
        int count = 0;
        for (int i = 0; i < d.size(); i++) {
            if (d.target(i, 0) == c) {
                count++;
            }
        }
        return count;
    }

    private static int[] sampleIds(TabularDataset d) {
        int[] ids = new int[d.size()];
        for (int i = 0; i < ids.length; i++) {
            ids[i] = (int) d.feature(i, 0);
        }
        return ids;
    }

    @Test
    void indices_seed42_matchIndependentShuffle() {
        SplitIndices s = Splits.indices(10, null, 0.0, 0.3, 42);
        // python: the SplitMix64/Fisher-Yates re-implementation with derive(42, 0x5EED5917) shuffles range(10)
        // to [0, 2, 7, 4, 6, 9, 3, 5, 8, 1]; round(10 * 0.3) = 3 go to test, the rest to train
        assertThat(s.test()).containsExactly(0, 2, 7);
        assertThat(s.train()).containsExactly(4, 6, 9, 3, 5, 8, 1);
        assertThat(s.validation()).isEmpty();
    }

    @Test
    void indices_sameArguments_giveEqualSplits_stratifiedToo() {
        int[] classes = irisLikeClasses();
        assertThat(Splits.indices(150, classes, 0.1, 0.2, 8)).isEqualTo(Splits.indices(150, classes, 0.1, 0.2, 8));
        assertThat(Splits.indices(150, classes, 0.1, 0.2, 8)).isNotEqualTo(Splits.indices(150, classes, 0.1, 0.2, 9));
    }

    @Test
    void trainTest_roundsHalfUpAndCoversEverySampleOnce() {
        TrainTest<TabularDataset> split = Splits.trainTest(withClasses(new int[10]), 0.25, 7, false);
        // by hand: round(10 * 0.25) = round(2.5) = 3 test samples, 7 train
        assertThat(split.test().size()).isEqualTo(3);
        assertThat(split.train().size()).isEqualTo(7);
        List<Integer> all = new ArrayList<>();
        Arrays.stream(sampleIds(split.train())).forEach(all::add);
        Arrays.stream(sampleIds(split.test())).forEach(all::add);
        all.sort(null);
        assertThat(all).containsExactly(0, 1, 2, 3, 4, 5, 6, 7, 8, 9);
    }

    @Test
    void trainTest_sameSeed_sameSplit_otherSeed_otherSplit() {
        TabularDataset data = withClasses(irisLikeClasses());
        int[] a = sampleIds(Splits.trainTest(data, 0.2, 5, false).test());
        int[] b = sampleIds(Splits.trainTest(data, 0.2, 5, false).test());
        int[] c = sampleIds(Splits.trainTest(data, 0.2, 6, false).test());
        assertThat(a).containsExactly(b);
        assertThat(a).isNotEqualTo(c);
    }

    @Test
    void trainTest_stratified_everyClassInProportion() {
        TrainTest<TabularDataset> split = Splits.trainTest(withClasses(irisLikeClasses()), 0.2, 3, true);
        for (int c = 0; c < 3; c++) {
            // by hand: round(50 * 0.2) = 10 of each class in test, 40 in train
            assertThat(countClass(split.test(), c)).isEqualTo(10);
            assertThat(countClass(split.train(), c)).isEqualTo(40);
        }
    }

    @Test
    void trainValidationTest_stratified_roundsEachClass() {
        int[] classes = {0, 0, 0, 0, 0, 0, 0, 1, 1, 1};
        TrainValidationTest<TabularDataset> split = Splits.trainValidationTest(withClasses(classes), 0.2, 0.2, 1, true);
        // by hand: class 0 (7): test round(1.4) = 1, validation round(1.4) = 1, train 5;
        // class 1 (3): test round(0.6) = 1, validation round(0.6) = 1, train 1
        assertThat(countClass(split.test(), 0)).isEqualTo(1);
        assertThat(countClass(split.validation(), 0)).isEqualTo(1);
        assertThat(countClass(split.train(), 0)).isEqualTo(5);
        assertThat(countClass(split.test(), 1)).isEqualTo(1);
        assertThat(countClass(split.validation(), 1)).isEqualTo(1);
        assertThat(countClass(split.train(), 1)).isEqualTo(1);
    }

    @Test
    void trainTest_stratifiedOneHotTargets_usesArgmax() {
        int[] classes = irisLikeClasses();
        TabularDataset data = withClasses(classes).withTargets(OneHot.encode(classes, 3));
        TrainTest<TabularDataset> split = Splits.trainTest(data, 0.1, 3, true);
        int[] testClasses = OneHot.decode(split.test().targets());
        // by hand: round(50 * 0.1) = 5 of each class
        assertThat(Arrays.stream(testClasses).filter(c -> c == 2).count()).isEqualTo(5);
        assertThat(split.test().size()).isEqualTo(15);
    }

    @Test
    void trainTest_labeled_keepsClassNames() {
        LabeledDataset data = LabeledDataset.of(
                new DMatrixRMaj(150, 1), irisLikeClasses(), List.of("setosa", "versicolor", "virginica"));
        TrainTest<LabeledDataset> split = Splits.trainTest(data, 0.2, 3, true);
        assertThat(split.test().classNames()).containsExactly("setosa", "versicolor", "virginica");
        // by hand: 3 classes × round(50 * 0.2)
        assertThat(split.test().size()).isEqualTo(30);
    }

    @Test
    void fractionOutsideOpenUnitInterval_failsNamingValue() {
        TabularDataset data = withClasses(new int[10]);
        assertThatThrownBy(() -> Splits.trainTest(data, 0.0, 1, false))
                .hasMessageContaining("testFraction must be in (0, 1), got 0.0");
        assertThatThrownBy(() -> Splits.trainTest(data, 1.0, 1, false))
                .hasMessageContaining("testFraction must be in (0, 1), got 1.0");
        assertThatThrownBy(() -> Splits.trainTest(data, Double.NaN, 1, false)).hasMessageContaining("got NaN");
        assertThatThrownBy(() -> Splits.trainValidationTest(data, -0.1, 0.2, 1, false))
                .hasMessageContaining("validationFraction must be in (0, 1), got -0.1");
    }

    @Test
    void fractionsSummingToOne_fail() {
        assertThatThrownBy(() -> Splits.trainValidationTest(withClasses(new int[10]), 0.5, 0.5, 1, false))
                .hasMessageContaining("validationFraction 0.5 + testFraction 0.5");
    }

    @Test
    void tinyFraction_emptyTestPart_fails() {
        assertThatThrownBy(() -> Splits.trainTest(withClasses(new int[10]), 0.01, 1, false))
                .hasMessageContaining("empty test part");
    }

    @Test
    void stratified_regressionTargets_failsExplaining() {
        TabularDataset data = new TabularDataset(new DMatrixRMaj(3, 1), new DMatrixRMaj(3, 1, true, 0.5, 1, 2));
        assertThatThrownBy(() -> Splits.trainTest(data, 0.3, 1, true))
                .hasMessageContaining("stratified split needs class labels")
                .hasMessageContaining("row 0 is 0.5");
    }
}
