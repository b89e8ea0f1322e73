/**
 * What the training loop reads: {@link dev.backprop.core.data.Dataset} for whole data sets and
 * {@link dev.backprop.core.data.BatchSource} for the minibatches of each epoch. The module {@code bp-data}
 * implements them for in-memory tables, with shuffling, splits and file loaders.
 */
package dev.backprop.core.data;
