package dev.backprop.core.spi;

/**
 * How a loss reduces a batch to one number, which decides how batch losses combine into an epoch's loss and
 * how per-partition gradients combine in distributed training.
 */
public enum BatchReduction {
    /** The value is a mean over the batch's samples (or entries): batches combine by a size-weighted mean. */
    MEAN,
    /** The value is a sum over the batch: batches combine by adding. */
    SUM
}
