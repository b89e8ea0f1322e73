package dev.backprop.testkit;

import dev.backprop.core.spi.Activation;
import dev.backprop.core.spi.Config;
import java.util.function.DoubleUnaryOperator;
import org.ejml.data.DMatrixRMaj;

/** An element-wise activation made from f and f', for testing the kit with correct and broken components. */
class FunctionActivation implements Activation {

    private final String name;
    private final Config config;
    private final DoubleUnaryOperator f;
    private final DoubleUnaryOperator derivative;

    FunctionActivation(String name, Config config, DoubleUnaryOperator f, DoubleUnaryOperator derivative) {
        this.name = name;
        this.config = config;
        this.f = f;
        this.derivative = derivative;
    }

    @Override
    public String name() {
        return name;
    }

    @Override
    public Config config() {
        return config;
    }

    @Override
    public void forward(DMatrixRMaj z, DMatrixRMaj a) {
        for (int i = 0; i < z.getNumElements(); i++) {
            a.data[i] = f.applyAsDouble(z.data[i]);
        }
    }

    @Override
    public void backward(DMatrixRMaj z, DMatrixRMaj a, DMatrixRMaj g, DMatrixRMaj dz) {
        for (int i = 0; i < z.getNumElements(); i++) {
            dz.data[i] = g.data[i] * derivative.applyAsDouble(z.data[i]);
        }
    }
}
