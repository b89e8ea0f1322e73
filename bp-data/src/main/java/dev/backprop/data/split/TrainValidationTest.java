package dev.backprop.data.split;

/**
 * A data set split in three.
 *
 * @param train      the training part
 * @param validation the validation part
 * @param test       the test part
 * @param <D>        the data set type
 */
public record TrainValidationTest<D>(D train, D validation, D test) {}
