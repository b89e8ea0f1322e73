/**
 * Data-parallel training of bp networks on Apache Spark. Spark is the engine; bp brings the network, the
 * gradients and the optimizer.
 *
 * <ul>
 * <li>{@link dev.backprop.spark.ShardedSamples}: the training data on the cluster, an RDD of
 *     {@link dev.backprop.spark.Sample}s packed into one cached shard per partition;</li>
 * <li>{@link dev.backprop.spark.SparkGradientSource}: synchronous training, a gradient source for the ordinary
 *     {@link dev.backprop.core.train.Trainer} that computes each global batch's gradient on the cluster; the
 *     result is the single-JVM training's to rounding;</li>
 * <li>{@link dev.backprop.spark.ParameterAveragingTrainer}: parameter averaging, faster and not equivalent to
 *     single-JVM SGD.</li>
 * </ul>
 *
 * <p>Executors never receive bp objects: they rebuild the network, the loss and the optimizer from their
 * registered names with their own {@link dev.backprop.core.registry.Registries}, so every plug-in a run uses must
 * be on the executors' class path and registered for {@link java.util.ServiceLoader}.
 */
package dev.backprop.spark;
