package dev.backprop.activations;

import dev.backprop.core.numeric.StableMath;
import dev.backprop.core.spi.Config;
import dev.backprop.core.spi.OnnxExportable;
import dev.backprop.core.spi.OnnxGraph;

/**
 * Swish, also called SiLU: {@code f(z) = z σ(z)} with σ the logistic sigmoid (Ramachandran, Zoph and Le 2017
 * with β = 1; Elfwing, Uchibe and Doya 2018). Registered as {@code swish}, alias {@code silu}.
 *
 * <p>Derivative: {@code f'(z) = σ(z) + z σ(z) (1 − σ(z)) = σ(z) + f(z) σ(−z)}, using {@code 1 − σ(z) = σ(−z)}
 * for accuracy where σ(z) is close to 1.
 */
public final class Swish extends ElementwiseActivation implements OnnxExportable {

    /** The registered name. */
    public static final String NAME = "swish";

    /** The swish activation. */
    public Swish() {
        super(NAME, Config.empty());
    }

    /** {@code z σ(z)}. */
    @Override
    double value(double z) {
        return z * StableMath.sigmoid(z);
    }

    /** {@code σ(z) + a σ(−z)} with {@code a = z σ(z)}. */
    @Override
    double derivative(double z, double a) {
        return StableMath.sigmoid(z) + a * StableMath.sigmoid(-z);
    }

    /**
     * {@code z · Sigmoid(z)} in a float graph (ONNX has no swish operator); in a double graph
     * {@code z / (1 + e^(−z))}, the same function, because ONNX Runtime rewrites {@code z · Sigmoid(z)} into a
     * fused kernel that exists for floats only.
     */
    @Override
    public String toOnnx(OnnxGraph graph, String z) {
        if (graph.elementType() == OnnxGraph.ElementType.DOUBLE) {
            String denominator = graph.node("Add", graph.scalar(1.0), graph.node("Exp", graph.node("Neg", z)));
            return graph.node("Div", z, denominator);
        }
        return graph.node("Mul", z, graph.node("Sigmoid", z));
    }
}
