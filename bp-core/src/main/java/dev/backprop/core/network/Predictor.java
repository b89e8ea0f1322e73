package dev.backprop.core.network;

import dev.backprop.core.spi.MatrixBackend;
import java.util.List;
import org.ejml.data.DMatrixRMaj;

/**
 * Inference on a trained {@link Network} for one thread: the network's outputs {@code A_{L−1}} for a batch,
 * computed as {@code Z_l = A_{l−1} W_l + 1 b_l}, {@code A_l = f_l(Z_l)} without dropout, into workspaces of
 * its own. Get one per thread with {@link Network#predictor()}; any number of predictors of one network may run
 * at once, on any threads, and give bit for bit what {@link Network#forward} gives.
 *
 * <p>A predictor reads the network's weights where they are, without copying them, so a batch of one sample
 * costs one pass over the weights and no allocation; its workspaces (one Z and one A per layer, and the
 * backend's scratch memory through {@link MatrixBackend#confined()}) grow to the largest batch it has seen and
 * are freed with it. Memory for a batch of n samples: n times the sum of the layer widths, twice, plus the
 * backend's scratch, which is bounded by the widths.
 *
 * <p>Not thread-safe itself (one predictor per thread, or {@link Network#predict(DMatrixRMaj, DMatrixRMaj)},
 * which is). The weights must not change while a prediction runs: training the network at the same time is a
 * data race.
 */
public final class Predictor {

    private final Network network;
    private final List<DenseLayer> layers;
    private final MatrixBackend products;
    private final DMatrixRMaj[] z;
    private final DMatrixRMaj[] a;

    Predictor(Network network) {
        this.network = network;
        this.layers = network.layers();
        this.products = network.backend().confined();
        int count = layers.size();
        this.z = new DMatrixRMaj[count];
        this.a = new DMatrixRMaj[count];
        for (int l = 0; l < count; l++) {
            int out = layers.get(l).spec().out();
            z[l] = new DMatrixRMaj(1, out);
            a[l] = new DMatrixRMaj(1, out);
        }
    }

    /** The network whose weights this predictor reads. */
    public Network network() {
        return network;
    }

    /**
     * The outputs for a batch, without dropout.
     *
     * @param x n × inputSize, samples in rows. Not modified.
     * @return n × outputSize; this predictor's own matrix, overwritten by its next call
     * @throws IllegalArgumentException naming the expected and the actual shape
     */
    public DMatrixRMaj predict(DMatrixRMaj x) {
        network.checkInput(x);
        DMatrixRMaj in = x;
        for (int l = 0; l < layers.size(); l++) {
            layers.get(l).infer(in, z[l], a[l], products);
            in = a[l];
        }
        return in;
    }

    /**
     * The outputs for a batch, without dropout, written into {@code output}.
     *
     * @param x      n × inputSize, samples in rows. Not modified.
     * @param output reshaped to n × outputSize. Modified.
     * @throws IllegalArgumentException naming the expected and the actual shape
     */
    public void predict(DMatrixRMaj x, DMatrixRMaj output) {
        output.setTo(predict(x));
    }
}
