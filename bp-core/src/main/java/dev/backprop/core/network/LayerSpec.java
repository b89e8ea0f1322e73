package dev.backprop.core.network;

import dev.backprop.core.spi.ComponentSpec;
import java.util.Objects;

/**
 * One dense layer as the triple (in, out, bias) of seed 000, with its activation and optional dropout:
 * {@code A = f(X W + b)} with samples in rows, W shaped (in, out) and b a row of length out.
 *
 * @param in         inputs per sample, at least 1
 * @param out        outputs per sample, at least 1
 * @param bias       whether the layer adds a trainable bias row b
 * @param activation the activation's registered name and parameters
 * @param dropout    the probability of zeroing each output while training (inverted dropout: kept outputs are
 *                   scaled by 1 / (1 − p)); 0 for none; in [0, 1)
 */
public record LayerSpec(int in, int out, boolean bias, ComponentSpec activation, double dropout) {

    /** Checks sizes and the dropout rate. */
    public LayerSpec {
        if (in < 1 || out < 1) {
            throw new IllegalArgumentException("A layer needs in >= 1 and out >= 1, got in=" + in + ", out=" + out);
        }
        Objects.requireNonNull(activation, "activation");
        if (!(dropout >= 0 && dropout < 1)) {
            throw new IllegalArgumentException("Dropout must be in [0, 1), got " + dropout);
        }
    }

    /** A layer without dropout. */
    public LayerSpec(int in, int out, boolean bias, ComponentSpec activation) {
        this(in, out, bias, activation, 0);
    }

    /** The number of trainable values: in·out weights plus out biases when the layer has them. */
    public int parameterCount() {
        return in * out + (bias ? out : 0);
    }
}
