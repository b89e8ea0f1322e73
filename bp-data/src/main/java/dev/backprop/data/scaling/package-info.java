/**
 * Feature scalers fitted on training data and applied to any data with the same columns:
 * {@link dev.backprop.data.scaling.StandardScaler} (zero mean, unit variance) and
 * {@link dev.backprop.data.scaling.MinMaxScaler} (to [0, 1]). Their fitted state is a map of named arrays
 * ({@link dev.backprop.data.scaling.FeatureScaler#state()}) that a model file can store and
 * {@link dev.backprop.data.scaling.FeatureScalers#fromState} can restore.
 */
package dev.backprop.data.scaling;
