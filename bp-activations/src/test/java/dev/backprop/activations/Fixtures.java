package dev.backprop.activations;

import dev.backprop.core.spi.Activation;
import java.util.Arrays;
import org.ejml.data.DMatrixRMaj;

/** Runs an activation on one row of numbers. */
final class Fixtures {

    private Fixtures() {}

    /** f(z) for one row. */
    static double[] forward(Activation activation, double... z) {
        DMatrixRMaj out = new DMatrixRMaj(1, z.length);
        activation.forward(new DMatrixRMaj(1, z.length, true, z), out);
        return out.data;
    }

    /** J(z)^T g for one row. */
    static double[] backward(Activation activation, double[] z, double[] g) {
        DMatrixRMaj zm = new DMatrixRMaj(1, z.length, true, z);
        DMatrixRMaj a = new DMatrixRMaj(1, z.length);
        activation.forward(zm, a);
        DMatrixRMaj dz = new DMatrixRMaj(1, z.length);
        activation.backward(zm, a, new DMatrixRMaj(1, g.length, true, g), dz);
        return dz.data;
    }

    /** f'(z) entry by entry: the backward pass with g = 1, for element-wise activations. */
    static double[] derivative(Activation activation, double... z) {
        double[] ones = new double[z.length];
        Arrays.fill(ones, 1.0);
        return backward(activation, z, ones);
    }
}
