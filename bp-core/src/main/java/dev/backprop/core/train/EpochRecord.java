package dev.backprop.core.train;

import java.util.Collections;
import java.util.Map;
import java.util.TreeMap;

/**
 * What one epoch of training gave.
 *
 * @param epoch        the epoch, from 0
 * @param trainLoss    the batch losses of the epoch combined as the loss reduces a batch: their mean weighted by
 *                     batch size for a mean-reduced loss, their sum for a sum-reduced one (the batches were
 *                     computed while the weights changed, as every framework reports it)
 * @param metrics      the evaluations after the epoch, keyed {@code <set>.<metric>}, e.g.
 *                     {@code validation.loss}, {@code validation.accuracy}, {@code train.accuracy}
 * @param learningRate the learning rate of the epoch's last step
 * @param seconds      wall-clock seconds the epoch took, evaluation included
 */
public record EpochRecord(
        int epoch, double trainLoss, Map<String, Double> metrics, double learningRate, double seconds) {

    /** Copies the metrics, sorted by key so that iteration order never varies. */
    public EpochRecord {
        metrics = Collections.unmodifiableMap(new TreeMap<>(metrics));
    }

    /**
     * A metric of this epoch.
     *
     * @throws IllegalArgumentException naming the metric and the ones there are
     */
    public double metric(String key) {
        if (key.equals("train.loss")) {
            return trainLoss;
        }
        Double v = metrics.get(key);
        if (v == null) {
            throw new IllegalArgumentException(
                    "Epoch " + epoch + " has no metric '" + key + "'. It has: train.loss, " + metrics.keySet());
        }
        return v;
    }
}
