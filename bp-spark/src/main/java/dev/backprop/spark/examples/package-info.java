/**
 * Runnable examples of bp on Spark: {@link dev.backprop.spark.examples.SparkMnist} trains on MNIST in
 * {@code local[2]} or under {@code spark-submit}; {@link dev.backprop.spark.examples.SparkBenchmark} measures
 * Spark training beside single-JVM training.
 */
package dev.backprop.spark.examples;
