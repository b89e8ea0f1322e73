package dev.backprop.onnx;

import dev.backprop.core.network.DenseLayer;
import dev.backprop.core.network.Network;
import dev.backprop.core.spi.OnnxGraph;
import java.util.SplittableRandom;
import org.ejml.data.DMatrixRMaj;

/** Seeded random data and the comparison of ONNX Runtime's outputs with bp's. */
final class Fixtures {

    private Fixtures() {}

    /** n × cols values uniform in [−spread, spread], rounded to floats when the graph holds floats. */
    static DMatrixRMaj randomRows(long seed, int n, int cols, double spread, OnnxGraph.ElementType type) {
        SplittableRandom random = new SplittableRandom(seed);
        DMatrixRMaj x = new DMatrixRMaj(n, cols);
        for (int i = 0; i < x.getNumElements(); i++) {
            double v = spread * (2 * random.nextDouble() - 1);
            x.data[i] = type == OnnxGraph.ElementType.FLOAT ? (float) v : v;
        }
        return x;
    }

    /** Gives every layer's bias (where it has one) seeded values in [−0.5, 0.5], so that biases matter. */
    static Network withRandomBiases(Network network, long seed) {
        SplittableRandom random = new SplittableRandom(seed);
        for (DenseLayer layer : network.layers()) {
            if (layer.hasBias()) {
                double[] b = new double[layer.spec().out()];
                for (int j = 0; j < b.length; j++) {
                    b[j] = random.nextDouble() - 0.5;
                }
                layer.setBias(b);
            }
        }
        return network;
    }

    /** The largest {@code |actual − expected| / max(|expected|, 1)} over all entries; both must have one shape. */
    static double maxError(DMatrixRMaj actual, DMatrixRMaj expected) {
        if (actual.numRows != expected.numRows || actual.numCols != expected.numCols) {
            throw new AssertionError("ONNX Runtime gave " + actual.numRows + "x" + actual.numCols + " but bp gave "
                    + expected.numRows + "x" + expected.numCols);
        }
        double max = 0;
        for (int i = 0; i < actual.getNumElements(); i++) {
            max = Math.max(max, OnnxConformance.error(actual.data[i], expected.data[i]));
        }
        return max;
    }

    /** The tolerance the issue sets for the element type: 1e-12 for doubles, 1e-5 for floats. */
    static double tolerance(OnnxGraph.ElementType type) {
        return type == OnnxGraph.ElementType.DOUBLE ? 1e-12 : 1e-5;
    }
}
