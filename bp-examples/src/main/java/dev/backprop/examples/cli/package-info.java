/**
 * The commands of the {@code bp} program, one class each, with the shared options ({@link
 * dev.backprop.examples.cli.TrainingOptions}, {@link dev.backprop.examples.cli.NetworkOptions}) and the shared
 * training code ({@link dev.backprop.examples.cli.TrainingSession}, {@link
 * dev.backprop.examples.cli.ClassificationRun}).
 */
package dev.backprop.examples.cli;
