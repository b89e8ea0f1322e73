/**
 * What the commands share besides their options: the {@code --json} line, the per-epoch table, the terminal
 * progress bar, the history CSV and the training chart.
 */
package dev.backprop.examples.support;
