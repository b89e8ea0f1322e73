package dev.backprop.core.spi;

import java.util.Optional;
import org.ejml.data.DMatrixRMaj;

/**
 * An activation {@code A = f(Z)} applied to a batch whose rows are samples.
 *
 * <p>Element-wise activations map each entry on its own; row-wise ones (softmax, log-softmax) couple the
 * entries of a row and say so with {@link #isRowWise()}. Both kinds give their exact derivative through the
 * vector-Jacobian product {@link #backward}: for each row, {@code dZ = J(z)^T g} where {@code J} is the
 * Jacobian of {@code f} at that row, which for an element-wise activation reduces to {@code dZ = g ⊙ f'(Z)}.
 *
 * <p>Implementations keep no per-batch state, allocate nothing per call, and never write to their inputs.
 */
public interface Activation extends Component {

    /**
     * Computes {@code A = f(Z)}.
     *
     * @param z pre-activations, n × k. Not modified.
     * @param a output, already shaped n × k. Modified. May not be {@code z}.
     */
    void forward(DMatrixRMaj z, DMatrixRMaj a);

    /**
     * Computes the vector-Jacobian product {@code dZ = J(Z)^T g} row by row.
     *
     * @param z  the pre-activations given to {@link #forward}. Not modified.
     * @param a  the outputs {@link #forward} wrote for {@code z}. Not modified.
     * @param g  the gradient of the loss with respect to {@code a}, n × k. Not modified.
     * @param dz output: the gradient with respect to {@code z}, already shaped n × k. Modified. May be
     *           {@code g} (then it is overwritten in place) but not {@code z} or {@code a}.
     */
    void backward(DMatrixRMaj z, DMatrixRMaj a, DMatrixRMaj g, DMatrixRMaj dz);

    /**
     * The standard function this activation computes exactly, if it is one, so that losses can fuse their
     * gradient with it (softmax with cross-entropy gives {@code (P − T)/n}). Empty by default: a plug-in declares
     * it only when its forward pass is exactly that function.
     */
    default Optional<StandardActivation> standardForm() {
        return Optional.empty();
    }

    /** Whether outputs of a row depend on other entries of the same row (softmax); false for element-wise. */
    default boolean isRowWise() {
        return false;
    }
}
