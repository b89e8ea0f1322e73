package dev.backprop.onnx;

import dev.backprop.core.spi.Activation;
import dev.backprop.core.spi.Config;
import dev.backprop.core.spi.OnnxExportable;
import dev.backprop.core.spi.OnnxGraph;
import org.ejml.data.DMatrixRMaj;

/**
 * A test plug-in activation whose ONNX form is the Mish operator alone, which appeared in opset 18: exporting it
 * at an older opset must fail naming the operator and the opset.
 */
final class MishOnlyActivation implements Activation, OnnxExportable {

    @Override
    public String name() {
        return "mish-op";
    }

    @Override
    public Config config() {
        return Config.empty();
    }

    /** {@code z tanh(log(1 + e^z))}. */
    @Override
    public void forward(DMatrixRMaj z, DMatrixRMaj a) {
        for (int i = 0; i < z.getNumElements(); i++) {
            double x = z.data[i];
            a.data[i] = x * Math.tanh(Math.log1p(Math.exp(x)));
        }
    }

    @Override
    public void backward(DMatrixRMaj z, DMatrixRMaj a, DMatrixRMaj g, DMatrixRMaj dz) {
        throw new UnsupportedOperationException("only exported in these tests");
    }

    @Override
    public String toOnnx(OnnxGraph graph, String z) {
        return graph.node("Mish", z);
    }
}
