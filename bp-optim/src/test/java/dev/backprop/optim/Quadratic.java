package dev.backprop.optim;

import dev.backprop.core.spi.Parameter;
import java.util.List;
import org.ejml.data.DMatrixRMaj;

/**
 * A small convex quadratic {@code L(θ) = Σ ½·a·(θ − c)²} over a 2 × 2 weight W and a 1 × 2 bias b, with
 * gradient {@code g = a ⊙ (θ − c)}; minimum 0 at θ = c.
 *
 * <pre>
 *   W0 = [[0.5, -1.0], [1.5, 2.0]],  aW = [[1.0, 2.0], [3.0, 0.5]],  cW = [[0.1, -0.3], [0.7, 1.2]]
 *   b0 = [0.3, -0.2],                ab = [1.5, 0.8],                cb = [-0.4, 0.6]
 * </pre>
 */
final class Quadratic {

    private static final double[] A_W = {1.0, 2.0, 3.0, 0.5};
    private static final double[] C_W = {0.1, -0.3, 0.7, 1.2};
    private static final double[] A_B = {1.5, 0.8};
    private static final double[] C_B = {-0.4, 0.6};

    final Parameter weight = new Parameter(
            "q.W",
            Parameter.Kind.WEIGHT,
            new DMatrixRMaj(new double[][] {{0.5, -1.0}, {1.5, 2.0}}),
            new DMatrixRMaj(2, 2));
    final Parameter bias = new Parameter(
            "q.b", Parameter.Kind.BIAS, new DMatrixRMaj(new double[][] {{0.3, -0.2}}), new DMatrixRMaj(1, 2));
    final List<Parameter> parameters = List.of(weight, bias);

    /** Writes the gradient into both parameters and returns the loss. */
    double gradients() {
        return fill(weight, A_W, C_W) + fill(bias, A_B, C_B);
    }

    /** The loss without touching the gradients. */
    double loss() {
        double sum = 0;
        for (int k = 0; k < 4; k++) {
            double d = weight.value().data[k] - C_W[k];
            sum += 0.5 * A_W[k] * d * d;
        }
        for (int k = 0; k < 2; k++) {
            double d = bias.value().data[k] - C_B[k];
            sum += 0.5 * A_B[k] * d * d;
        }
        return sum;
    }

    private static double fill(Parameter p, double[] a, double[] c) {
        double sum = 0;
        for (int k = 0; k < a.length; k++) {
            double d = p.value().data[k] - c[k];
            // g = a·(θ − c)
            p.gradient().data[k] = a[k] * d;
            sum += 0.5 * a[k] * d * d;
        }
        return sum;
    }

    /** W then b, row-major. */
    double[] values() {
        return flatten(parameters);
    }

    static double[] flatten(List<Parameter> parameters) {
        int n = 0;
        for (Parameter p : parameters) {
            n += p.size();
        }
        double[] out = new double[n];
        int offset = 0;
        for (Parameter p : parameters) {
            System.arraycopy(p.value().data, 0, out, offset, p.size());
            offset += p.size();
        }
        return out;
    }
}
