package dev.backprop.spark;

import java.util.ArrayList;
import java.util.Comparator;
import java.util.Iterator;
import java.util.List;
import java.util.Objects;
import org.apache.spark.Partitioner;
import org.apache.spark.api.java.JavaRDD;
import org.apache.spark.api.java.function.FlatMapFunction;
import org.apache.spark.api.java.function.Function2;
import org.apache.spark.api.java.function.PairFunction;
import scala.Tuple2;

/**
 * Adds the partitions' weighted gradients of one global batch in a tree of fixed shape, so that the driver
 * receives at most {@code fanIn} vectors instead of one per partition, and the sum is bit-identical from run to
 * run and under task retries.
 *
 * <p>With P leaves (one per partition, numbered by partition) and fan-in f, while more than f nodes remain, node
 * j of the next level is the sum of nodes {@code j·f … j·f + f − 1} of the level below, added left to right in
 * the order of their numbers. The driver adds the at most f top nodes in the same order. The shape depends only
 * on P and f, never on which executor ran what or in which order shuffle blocks arrive: a level gathers its
 * children through a shuffle keyed by the parent's number and sorts them by their own number before adding. With
 * P ≤ f there is no shuffle and the driver adds the partitions in partition order, as a left fold.
 *
 * <p>Spark's own {@code treeAggregate} cannot be used: it combines partial results in the order they arrive,
 * which differs from run to run in the last bits. Each level above the leaves is one shuffle; Spark's context
 * cleaner deletes its files once the step's RDDs are garbage.
 */
final class GradientTree {

    private GradientTree() {}

    /**
     * The top nodes of the tree over the leaves that {@code leaves} computes from each partition of {@code data},
     * in the order of their numbers. With at most {@code fanIn} partitions there is no tree: one job runs straight
     * on {@code data} ({@link PartitionJob}), without an RDD of leaves.
     *
     * @param leaves    at most one {@link PartialSum} per partition, numbered by partition
     * @param leafCount P, the number of partitions of {@code data}
     * @param fanIn     f, at least 2
     */
    static <T> List<PartialSum> top(
            JavaRDD<T> data, FlatMapFunction<Iterator<T>, PartialSum> leaves, int leafCount, int fanIn) {
        if (leafCount > fanIn) {
            return top(data.mapPartitions(leaves, true), leafCount, fanIn);
        }
        List<PartialSum> top = new ArrayList<>(PartitionJob.run(data, leaves));
        top.sort(Comparator.comparingInt(PartialSum::node));
        return top;
    }

    /**
     * The top nodes of the tree over the leaves, in the order of their numbers: at most {@code fanIn} of them,
     * fewer when some nodes cover no sample of the batch.
     *
     * @param leaves    at most one {@link PartialSum} per partition, numbered by partition
     * @param leafCount P, the number of partitions
     * @param fanIn     f, at least 2
     */
    static List<PartialSum> top(JavaRDD<PartialSum> leaves, int leafCount, int fanIn) {
        JavaRDD<PartialSum> level = leaves;
        int nodes = leafCount;
        while (nodes > fanIn) {
            int parents = (nodes + fanIn - 1) / fanIn;
            level = level.mapToPair(new ParentOf(fanIn))
                    .partitionBy(new NodePartitioner(parents))
                    .mapPartitionsWithIndex(new AddChildren(), true);
            nodes = parents;
        }
        List<PartialSum> top = new ArrayList<>(level.collect());
        top.sort(Comparator.comparingInt(PartialSum::node));
        return top;
    }

    /**
     * Σ of the nodes, added left to right in the order given: {@code ((s_0 + s_1) + s_2) + …}.
     *
     * @param node the number of the sum
     * @throws IllegalArgumentException if there are no nodes
     */
    static PartialSum add(int node, List<PartialSum> children) {
        if (children.isEmpty()) {
            throw new IllegalArgumentException("No partial sums to add for node " + node);
        }
        double[] gradient = children.get(0).gradient().clone();
        double loss = children.get(0).loss();
        int rows = children.get(0).rows();
        for (int c = 1; c < children.size(); c++) {
            PartialSum child = children.get(c);
            double[] g = child.gradient();
            for (int i = 0; i < gradient.length; i++) {
                // Σ w_s g_s += child's sum
                gradient[i] += g[i];
            }
            loss += child.loss();
            rows += child.rows();
        }
        return new PartialSum(node, rows, loss, gradient);
    }

    /** Keys a node by its parent's number, j / f. */
    private static final class ParentOf implements PairFunction<PartialSum, Integer, PartialSum> {
        private static final long serialVersionUID = 1L;
        private final int fanIn;

        ParentOf(int fanIn) {
            this.fanIn = fanIn;
        }

        @Override
        public Tuple2<Integer, PartialSum> call(PartialSum node) {
            return new Tuple2<>(node.node() / fanIn, node);
        }
    }

    /** Sends the children of parent j to partition j. */
    private static final class NodePartitioner extends Partitioner {
        private static final long serialVersionUID = 1L;
        private final int parents;

        NodePartitioner(int parents) {
            this.parents = parents;
        }

        @Override
        public int numPartitions() {
            return parents;
        }

        @Override
        public int getPartition(Object key) {
            return (Integer) key;
        }

        @Override
        public boolean equals(Object other) {
            return other instanceof NodePartitioner p && p.parents == parents;
        }

        @Override
        public int hashCode() {
            return Objects.hash(NodePartitioner.class, parents);
        }
    }

    /** Parent j: its children sorted by their numbers, then added left to right; nothing when it has none. */
    private static final class AddChildren
            implements Function2<Integer, Iterator<Tuple2<Integer, PartialSum>>, Iterator<PartialSum>> {
        private static final long serialVersionUID = 1L;

        @Override
        public Iterator<PartialSum> call(Integer parent, Iterator<Tuple2<Integer, PartialSum>> children) {
            List<PartialSum> list = new ArrayList<>();
            children.forEachRemaining(child -> list.add(child._2()));
            if (list.isEmpty()) {
                return List.<PartialSum>of().iterator();
            }
            list.sort(Comparator.comparingInt(PartialSum::node));
            return List.of(add(parent, list)).iterator();
        }
    }
}
