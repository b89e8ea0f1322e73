package dev.backprop.activations;

import dev.backprop.core.spi.Config;
import dev.backprop.core.spi.OnnxExportable;
import dev.backprop.core.spi.OnnxGraph;
import java.util.Map;

/**
 * The Gaussian error linear unit of Hendrycks and Gimpel (2016), in PyTorch's two forms, chosen by the
 * parameter {@code approximate}:
 * <ul>
 * <li>{@code none} (default), the exact form {@code f(z) = z Φ(z)} with {@code Φ(z) = ½ (1 + erf(z/√2))} the
 * standard normal distribution function. Derivative: {@code f'(z) = Φ(z) + z φ(z)}, with
 * {@code φ(z) = e^(−z²/2) / √(2π)} the standard normal density.</li>
 * <li>{@code tanh}, the approximation {@code f(z) = ½ z (1 + tanh(u))} with
 * {@code u = √(2/π) (z + 0.044715 z³)}. Derivative:
 * {@code f'(z) = ½ (1 + tanh(u)) + ½ z (1 − tanh²(u)) √(2/π) (1 + 3 · 0.044715 z²)}.</li>
 * </ul>
 * The error function is evaluated with W. J. Cody's rational approximations to about 1e-16.
 */
public final class Gelu extends ElementwiseActivation implements OnnxExportable {

    /** The registered name. */
    public static final String NAME = "gelu";
    /** The parameter choosing the form: {@code none} or {@code tanh}. */
    public static final String APPROXIMATE = "approximate";
    /** The value of {@link #APPROXIMATE} for the exact form. */
    public static final String EXACT = "none";
    /** The value of {@link #APPROXIMATE} for the tanh approximation. */
    public static final String TANH = "tanh";

    /** √(2/π). */
    private static final double SQRT_2_OVER_PI = 0.79788456080286535588;
    /** 1/√(2π). */
    private static final double ONE_OVER_SQRT_2PI = 0.39894228040143267794;
    /** The cubic coefficient of the tanh approximation. */
    private static final double CUBIC = 0.044715;

    private final boolean tanhApproximation;

    /**
     * A gelu in the exact form ({@code tanhApproximation} false) or the tanh approximation (true).
     */
    public Gelu(boolean tanhApproximation) {
        super(NAME, Config.of(APPROXIMATE, tanhApproximation ? TANH : EXACT));
        this.tanhApproximation = tanhApproximation;
    }

    /** Whether this is the tanh approximation rather than the exact form. */
    public boolean isTanhApproximation() {
        return tanhApproximation;
    }

    /** {@code z Φ(z)}, or {@code ½ z (1 + tanh(u))} for the approximation. */
    @Override
    double value(double z) {
        if (tanhApproximation) {
            double u = SQRT_2_OVER_PI * (z + CUBIC * z * z * z);
            return 0.5 * z * (1.0 + Math.tanh(u));
        }
        return z * ErrorFunction.normalCdf(z);
    }

    /**
     * {@code Φ(z) + z φ(z)}, or {@code ½ (1 + tanh(u)) + ½ z (1 − tanh²(u)) √(2/π) (1 + 3 · 0.044715 z²)}.
     */
    @Override
    double derivative(double z, double a) {
        if (tanhApproximation) {
            double t = Math.tanh(SQRT_2_OVER_PI * (z + CUBIC * z * z * z));
            double sech2 = 1.0 - t * t;
            // where tanh saturates, sech² is 0 and the second term vanishes (guards 0 · ∞ for huge z)
            double second = sech2 == 0.0 ? 0.0 : 0.5 * z * sech2 * SQRT_2_OVER_PI * (1.0 + 3.0 * CUBIC * z * z);
            return 0.5 * (1.0 + t) + second;
        }
        double density = ONE_OVER_SQRT_2PI * Math.exp(-0.5 * z * z);
        return ErrorFunction.normalCdf(z) + z * density;
    }

    /**
     * The Gelu operator (opset 20 and newer) in a float graph; otherwise the composition
     * {@code z · ½ (1 + erf(z/√2))}, or {@code ½ z (1 + tanh(√(2/π) (z + 0.044715 z³)))} for the approximation.
     */
    @Override
    public String toOnnx(OnnxGraph graph, String z) {
        if (!OnnxForms.isDouble(graph) && graph.opset() >= 20) {
            return OnnxForms.node(graph, "Gelu", Map.of(APPROXIMATE, tanhApproximation ? TANH : EXACT), z);
        }
        if (tanhApproximation) {
            String cube = graph.node("Mul", graph.node("Mul", z, z), z);
            String inner = graph.node("Add", z, OnnxForms.times(graph, CUBIC, cube));
            String t = graph.node("Tanh", OnnxForms.times(graph, SQRT_2_OVER_PI, inner));
            String half = OnnxForms.times(graph, 0.5, z);
            return graph.node("Mul", half, graph.node("Add", graph.scalar(1.0), t));
        }
        String erf = graph.node("Erf", OnnxForms.times(graph, 1.0 / Math.sqrt(2.0), z));
        String cdf = OnnxForms.times(graph, 0.5, graph.node("Add", graph.scalar(1.0), erf));
        return graph.node("Mul", z, cdf);
    }
}
