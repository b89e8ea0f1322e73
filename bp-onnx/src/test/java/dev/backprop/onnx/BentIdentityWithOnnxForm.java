package dev.backprop.onnx;

import dev.backprop.core.spi.Activation;
import dev.backprop.core.spi.Config;
import dev.backprop.core.spi.OnnxExportable;
import dev.backprop.core.spi.OnnxGraph;
import org.ejml.data.DMatrixRMaj;

/**
 * How the example plug-in's bent identity {@code f(z) = (√(z² + 1) − 1)/2 + z} would supply its ONNX form: the
 * plug-in's own activation does the computing, and this adds {@link OnnxExportable}. With {@code halve} false the
 * form forgets the division by 2, a mistake the conformance check must catch.
 */
class BentIdentityWithOnnxForm implements Activation, OnnxExportable {

    private final Activation plugin;
    private final boolean halve;

    BentIdentityWithOnnxForm(Activation plugin, boolean halve) {
        this.plugin = plugin;
        this.halve = halve;
    }

    @Override
    public String name() {
        return plugin.name();
    }

    @Override
    public Config config() {
        return plugin.config();
    }

    @Override
    public void forward(DMatrixRMaj z, DMatrixRMaj a) {
        plugin.forward(z, a);
    }

    @Override
    public void backward(DMatrixRMaj z, DMatrixRMaj a, DMatrixRMaj g, DMatrixRMaj dz) {
        plugin.backward(z, a, g, dz);
    }

    /** {@code (Sqrt(z·z + 1) − 1) / 2 + z}. */
    @Override
    public String toOnnx(OnnxGraph graph, String z) {
        String root = graph.node("Sqrt", graph.node("Add", graph.node("Mul", z, z), graph.scalar(1.0)));
        String bend = graph.node("Sub", root, graph.scalar(1.0));
        if (halve) {
            bend = graph.node("Div", bend, graph.scalar(2.0));
        }
        return graph.node("Add", bend, z);
    }
}
