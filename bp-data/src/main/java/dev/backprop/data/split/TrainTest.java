package dev.backprop.data.split;

/**
 * A data set split in two.
 *
 * @param train the training part
 * @param test  the test part
 * @param <D>   the data set type
 */
public record TrainTest<D>(D train, D test) {}
