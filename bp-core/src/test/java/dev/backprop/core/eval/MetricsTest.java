package dev.backprop.core.eval;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.assertj.core.api.Assertions.within;

import org.ejml.data.DMatrixRMaj;
import org.junit.jupiter.api.Test;

/** Every expected figure here was worked out by hand from the definitions, shown in the comments. */
class MetricsTest {

    // true:      0 0 0 1 1 2 2 2 2 1
    // predicted: 0 1 0 1 0 2 2 0 2 1
    // rows = true class:  [2 1 0] [1 2 0] [1 0 3]
    private static final int[] ACTUAL = {0, 0, 0, 1, 1, 2, 2, 2, 2, 1};
    private static final int[] PREDICTED = {0, 1, 0, 1, 0, 2, 2, 0, 2, 1};

    @Test
    void confusionMatrix_countsPairs_andDerivesPerClassMetrics() {
        ConfusionMatrix m = ConfusionMatrix.of(3, ACTUAL, PREDICTED);

        assertThat(m.count(0, 0)).isEqualTo(2);
        assertThat(m.count(0, 1)).isEqualTo(1);
        assertThat(m.count(1, 0)).isEqualTo(1);
        assertThat(m.count(2, 0)).isEqualTo(1);
        assertThat(m.count(2, 2)).isEqualTo(3);
        assertThat(m.total()).isEqualTo(10);
        assertThat(m.accuracy()).isEqualTo(0.7); // 7 of 10 on the diagonal
        // class 0: TP 2, predicted 0 four times → P = 1/2; true 0 three times → R = 2/3; F1 = 2·(1/2)(2/3)/(7/6) = 4/7
        assertThat(m.precision(0)).isEqualTo(0.5);
        assertThat(m.recall(0)).isCloseTo(2.0 / 3, within(1e-15));
        assertThat(m.f1(0)).isCloseTo(4.0 / 7, within(1e-15));
        // class 2: TP 3, predicted 2 three times → P = 1; true 2 four times → R = 3/4; F1 = 1.5/1.75 = 6/7
        assertThat(m.precision(2)).isEqualTo(1.0);
        assertThat(m.recall(2)).isEqualTo(0.75);
        assertThat(m.f1(2)).isCloseTo(6.0 / 7, within(1e-15));
    }

    @Test
    void confusionMatrix_macroAndMicroAverages() {
        ConfusionMatrix m = ConfusionMatrix.of(3, ACTUAL, PREDICTED);

        // macro P = (1/2 + 2/3 + 1)/3 = 13/18;  macro R = (2/3 + 2/3 + 3/4)/3 = 25/36;  macro F1 = (4/7 + 2/3 + 6/7)/3
        // = 44/63
        assertThat(m.macroPrecision()).isCloseTo(13.0 / 18, within(1e-15));
        assertThat(m.macroRecall()).isCloseTo(25.0 / 36, within(1e-15));
        assertThat(m.macroF1()).isCloseTo(44.0 / 63, within(1e-15));
        // micro averages pool TP/FP/FN: 7 TP, 3 FP, 3 FN → 0.7 each
        assertThat(m.microPrecision()).isEqualTo(0.7);
        assertThat(m.microRecall()).isEqualTo(0.7);
        assertThat(m.microF1()).isEqualTo(0.7);
    }

    @Test
    void classWithNoPredictions_hasPrecisionZero_notNaN() {
        ConfusionMatrix m = ConfusionMatrix.of(2, new int[] {0, 1}, new int[] {0, 0});

        assertThat(m.precision(1)).isZero();
        assertThat(m.f1(1)).isZero();
        assertThatThrownBy(() -> m.add(2, 0)).hasMessageContaining("true 2");
    }

    @Test
    void accuracyAndTopK_onOneHotAndIndexTargets() {
        DMatrixRMaj outputs = new DMatrixRMaj(new double[][] {
            {0.1, 0.7, 0.2}, // argmax 1, second 2
            {0.5, 0.3, 0.2}, // argmax 0, second 1
            {0.2, 0.3, 0.5}
        }); // argmax 2, second 1
        DMatrixRMaj indices = new DMatrixRMaj(new double[][] {{1}, {1}, {0}});
        DMatrixRMaj oneHot = new DMatrixRMaj(new double[][] {{0, 1, 0}, {0, 1, 0}, {1, 0, 0}});

        // row 0 right; row 1 true 1 is second; row 2 true 0 is third
        assertThat(Metrics.accuracy().compute(outputs, indices)).isCloseTo(1.0 / 3, within(1e-15));
        assertThat(Metrics.accuracy().compute(outputs, oneHot)).isCloseTo(1.0 / 3, within(1e-15));
        assertThat(Metrics.topKAccuracy(2).compute(outputs, indices)).isCloseTo(2.0 / 3, within(1e-15));
        assertThat(Metrics.topKAccuracy(3).compute(outputs, oneHot)).isEqualTo(1.0);
    }

    @Test
    void accuracy_ofASingleSigmoidOutput_readsTheProbabilityAtOneHalf() {
        DMatrixRMaj outputs = new DMatrixRMaj(new double[][] {{0.2}, {0.7}, {0.5}, {0.49}});
        DMatrixRMaj labels = new DMatrixRMaj(new double[][] {{0}, {1}, {0}, {1}});

        // predicted 0, 1, 1, 0 against 0, 1, 0, 1: two of four right
        assertThat(Metrics.accuracy().compute(outputs, labels)).isEqualTo(0.5);
        assertThat(Classes.predicted(outputs)).containsExactly(0, 1, 1, 0);
        assertThatThrownBy(() ->
                        Metrics.accuracy().compute(outputs, new DMatrixRMaj(new double[][] {{2}, {1}, {0}, {1}})))
                .hasMessageContaining("single output distinguishes only classes 0 and 1");
    }

    @Test
    void regressionMetrics_byHand() {
        DMatrixRMaj y = new DMatrixRMaj(new double[][] {{1}, {2}, {4}});
        DMatrixRMaj t = new DMatrixRMaj(new double[][] {{1}, {2}, {3}});

        // residuals 0, 0, 1: MSE = 1/3, MAE = 1/3; t̄ = 2, Σ(t − t̄)² = 2 → R² = 1 − 1/2
        assertThat(Metrics.mse().compute(y, t)).isCloseTo(1.0 / 3, within(1e-15));
        assertThat(Metrics.mae().compute(y, t)).isCloseTo(1.0 / 3, within(1e-15));
        assertThat(Metrics.r2().compute(y, t)).isEqualTo(0.5);
    }

    @Test
    void indexTargetThatIsNotAnInteger_isRefusedWithRowAndValue() {
        DMatrixRMaj outputs = new DMatrixRMaj(new double[][] {{0.1, 0.9}});

        assertThatThrownBy(() -> Metrics.accuracy().compute(outputs, new DMatrixRMaj(new double[][] {{0.5}})))
                .hasMessage("Target row 0 holds 0.5, which is not a class index (a non-negative integer)");
    }

    @Test
    void argmax_takesTheFirstOfTiedEntries() {
        DMatrixRMaj m = new DMatrixRMaj(new double[][] {{0.1, 0.3, 0.3}, {0.4, 0.2, 0.4}});

        // row 0: 0.3 at columns 1 and 2, the first is 1; row 1: 0.4 at columns 0 and 2, the first is 0
        assertThat(Classes.argmax(m, 0)).isEqualTo(1);
        assertThat(Classes.argmax(m, 1)).isZero();
        assertThat(Classes.predictedClass(m, 0)).isEqualTo(1);
    }

    @Test
    void actual_readsOneHotRowsAndIndexColumns_andClassZeroIsAnIndex() {
        DMatrixRMaj oneHot = new DMatrixRMaj(new double[][] {{0, 0, 1}, {1, 0, 0}});
        DMatrixRMaj indices = new DMatrixRMaj(new double[][] {{0}, {2}, {1}});

        assertThat(Classes.actual(oneHot)).containsExactly(2, 0);
        assertThat(Classes.actual(indices)).containsExactly(0, 2, 1);
        assertThatThrownBy(() -> Classes.actual(new DMatrixRMaj(new double[][] {{1}, {-1}})))
                .hasMessage("Target row 1 holds -1.0, which is not a class index (a non-negative integer)");
    }

    @Test
    void confusionMatrix_ofOneClass_isAllowed_ofNone_isRefused() {
        ConfusionMatrix one = new ConfusionMatrix(1);
        one.add(0, 0);

        assertThat(one.classCount()).isEqualTo(1);
        assertThat(one.accuracy()).isEqualTo(1.0);
        assertThatThrownBy(() -> new ConfusionMatrix(0)).hasMessageContaining("at least one class, got 0");
    }

    @Test
    void confusionMatrix_refusesAClassOfK_namingIt() {
        ConfusionMatrix m = new ConfusionMatrix(3);
        m.add(2, 2);

        // the largest class of 3 is 2
        assertThatThrownBy(() -> m.add(3, 0)).hasMessage("Class out of range [0, 3): true 3, predicted 0");
        assertThatThrownBy(() -> m.add(0, 3)).hasMessage("Class out of range [0, 3): true 0, predicted 3");
        assertThat(m.total()).isEqualTo(1);
    }

    @Test
    void confusionMatrix_printsATable_trueClassesInRows() {
        ConfusionMatrix m = ConfusionMatrix.of(3, ACTUAL, PREDICTED);

        // the rows counted in the comment at the top, each number right-aligned in 8 columns (9 for the row label)
        String n = System.lineSeparator();
        assertThat(m.toString())
                .isEqualTo("true\\pred       0       1       2" + n
                        + "        0       2       1       0" + n
                        + "        1       1       2       0" + n
                        + "        2       1       0       3");
    }

    @Test
    void confusion_ofOutputsAgainstTargets_countsArgmaxAgainstTrueClass() {
        DMatrixRMaj outputs = new DMatrixRMaj(new double[][] {{0.1, 0.9}, {0.8, 0.2}, {0.3, 0.7}});
        DMatrixRMaj targets = new DMatrixRMaj(new double[][] {{1}, {1}, {0}});

        // predicted 1, 0, 1 against true 1, 1, 0
        ConfusionMatrix m = Metrics.confusion(outputs, targets, 2);
        assertThat(m.count(1, 1)).isEqualTo(1);
        assertThat(m.count(1, 0)).isEqualTo(1);
        assertThat(m.count(0, 1)).isEqualTo(1);
    }

    @Test
    void topKAccuracy_ofOne_isAllowed_ofZero_isRefused() {
        assertThat(Metrics.topKAccuracy(1).name()).isEqualTo("top1-accuracy");
        assertThatThrownBy(() -> Metrics.topKAccuracy(0)).hasMessage("top-k accuracy needs k >= 1, got 0");
    }

    @Test
    void classIndexOfAsManyAsTheOutputs_isRefused_andOfTwoForOneOutput() {
        DMatrixRMaj three = new DMatrixRMaj(new double[][] {{0.2, 0.3, 0.5}});
        DMatrixRMaj one = new DMatrixRMaj(new double[][] {{0.7}});

        // three columns are classes 0 to 2
        assertThat(Metrics.accuracy().compute(three, new DMatrixRMaj(new double[][] {{2}})))
                .isEqualTo(1.0);
        assertThatThrownBy(() -> Metrics.accuracy().compute(three, new DMatrixRMaj(new double[][] {{3}})))
                .hasMessage("Target row 0 has class 3 but outputs have 3 columns");
        // one output: 0.7 reads as class 1, which is allowed; class 2 is not
        assertThat(Metrics.accuracy().compute(one, new DMatrixRMaj(new double[][] {{1}})))
                .isEqualTo(1.0);
        assertThatThrownBy(() -> Metrics.accuracy().compute(one, new DMatrixRMaj(new double[][] {{2}})))
                .hasMessageContaining("Target row 0 has class 2 but a single output");
    }

    @Test
    void r2_isTheMeanOverColumns_andAConstantTargetColumnScoresOneOnlyWhenMatched() {
        // column 0 as in regressionMetrics_byHand: R² = 0.5; column 1 constant 7, matched exactly: 1
        DMatrixRMaj y = new DMatrixRMaj(new double[][] {{1, 7}, {2, 7}, {4, 7}});
        DMatrixRMaj t = new DMatrixRMaj(new double[][] {{1, 7}, {2, 7}, {3, 7}});
        DMatrixRMaj off = new DMatrixRMaj(new double[][] {{1, 7}, {2, 8}, {4, 7}});

        // (0.5 + 1) / 2
        assertThat(Metrics.r2().compute(y, t)).isEqualTo(0.75);
        // the constant column missed once scores 0: (0.5 + 0) / 2
        assertThat(Metrics.r2().compute(off, t)).isEqualTo(0.25);
        assertThatThrownBy(() -> Metrics.r2().compute(new DMatrixRMaj(3, 1), t))
                .isInstanceOf(IllegalArgumentException.class)
                .hasMessage("Outputs are 3x1 but targets are 3x2");
    }
}
