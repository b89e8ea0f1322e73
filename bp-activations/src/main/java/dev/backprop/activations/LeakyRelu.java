package dev.backprop.activations;

import dev.backprop.activations.internal.Parameters;
import dev.backprop.core.spi.Config;
import dev.backprop.core.spi.OnnxExportable;
import dev.backprop.core.spi.OnnxGraph;
import java.util.Map;

/**
 * The leaky rectified linear unit {@code f(z) = z} for z &gt; 0 and {@code α z} for z ≤ 0 (Maas et al. 2013).
 * Parameter {@code alpha}, the slope for negative inputs: a finite number ≥ 0, default 0.01 (PyTorch's
 * {@code negative_slope}).
 *
 * <p>Derivative: {@code f'(z) = 1} for z &gt; 0 and {@code α} for z ≤ 0 (α at the kink z = 0).
 */
public final class LeakyRelu extends ElementwiseActivation implements OnnxExportable {

    /** The registered name. */
    public static final String NAME = "leaky-relu";
    /** The parameter name of the negative slope. */
    public static final String ALPHA = "alpha";
    /** The default negative slope. */
    public static final double DEFAULT_ALPHA = 0.01;

    private final double alpha;

    /**
     * A leaky relu with the given negative slope.
     *
     * @throws IllegalArgumentException if alpha is negative or not finite
     */
    public LeakyRelu(double alpha) {
        super(NAME, Config.of(ALPHA, alpha));
        this.alpha = Parameters.nonNegative(NAME, config(), ALPHA, DEFAULT_ALPHA);
    }

    /** The slope for negative inputs. */
    public double alpha() {
        return alpha;
    }

    /** {@code z} for z &gt; 0, else {@code α z}. */
    @Override
    double value(double z) {
        return z > 0 ? z : alpha * z;
    }

    /** {@code 1} for z &gt; 0, else {@code α}. */
    @Override
    double derivative(double z, double a) {
        return z > 0 ? 1.0 : alpha;
    }

    /**
     * The LeakyRelu operator with {@code alpha} in a float graph; in a double graph {@code Where(z > 0, z, α z)},
     * which keeps α in 64 bits.
     */
    @Override
    public String toOnnx(OnnxGraph graph, String z) {
        if (!OnnxForms.isDouble(graph)) {
            return OnnxForms.node(graph, "LeakyRelu", Map.of("alpha", alpha), z);
        }
        return OnnxForms.positiveOr(graph, z, OnnxForms.times(graph, alpha, z));
    }
}
