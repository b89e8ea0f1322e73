package dev.backprop.core.train;

/**
 * Hears the events of a training run. Every method has an empty default, so a listener overrides only what it
 * needs. Listeners run on the training thread; a slow listener slows training.
 */
public interface TrainingListener {

    /** Before the first epoch (or the first epoch of a resumed run). */
    default void onTrainingStart(TrainingContext context) {}

    /** Before each epoch. */
    default void onEpochStart(TrainingContext context, int epoch, int batches) {}

    /** After each optimisation step. */
    default void onBatchEnd(TrainingContext context, int epoch, int batch, double loss) {}

    /** After each epoch, with its record; {@link TrainingContext#requestStop()} ends training after it. */
    default void onEpochEnd(TrainingContext context, EpochRecord record) {}

    /** After the last epoch, also when stopped early. */
    default void onTrainingEnd(TrainingContext context, History history) {}
}
