/**
 * Seeded train/test and train/validation/test splits by fraction, optionally stratified by class
 * ({@link dev.backprop.data.split.Splits}).
 */
package dev.backprop.data.split;
