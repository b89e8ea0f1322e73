package dev.backprop.core.eval;

import dev.backprop.core.data.Dataset;
import dev.backprop.core.network.Network;
import dev.backprop.core.spi.Loss;
import java.util.Arrays;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.ejml.data.DMatrixRMaj;

/**
 * Runs a network over a whole data set in chunks (inference mode: no dropout) and computes its loss and
 * metrics. Buffers are kept between calls, so evaluating every epoch allocates only the result map.
 */
public final class Evaluator {

    /** Rows per forward pass unless told otherwise. */
    public static final int DEFAULT_CHUNK = 1000;

    private final int chunk;
    private final DMatrixRMaj features = new DMatrixRMaj(1, 1);
    private final DMatrixRMaj chunkTargets = new DMatrixRMaj(1, 1);
    private final DMatrixRMaj outputs = new DMatrixRMaj(1, 1);
    private final DMatrixRMaj targets = new DMatrixRMaj(1, 1);
    private int[] order = new int[0];

    /** An evaluator with chunks of {@value #DEFAULT_CHUNK} rows. */
    public Evaluator() {
        this(DEFAULT_CHUNK);
    }

    /** An evaluator that forwards at most {@code chunk} rows at a time. */
    public Evaluator(int chunk) {
        if (chunk < 1) {
            throw new IllegalArgumentException("Evaluation chunk must be at least 1 row, got " + chunk);
        }
        this.chunk = chunk;
    }

    /**
     * The network's outputs for every sample of the data set, in order, and the matching targets.
     *
     * @return the outputs, n × outputSize; a matrix of this evaluator's, overwritten by the next call
     */
    public DMatrixRMaj predict(Network network, Dataset data) {
        int n = data.size();
        if (order.length < n) {
            order = new int[n];
            for (int i = 0; i < n; i++) {
                order[i] = i;
            }
        }
        outputs.reshape(n, network.outputSize());
        targets.reshape(n, data.targetCount());
        for (int from = 0; from < n; from += chunk) {
            int to = Math.min(n, from + chunk);
            data.copyRows(order, from, to, features, chunkTargets);
            DMatrixRMaj out = network.forward(features);
            System.arraycopy(out.data, 0, outputs.data, from * outputs.numCols, out.getNumElements());
            System.arraycopy(chunkTargets.data, 0, targets.data, from * targets.numCols, chunkTargets.getNumElements());
        }
        return outputs;
    }

    /** The targets read by the last {@link #predict} call, n × targetCount. */
    public DMatrixRMaj lastTargets() {
        return targets;
    }

    /**
     * The loss and metrics of the network on a data set.
     *
     * @param loss    the loss, evaluated once on all outputs (so it equals the full-batch loss)
     * @param metrics the metrics to compute
     * @return the loss under {@code "loss"} and each metric under its name, in order
     * @throws IllegalArgumentException if the data set is empty: a mean over no sample has no value
     */
    public Map<String, Double> evaluate(Network network, Dataset data, Loss loss, List<Metric> metrics) {
        if (data.size() == 0) {
            throw new IllegalArgumentException("Cannot evaluate on an empty data set (0 samples): its loss and "
                    + "metrics are undefined. Pass a data set with at least one sample.");
        }
        DMatrixRMaj out = predict(network, data);
        Map<String, Double> result = new LinkedHashMap<>();
        if (loss != null) {
            loss.validate(out, targets);
            result.put("loss", loss.value(out, targets));
        }
        for (Metric m : metrics) {
            result.put(m.name(), m.compute(out, targets));
        }
        return result;
    }

    /** The outputs for one sample. */
    public static double[] predictOne(Network network, double... features) {
        DMatrixRMaj x = new DMatrixRMaj(1, features.length);
        System.arraycopy(features, 0, x.data, 0, features.length);
        DMatrixRMaj out = network.forward(x);
        return Arrays.copyOf(out.data, out.getNumElements());
    }

    /** The predicted class (argmax of the outputs) of one sample. */
    public static int predictClass(Network network, double... features) {
        DMatrixRMaj x = new DMatrixRMaj(1, features.length);
        System.arraycopy(features, 0, x.data, 0, features.length);
        return Classes.argmax(network.forward(x), 0);
    }
}
