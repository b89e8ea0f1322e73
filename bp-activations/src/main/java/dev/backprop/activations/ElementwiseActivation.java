package dev.backprop.activations;

import dev.backprop.core.spi.Activation;
import dev.backprop.core.spi.Config;
import org.ejml.data.DMatrixRMaj;

/**
 * The common part of element-wise activations: {@code A = f(Z)} entry by entry and
 * {@code dZ = G ⊙ f'(Z)}. A subclass gives {@link #value(double)} and {@link #derivative(double, double)}.
 */
abstract class ElementwiseActivation implements Activation {

    private final String name;
    private final Config config;

    ElementwiseActivation(String name, Config config) {
        this.name = name;
        this.config = config;
    }

    @Override
    public final String name() {
        return name;
    }

    @Override
    public final Config config() {
        return config;
    }

    /** f(z). */
    abstract double value(double z);

    /**
     * f'(z), given also a = f(z) so that forms such as σ'(z) = a (1 − a) need no second evaluation.
     */
    abstract double derivative(double z, double a);

    @Override
    public final void forward(DMatrixRMaj z, DMatrixRMaj a) {
        Shapes.requireShapeOf(name, z, "output A", a);
        double[] zd = z.data;
        double[] ad = a.data;
        int size = z.getNumElements();
        for (int i = 0; i < size; i++) {
            // a = f(z)
            ad[i] = value(zd[i]);
        }
    }

    @Override
    public final void backward(DMatrixRMaj z, DMatrixRMaj a, DMatrixRMaj g, DMatrixRMaj dz) {
        Shapes.requireBackwardShapes(name, z, a, g, dz);
        double[] zd = z.data;
        double[] ad = a.data;
        double[] gd = g.data;
        double[] out = dz.data;
        int size = z.getNumElements();
        for (int i = 0; i < size; i++) {
            // dz = g · f'(z)   (reads g[i] before writing dz[i], so dz may be g)
            out[i] = gd[i] * derivative(zd[i], ad[i]);
        }
    }

    @Override
    public final boolean isRowWise() {
        return false;
    }

    /** The name and parameters, e.g. {@code leaky-relu(alpha=0.01)}. */
    @Override
    public String toString() {
        return spec().toString();
    }
}
