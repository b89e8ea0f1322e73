/**
 * Class labels: one-hot encoding and its inverse ({@link dev.backprop.data.encoding.OneHot}), class-index
 * columns ({@link dev.backprop.data.encoding.Labels}) and class names ↔ indices
 * ({@link dev.backprop.data.encoding.LabelEncoder}).
 */
package dev.backprop.data.encoding;
