package dev.backprop.core.train;

import dev.backprop.core.spi.Parameter;
import org.ejml.data.DMatrixRMaj;

/**
 * The steps of one epoch, as an {@link EpochLoop} drives them: what differs between training in this JVM and
 * training by parameter averaging on a cluster, while evaluation, history, listeners, early stopping, the
 * non-finite guard and checkpoints stay in the loop.
 *
 * <p>For each epoch the loop calls {@link #beginEpoch}, then for each step {@link #compute}, checks the loss and
 * every {@link #guarded} matrix for NaN and infinity, then {@link #complete}, and finally {@link #endEpoch}, also
 * when a step failed. A step is one optimisation step of the trainer (one minibatch) or one averaging round of
 * several global batches; {@link TrainingListener#onBatchEnd} is heard once per step.
 *
 * <p>An implementation keeps the state of one run: the learning rate of its last step and the loss sums of the
 * current epoch. It must not allocate per step if its training step does not.
 */
public interface EpochSteps {

    /**
     * Prepares an epoch and resets the epoch's loss sums; the steps of an epoch depend only on its number.
     *
     * @param epoch the epoch, from 0
     * @return the number of steps in the epoch
     */
    int beginEpoch(int epoch);

    /**
     * Runs step {@code index} of the epoch up to the point where its result can be checked: the gradients of a
     * minibatch, or the averaged weights of a round. Does not advance the context's step count.
     *
     * @return the step's loss, as listeners hear it
     */
    double compute(int epoch, int index, TrainingContext context);

    /**
     * Finishes the step {@link #compute} began, once the guard has passed: applies the update, advances the
     * context by the optimisation steps taken and adds the step's loss to the epoch's sums.
     */
    void complete(int epoch, int index, TrainingContext context);

    /** Releases what {@link #beginEpoch} took; called after the epoch's last step and when a step failed. */
    default void endEpoch(int epoch) {}

    /**
     * The epoch's training loss from the steps completed so far, combined as the loss reduces a batch (see
     * {@link EpochRecord#trainLoss()}); NaN when no sample was seen.
     */
    double trainLoss();

    /** The learning rate of the last step taken, or the optimizer's rate before the first. */
    double learningRate();

    /**
     * The matrix of a parameter the non-finite guard checks after {@link #compute}: its gradient by default.
     *
     * @param parameter a parameter of the network being trained; not modified
     */
    default DMatrixRMaj guarded(Parameter parameter) {
        return parameter.gradient();
    }

    /** What {@link #guarded} holds, as an error message names it: {@code gradient} by default. */
    default String guardedName() {
        return "gradient";
    }

    /** What one step is called in messages: {@code batch} by default. */
    default String stepName() {
        return "batch";
    }
}
