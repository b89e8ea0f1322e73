package com.example.bp.demo;

import dev.backprop.core.network.Network;
import dev.backprop.core.registry.ProviderInfo;
import dev.backprop.core.registry.Registries;
import dev.backprop.core.spi.ActivationProvider;
import dev.backprop.core.spi.Parameter;
import org.ejml.data.DMatrixRMaj;
import org.ejml.dense.row.CommonOps_DDRM;

/**
 * Trains a small network whose layers use the plug-in's activation, found by its name alone, with plain
 * gradient descent on half the sum of squared errors. Prints where the activation came from and the loss
 * before and after; exits with 0 only if the loss decreased. Run by {@code PluginLaunchIT} in a JVM of its
 * own, once with the plug-in on the class path and once on the module path.
 */
public final class TrainWithBentIdentity {

    private TrainWithBentIdentity() {}

    /** Trains and reports; exit status 0 when the loss decreased, 1 otherwise. */
    public static void main(String[] args) {
        Registries registries = Registries.discover();
        ProviderInfo<ActivationProvider> info = registries.activations().find("bent-identity");
        System.out.println("bent-identity from " + info.origin());

        Network net = Network.builder(registries)
                .input(2)
                .dense(6, "bent-identity")
                .dense(1, "bent-identity")
                .seed(42)
                .build();
        // 16 points of the plane, target x1 * x2
        DMatrixRMaj x = new DMatrixRMaj(16, 2);
        DMatrixRMaj t = new DMatrixRMaj(16, 1);
        for (int i = 0; i < 16; i++) {
            double x1 = (i % 4) / 1.5 - 1;
            double x2 = Math.floorDiv(i, 4) / 1.5 - 1;
            x.set(i, 0, x1);
            x.set(i, 1, x2);
            t.set(i, 0, x1 * x2);
        }
        DMatrixRMaj g = new DMatrixRMaj(16, 1);
        double first = Double.NaN;
        double last = Double.NaN;
        for (int step = 0; step < 300; step++) {
            DMatrixRMaj y = net.forward(x);
            // G = Y − T, the gradient of L = ½ Σ (y − t)²
            CommonOps_DDRM.subtract(y, t, g);
            double loss = 0.5 * CommonOps_DDRM.dot(g, g);
            if (step == 0) {
                first = loss;
            }
            last = loss;
            net.backward(g, false);
            for (Parameter p : net.parameters()) {
                // θ ← θ − lr ∂L/∂θ
                CommonOps_DDRM.addEquals(p.value(), -0.02, p.gradient());
            }
        }
        boolean decreased = last < first;
        System.out.printf("loss %.6f -> %.6f: %s%n", first, last, decreased ? "decreased" : "did not decrease");
        System.exit(decreased ? 0 : 1);
    }
}
