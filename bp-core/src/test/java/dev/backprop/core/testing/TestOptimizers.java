package dev.backprop.core.testing;

import dev.backprop.core.spi.Config;
import dev.backprop.core.spi.Optimizer;
import dev.backprop.core.spi.Parameter;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import org.ejml.data.DMatrixRMaj;

/** Minimal optimizers for bp-core's own tests (bp-optim has the real ones). */
public final class TestOptimizers {

    private TestOptimizers() {}

    /** Momentum SGD: v = μ v + g, w −= lr v; with μ = 0 this is plain SGD. Its velocity is state to save. */
    public static Optimizer momentum(double lr, double mu) {
        return new Optimizer() {
            private final Map<String, DMatrixRMaj> velocity = new HashMap<>();

            @Override
            public String name() {
                return "test-momentum";
            }

            @Override
            public Config config() {
                return Config.of("lr", lr, "mu", mu);
            }

            @Override
            public void initialise(List<Parameter> parameters) {
                for (Parameter p : parameters) {
                    velocity.put(p.name(), new DMatrixRMaj(p.value().numRows, p.value().numCols));
                }
            }

            @Override
            public void step(List<Parameter> parameters, double learningRate) {
                for (Parameter p : parameters) {
                    DMatrixRMaj v = velocity.get(p.name());
                    for (int i = 0; i < p.size(); i++) {
                        v.data[i] = mu * v.data[i] + p.gradient().data[i];
                        p.value().data[i] -= learningRate * v.data[i];
                    }
                }
            }

            @Override
            public double learningRate() {
                return lr;
            }

            @Override
            public void reset() {
                velocity.clear();
            }

            @Override
            public Map<String, DMatrixRMaj> state() {
                Map<String, DMatrixRMaj> copy = new HashMap<>();
                velocity.forEach((k, v) -> copy.put(k + "/v", v.copy()));
                return copy;
            }

            @Override
            public void restore(Map<String, DMatrixRMaj> state) {
                velocity.forEach((k, v) -> v.setTo(state.get(k + "/v")));
            }
        };
    }
}
