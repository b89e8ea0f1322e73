package dev.backprop.datasets;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.within;

import dev.backprop.data.LabeledDataset;
import dev.backprop.data.TabularDataset;
import dev.backprop.data.scaling.StandardScaler;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

/**
 * Checks the embedded data sets against values read independently from the same files with Python:
 * MNIST with {@code gzip} + {@code struct} ({@code b = gzip.open(f).read(); struct.unpack('>IIII', b[:16])},
 * pixels {@code b[16:]}, labels {@code gzip.open(l).read()[8:]}), iris and digits with
 * {@code numpy.loadtxt(..., delimiter=',')}.
 */
class EmbeddedDatasetsTest {

    private static final double EXACT = 1e-15;

    private static LabeledDataset train;
    private static LabeledDataset test;

    @BeforeAll
    static void load() {
        train = EmbeddedDatasets.mnistTrain();
        test = EmbeddedDatasets.mnistTest();
    }

    private static int[] classCounts(LabeledDataset d) {
        int[] counts = new int[d.classCount()];
        for (int label : d.labels()) {
            counts[label]++;
        }
        return counts;
    }

    private static double rowSum(LabeledDataset d, int row) {
        double sum = 0;
        for (int j = 0; j < d.featureCount(); j++) {
            sum += d.features().get(row, j);
        }
        return sum;
    }

    @Test
    void mnistTrain_countsAndShape() {
        // python: struct.unpack('>IIII', b[:16]) -> (0x803, 8000, 28, 28); labels header (0x801, 8000)
        assertThat(train.size()).isEqualTo(8000);
        assertThat(train.featureCount()).isEqualTo(784);
        assertThat(train.classNames()).containsExactly("0", "1", "2", "3", "4", "5", "6", "7", "8", "9");
        // python: [list(l).count(k) for k in range(10)]
        assertThat(classCounts(train)).containsExactly(808, 885, 800, 794, 780, 684, 815, 875, 775, 784);
    }

    @Test
    void mnistTrain_knownLabelsAndPixels() {
        // python: list(l[:5]) -> [5, 4, 2, 2, 5]; l[-1] -> 6
        assertThat(new int[] {train.label(0), train.label(1), train.label(2), train.label(3), train.label(4)})
                .containsExactly(5, 4, 2, 2, 5);
        assertThat(train.label(7999)).isEqualTo(6);
        // python: image 0 = d[:784]; its first non-zero pixel is index 153 with value 41; d[14*28+14] = 200;
        // d[10*28+10] = 254; sum(image 0) = 27920
        assertThat(train.features().get(0, 152)).isEqualTo(0.0);
        assertThat(train.features().get(0, 153)).isCloseTo(41 / 255.0, within(EXACT));
        assertThat(train.features().get(0, 14 * 28 + 14)).isCloseTo(200 / 255.0, within(EXACT));
        assertThat(train.features().get(0, 10 * 28 + 10)).isCloseTo(254 / 255.0, within(EXACT));
        assertThat(rowSum(train, 0)).isCloseTo(27920 / 255.0, within(1e-9));
        // python: last image = d[7999*784:]; first non-zero pixel 64 with value 160; sum 29509
        assertThat(train.features().get(7999, 64)).isCloseTo(160 / 255.0, within(EXACT));
        assertThat(rowSum(train, 7999)).isCloseTo(29509 / 255.0, within(1e-9));
    }

    @Test
    void mnistTrain_pixelsWithinUnitInterval() {
        double min = Double.MAX_VALUE;
        double max = -Double.MAX_VALUE;
        for (double v : train.features().data) {
            min = Math.min(min, v);
            max = Math.max(max, v);
        }
        // python: min(d), max(d) -> 0, 255, scaled by 1/255
        assertThat(min).isEqualTo(0.0);
        assertThat(max).isEqualTo(1.0);
    }

    @Test
    void mnistTest_countsKnownLabelsAndPixels() {
        // python: (0x803, 2000, 28, 28); list(l[:5]) -> [7, 0, 4, 9, 3]; l[-1] -> 3
        assertThat(test.size()).isEqualTo(2000);
        assertThat(test.featureCount()).isEqualTo(784);
        assertThat(new int[] {test.label(0), test.label(1), test.label(2), test.label(3), test.label(4)})
                .containsExactly(7, 0, 4, 9, 3);
        assertThat(test.label(1999)).isEqualTo(3);
        // python: [list(l).count(k) for k in range(10)]
        assertThat(classCounts(test)).containsExactly(193, 242, 191, 238, 200, 179, 199, 195, 169, 194);
        // python: image 0: pixel 211 = 8, (10, 10) = 253, sum 26458; last image: pixel 149 = 27, sum 46719
        assertThat(test.features().get(0, 211)).isCloseTo(8 / 255.0, within(EXACT));
        assertThat(test.features().get(0, 10 * 28 + 10)).isCloseTo(253 / 255.0, within(EXACT));
        assertThat(rowSum(test, 0)).isCloseTo(26458 / 255.0, within(1e-9));
        assertThat(test.features().get(1999, 149)).isCloseTo(27 / 255.0, within(EXACT));
        assertThat(rowSum(test, 1999)).isCloseTo(46719 / 255.0, within(1e-9));
    }

    @Test
    void mnist_oneHot_hasTenColumnsWithTheLabel() {
        TabularDataset oneHot = test.oneHot();
        assertThat(oneHot.targetCount()).isEqualTo(10);
        // python: l[0] = 7 -> e_7
        assertThat(oneHot.target(0, 7)).isEqualTo(1.0);
        assertThat(oneHot.target(0, 0)).isEqualTo(0.0);
    }

    @Test
    void iris_rowsClassesAndKnownValues() {
        LabeledDataset iris = EmbeddedDatasets.iris();
        // numpy: a = np.loadtxt('iris.csv', delimiter=',', skiprows=1); a.shape -> (150, 5)
        assertThat(iris.size()).isEqualTo(150);
        assertThat(iris.featureCount()).isEqualTo(4);
        assertThat(iris.classNames()).containsExactly("setosa", "versicolor", "virginica");
        // numpy: a[0] -> [5.1, 3.5, 1.4, 0.2, 0]; a[77] -> [6.7, 3.0, 5.0, 1.7, 1]; a[-1] -> [5.9, 3.0, 5.1, 1.8, 2]
        assertThat(new double[] {iris.data().feature(0, 0), iris.data().feature(0, 3)})
                .containsExactly(5.1, 0.2);
        assertThat(iris.data().feature(77, 2)).isEqualTo(5.0);
        assertThat(iris.label(77)).isEqualTo(1);
        assertThat(iris.data().feature(149, 0)).isEqualTo(5.9);
        assertThat(iris.label(149)).isEqualTo(2);
        // numpy: np.bincount(a[:, 4].astype(int)) -> [50, 50, 50]
        assertThat(classCounts(iris)).containsExactly(50, 50, 50);
    }

    @Test
    void iris_standardScalerMeans_matchNumpy() {
        LabeledDataset iris = EmbeddedDatasets.iris();
        // numpy: a[:, :4].mean(0)
        assertThat(StandardScaler.fit(iris.features()).mean())
                .containsExactly(
                        new double[] {5.843333333333335, 3.057333333333334, 3.7580000000000027, 1.199333333333334},
                        within(1e-12));
    }

    @Test
    void digits_rowsScalingAndKnownValues() {
        LabeledDataset digits = EmbeddedDatasets.digits();
        // numpy: d = np.loadtxt(gzip.open('digits.csv.gz'), delimiter=','); d.shape -> (1797, 65)
        assertThat(digits.size()).isEqualTo(1797);
        assertThat(digits.featureCount()).isEqualTo(64);
        // numpy: d[0, :12] -> [0, 0, 5, 13, 9, 1, 0, 0, 0, 0, 13, 15], scaled by 1/16; d[0, 64] -> 0
        assertThat(digits.features().get(0, 2)).isCloseTo(5 / 16.0, within(EXACT));
        assertThat(digits.features().get(0, 11)).isCloseTo(15 / 16.0, within(EXACT));
        assertThat(digits.label(0)).isEqualTo(0);
        // numpy: (d[0, :64] / 16).sum() -> 18.375
        assertThat(rowSum(digits, 0)).isCloseTo(18.375, within(1e-12));
        // numpy: d[1796, 10] -> 16; d[-1, 64] -> 8
        assertThat(digits.features().get(1796, 10)).isEqualTo(1.0);
        assertThat(digits.label(1796)).isEqualTo(8);
        // numpy: np.bincount(d[:, 64].astype(int))
        assertThat(classCounts(digits)).containsExactly(178, 182, 177, 183, 181, 182, 181, 179, 174, 180);
    }

    @Test
    void attribution_namesOriginsAndLicences() {
        String text = EmbeddedDatasets.attribution();
        // by hand: the licences listed in the shipped attribution file
        assertThat(text)
                .contains("CC BY-SA 3.0")
                .contains("LeCun")
                .contains("CC BY 4.0")
                .contains("MIT");
    }

    @Test
    void eachCall_returnsAFreshDataset() {
        assertThat(EmbeddedDatasets.iris().features())
                .isNotSameAs(EmbeddedDatasets.iris().features());
    }
}
