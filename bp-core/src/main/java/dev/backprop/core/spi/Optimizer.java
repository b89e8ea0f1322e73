package dev.backprop.core.spi;

import java.util.List;
import java.util.Map;
import org.ejml.data.DMatrixRMaj;

/**
 * Updates parameters from their gradients. An optimizer holds its own per-parameter state (moments, step
 * counts), keyed by {@link Parameter#name()}, and none of it lives in the layers.
 *
 * <p>Life cycle: {@link #initialise} once with the parameters it will update (allocating its state),
 * {@link #step} after each backward pass, {@link #reset} to forget the state. {@link #state()} and
 * {@link #restore} save and load the state so that a resumed run continues exactly as an uninterrupted one.
 */
public interface Optimizer extends Component {

    /**
     * Allocates state for the parameters; called once before the first step, and again after
     * {@link #reset()}.
     */
    void initialise(List<Parameter> parameters);

    /**
     * Applies one update to every parameter from its gradient, at the given learning rate (the schedule's
     * rate for this step; {@link #learningRate()} when no schedule is used).
     */
    void step(List<Parameter> parameters, double learningRate);

    /** The learning rate this optimizer was configured with. */
    double learningRate();

    /** Forgets all state, as if newly created; {@link #initialise} must be called again. */
    void reset();

    /**
     * A copy of the state: arrays keyed by a name such as {@code layer0.W/m}, with scalar counters as 1 × 1
     * arrays. Empty for stateless optimizers.
     */
    Map<String, DMatrixRMaj> state();

    /**
     * Loads a state previously returned by {@link #state()} for the same parameters.
     *
     * @throws IllegalArgumentException naming a missing key or a shape that differs
     */
    void restore(Map<String, DMatrixRMaj> state);
}
