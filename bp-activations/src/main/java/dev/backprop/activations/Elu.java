package dev.backprop.activations;

import dev.backprop.activations.internal.Parameters;
import dev.backprop.core.spi.Config;
import dev.backprop.core.spi.OnnxExportable;
import dev.backprop.core.spi.OnnxGraph;
import java.util.Map;

/**
 * The exponential linear unit {@code f(z) = z} for z &gt; 0 and {@code α (e^z − 1)} for z ≤ 0 (Clevert,
 * Unterthiner and Hochreiter 2016). Parameter {@code alpha}: a finite number ≥ 0, default 1.0 (PyTorch's
 * default). {@code e^z − 1} is computed with {@link Math#expm1} for accuracy near 0.
 *
 * <p>Derivative: {@code f'(z) = 1} for z &gt; 0 and {@code α e^z} for z ≤ 0. With α ≠ 1 it jumps at z = 0,
 * where the left value {@code α} is used.
 */
public final class Elu extends ElementwiseActivation implements OnnxExportable {

    /** The registered name. */
    public static final String NAME = "elu";
    /** The parameter name of the saturation scale α. */
    public static final String ALPHA = "alpha";
    /** The default α. */
    public static final double DEFAULT_ALPHA = 1.0;

    private final double alpha;

    /**
     * An elu with the given α.
     *
     * @throws IllegalArgumentException if alpha is negative or not finite
     */
    public Elu(double alpha) {
        super(NAME, Config.of(ALPHA, alpha));
        this.alpha = Parameters.nonNegative(NAME, config(), ALPHA, DEFAULT_ALPHA);
    }

    /** The scale of the negative part, which tends to −α. */
    public double alpha() {
        return alpha;
    }

    /** {@code z} for z &gt; 0, else {@code α (e^z − 1)}. */
    @Override
    double value(double z) {
        return z > 0 ? z : alpha * Math.expm1(z);
    }

    /** {@code 1} for z &gt; 0, else {@code α e^z}. */
    @Override
    double derivative(double z, double a) {
        return z > 0 ? 1.0 : alpha * Math.exp(z);
    }

    /**
     * The Elu operator with {@code alpha} in a float graph; in a double graph {@code Where(z > 0, z, α expm1(z))},
     * which keeps α in 64 bits and {@code e^z − 1} accurate near 0.
     */
    @Override
    public String toOnnx(OnnxGraph graph, String z) {
        if (!OnnxForms.isDouble(graph)) {
            return OnnxForms.node(graph, "Elu", Map.of("alpha", alpha), z);
        }
        return OnnxForms.positiveOr(graph, z, OnnxForms.times(graph, alpha, OnnxForms.expm1(graph, z)));
    }
}
