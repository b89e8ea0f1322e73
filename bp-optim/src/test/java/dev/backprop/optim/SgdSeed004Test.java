package dev.backprop.optim;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.within;

import dev.backprop.core.network.Network;
import dev.backprop.core.spi.Config;
import dev.backprop.core.spi.Optimizer;
import org.junit.jupiter.api.Test;

/** Plain SGD on the 2-2-2 network of seed 004 with Mazur's starting weights, at seed 004's rate 0.5. */
class SgdSeed004Test {

    @Test
    void sgd_oneStep_matchesMazurPublishedWeights() {
        Network net = MazurNetwork.build();
        Optimizer sgd = new Sgd(Config.of("lr", 0.5));
        sgd.initialise(net.parameters());
        double e0 = MazurNetwork.gradients(net, new HalfSquaredError());
        sgd.step(net.parameters(), 0.5);
        // Mazur, "A Step by Step Backpropagation Example" (2015): E_total = 0.298371109 before the update, and
        // w1..w4 = 0.149780716, 0.19956143, 0.24975114, 0.29950229, w5..w8 = 0.35891648, 0.408666186,
        // 0.511301270, 0.561370121 after it (printed to 8-9 digits, hence the tolerance)
        assertThat(e0).isCloseTo(0.298371109, within(1e-9));
        assertThat(net.layer(0).weights().data)
                .containsExactly(new double[] {0.149780716, 0.24975114, 0.19956143, 0.29950229}, within(1e-8));
        assertThat(net.layer(1).weights().data)
                .containsExactly(new double[] {0.35891648, 0.511301270, 0.408666186, 0.561370121}, within(1e-8));
    }

    @Test
    void sgd_threeSteps_matchNumpyIncludingBiases() {
        Network net = MazurNetwork.build();
        HalfSquaredError loss = new HalfSquaredError();
        Optimizer sgd = new Sgd(Config.of("lr", 0.5));
        sgd.initialise(net.parameters());
        for (int s = 0; s < 3; s++) {
            MazurNetwork.gradients(net, loss);
            sgd.step(net.parameters(), sgd.learningRate());
        }
        // numpy: h = sig(x@W0 + b0); y = sig(h@W1 + b1); d1 = (y - t)*y*(1 - y); dW1 = h.T@d1; db1 = d1.sum(0);
        // d0 = (d1@W1.T)*h*(1 - h); dW0 = x.T@d0; db0 = d0.sum(0); every p -= 0.5*dp; three times
        assertThat(MazurNetwork.values(net))
                .containsExactly(
                        new double[] {
                            0.1494190486648215,
                            0.24932629412406759,
                            0.19883809732964303,
                            0.29865258824813518,
                            0.33838097329643024,
                            0.33652588248135157,
                            0.27407584880268315,
                            0.5324650592233251,
                            0.32333833665701084,
                            0.58265552412534427,
                            0.38737010862522681,
                            0.65481505589214262
                        },
                        within(1e-12));
        // numpy: E after three steps = 0.24293543335380882
        assertThat(MazurNetwork.gradients(net, loss)).isCloseTo(0.24293543335380882, within(1e-12));
    }
}
