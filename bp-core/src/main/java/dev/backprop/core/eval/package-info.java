/**
 * Evaluation: predictions over whole data sets, classification metrics (accuracy, top-k, confusion matrix,
 * precision, recall, F1) and regression metrics (MSE, MAE, R²).
 */
package dev.backprop.core.eval;
