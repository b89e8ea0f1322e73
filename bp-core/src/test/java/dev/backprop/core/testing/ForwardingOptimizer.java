package dev.backprop.core.testing;

import dev.backprop.core.spi.Config;
import dev.backprop.core.spi.Optimizer;
import dev.backprop.core.spi.Parameter;
import java.util.List;
import java.util.Map;
import org.ejml.data.DMatrixRMaj;

/** An optimizer that hands every call to another; a test overrides the calls it records or checks. */
public class ForwardingOptimizer implements Optimizer {

    private final Optimizer inner;

    public ForwardingOptimizer(Optimizer inner) {
        this.inner = inner;
    }

    @Override
    public String name() {
        return inner.name();
    }

    @Override
    public Config config() {
        return inner.config();
    }

    @Override
    public void initialise(List<Parameter> parameters) {
        inner.initialise(parameters);
    }

    @Override
    public void step(List<Parameter> parameters, double learningRate) {
        inner.step(parameters, learningRate);
    }

    @Override
    public double learningRate() {
        return inner.learningRate();
    }

    @Override
    public void reset() {
        inner.reset();
    }

    @Override
    public Map<String, DMatrixRMaj> state() {
        return inner.state();
    }

    @Override
    public void restore(Map<String, DMatrixRMaj> state) {
        inner.restore(state);
    }
}
