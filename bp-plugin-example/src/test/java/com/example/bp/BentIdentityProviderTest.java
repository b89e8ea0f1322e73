package com.example.bp;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.within;

import dev.backprop.core.spi.Activation;
import dev.backprop.core.spi.ActivationProvider;
import dev.backprop.core.spi.Config;
import dev.backprop.testkit.ActivationContract;
import org.ejml.data.DMatrixRMaj;
import org.junit.jupiter.api.Test;

/** The conformance kit on the plug-in, plus its values against numpy. */
class BentIdentityProviderTest extends ActivationContract {

    @Override
    protected ActivationProvider provider() {
        return new BentIdentityProvider();
    }

    @Test
    void bentIdentity_matchesNumpy() {
        Activation f = new BentIdentityProvider().create(Config.empty());
        DMatrixRMaj z = new DMatrixRMaj(1, 5, true, -3, -1, 0, 0.5, 2);
        DMatrixRMaj a = new DMatrixRMaj(1, 5);
        f.forward(z, a);
        // numpy: (np.sqrt(x**2 + 1) - 1) / 2 + x
        assertThat(a.data)
                .containsExactly(
                        new double[] {-1.9188611699158102, -0.7928932188134524, 0, 0.5590169943749475, 2.618033988749895
                        },
                        within(1e-15));
        DMatrixRMaj g = new DMatrixRMaj(1, 5);
        g.fill(1);
        DMatrixRMaj dz = new DMatrixRMaj(1, 5);
        f.backward(z, a, g, dz);
        // numpy: x / (2 * np.sqrt(x**2 + 1)) + 1
        assertThat(dz.data)
                .containsExactly(
                        new double[] {0.5256583509747431, 0.6464466094067263, 1, 1.223606797749979, 1.4472135954999579},
                        within(1e-15));
    }
}
