/**
 * JMH benchmarks of bp: the training step ({@link dev.backprop.bench.TrainingStepBenchmark}), inference, the
 * 2-2-2 network's step and the matrix products, each on the pure-Java and the native BLAS backend. The
 * activations and the loss are small local implementations of bp's SPI, so that the figures measure the
 * engine and its backend only.
 */
package dev.backprop.bench;
