/**
 * Real data sets shipped inside the jar ({@link dev.backprop.datasets.EmbeddedDatasets}): 8,000 + 2,000 MNIST
 * digits, Fisher's iris and the 8 × 8 digits, with their attribution as the resource {@code ATTRIBUTION.md}.
 */
package dev.backprop.datasets;
