/**
 * In-memory data sets for bp. {@link dev.backprop.data.TabularDataset} implements core's
 * {@link dev.backprop.core.data.Dataset} over two EJML matrices (features and targets, one row per sample);
 * {@link dev.backprop.data.LabeledDataset} adds class names to a table whose target is a class index.
 *
 * <p>The sub-packages prepare and feed data: {@code encoding} (one-hot, labels), {@code scaling}
 * (standardisation, min–max), {@code batching} (seeded shuffled minibatches), {@code split} (train/validation/test
 * splits, optionally stratified), {@code csv} and {@code idx} (file loaders). The training loop sees only core's
 * {@code Dataset} and {@code BatchSource}, so a source larger than memory can later implement the same two
 * interfaces and use the same batching.
 */
package dev.backprop.data;
