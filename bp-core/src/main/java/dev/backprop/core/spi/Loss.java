package dev.backprop.core.spi;

import java.util.Optional;
import org.ejml.data.DMatrixRMaj;

/**
 * A loss {@code L(Y, T)} of a batch of network outputs {@code Y} (n × k, samples in rows) against targets
 * {@code T}. Targets usually have the shape of {@code Y}; a loss may accept another shape (class indices as
 * an n × 1 column, say) and documents it.
 *
 * <p>The value is reduced to one number as the loss documents (mean over the batch, sum, ...), and
 * {@link #gradient} is the gradient of exactly that number, so that a gradient check of the value verifies
 * it.
 */
public interface Loss extends Component {

    /**
     * Checks that the targets fit the outputs.
     *
     * @throws IllegalArgumentException naming both shapes, or the offending row and value
     */
    void validate(DMatrixRMaj output, DMatrixRMaj target);

    /**
     * The loss of the batch.
     *
     * @param output the network's output Y, n × k. Not modified.
     * @param target the targets T. Not modified.
     */
    double value(DMatrixRMaj output, DMatrixRMaj target);

    /**
     * The gradient {@code G = ∂L/∂Y}.
     *
     * @param output the network's output Y, n × k. Not modified.
     * @param target the targets T. Not modified.
     * @param grad   output, already shaped n × k. Modified.
     */
    void gradient(DMatrixRMaj output, DMatrixRMaj target, DMatrixRMaj grad);

    /**
     * Whether {@link #value} is a mean over the batch or a sum; the trainer combines batch losses into the
     * epoch's {@code train.loss} accordingly (a size-weighted mean, or a sum over the epoch). A mean by default.
     */
    default BatchReduction batchReduction() {
        return BatchReduction.MEAN;
    }

    /**
     * A gradient with respect to the output layer's pre-activations that is simpler and more accurate than
     * the chain of {@link #gradient} and {@link Activation#backward}, when this loss follows the given
     * activation; softmax followed by cross-entropy gives {@code (P − T)/n}. The engine uses it automatically.
     * The fused and unfused paths must agree to rounding.
     *
     * @param outputActivation the activation of the last layer
     */
    default Optional<FusedGradient> fusedWith(Activation outputActivation) {
        return Optional.empty();
    }
}
