package dev.backprop.core.network;

import java.util.List;

/**
 * The architecture of a network: its layers in order, each taking as many inputs as the previous one gives
 * outputs. Weights are not part of it.
 *
 * @param layers the layers, at least one
 */
public record NetworkSpec(List<LayerSpec> layers) {

    /**
     * Checks that the layers chain.
     *
     * @throws IllegalArgumentException naming the layer index and both sizes where they do not
     */
    public NetworkSpec {
        layers = List.copyOf(layers);
        if (layers.isEmpty()) {
            throw new IllegalArgumentException("A network needs at least one layer");
        }
        for (int i = 1; i < layers.size(); i++) {
            int previousOut = layers.get(i - 1).out();
            int in = layers.get(i).in();
            if (in != previousOut) {
                throw new IllegalArgumentException("Layer " + i + " takes in=" + in + " inputs but layer " + (i - 1)
                        + " gives out=" + previousOut + " outputs");
            }
        }
        if (layers.get(layers.size() - 1).dropout() != 0) {
            throw new IllegalArgumentException("The last layer (" + (layers.size() - 1)
                    + ") cannot have dropout: it would drop the network's outputs");
        }
    }

    /** Inputs per sample. */
    public int inputSize() {
        return layers.get(0).in();
    }

    /** Outputs per sample. */
    public int outputSize() {
        return layers.get(layers.size() - 1).out();
    }

    /** Trainable values in all layers. */
    public long parameterCount() {
        long n = 0;
        for (LayerSpec layer : layers) {
            n += layer.parameterCount();
        }
        return n;
    }

    /** The sizes joined by hyphens, e.g. {@code 784-50-10}. */
    public String shape() {
        StringBuilder sb = new StringBuilder().append(inputSize());
        for (LayerSpec layer : layers) {
            sb.append('-').append(layer.out());
        }
        return sb.toString();
    }
}
