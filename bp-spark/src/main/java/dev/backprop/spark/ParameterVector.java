package dev.backprop.spark;

import dev.backprop.core.spi.Parameter;
import java.util.List;

/**
 * All parameters of a network as one flat array, W then b of each layer in {@link
 * dev.backprop.core.network.Network#parameters()} order, each matrix row-major: how weights and gradients travel
 * between the driver and the executors.
 */
final class ParameterVector {

    private ParameterVector() {}

    /** The total number of entries. */
    static int length(List<Parameter> parameters) {
        int n = 0;
        for (Parameter p : parameters) {
            n += p.size();
        }
        return n;
    }

    /** The values as a new flat array. */
    static double[] values(List<Parameter> parameters) {
        double[] flat = new double[length(parameters)];
        int offset = 0;
        for (Parameter p : parameters) {
            System.arraycopy(p.value().data, 0, flat, offset, p.size());
            offset += p.size();
        }
        return flat;
    }

    /**
     * Sets the values from a flat array.
     *
     * @param flat as long as all parameters together. Not modified.
     */
    static void setValues(List<Parameter> parameters, double[] flat) {
        requireLength(parameters, flat);
        int offset = 0;
        for (Parameter p : parameters) {
            System.arraycopy(flat, offset, p.value().data, 0, p.size());
            offset += p.size();
        }
    }

    /**
     * Copies the gradients into a flat array.
     *
     * @param flat output, as long as all parameters together. Modified.
     */
    static void gradients(List<Parameter> parameters, double[] flat) {
        requireLength(parameters, flat);
        int offset = 0;
        for (Parameter p : parameters) {
            System.arraycopy(p.gradient().data, 0, flat, offset, p.size());
            offset += p.size();
        }
    }

    /**
     * Sets the gradients from a flat array.
     *
     * @param flat as long as all parameters together. Not modified.
     */
    static void setGradients(List<Parameter> parameters, double[] flat) {
        requireLength(parameters, flat);
        int offset = 0;
        for (Parameter p : parameters) {
            System.arraycopy(flat, offset, p.gradient().data, 0, p.size());
            offset += p.size();
        }
    }

    private static void requireLength(List<Parameter> parameters, double[] flat) {
        int expected = length(parameters);
        if (flat.length != expected) {
            throw new IllegalArgumentException(
                    "The network has " + expected + " parameter values but the vector has " + flat.length);
        }
    }
}
