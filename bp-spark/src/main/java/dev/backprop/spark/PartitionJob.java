package dev.backprop.spark;

import java.io.Serializable;
import java.util.ArrayList;
import java.util.Iterator;
import java.util.List;
import org.apache.spark.TaskContext;
import org.apache.spark.api.java.JavaRDD;
import org.apache.spark.api.java.function.FlatMapFunction;
import scala.jdk.javaapi.CollectionConverters;
import scala.reflect.ClassTag;
import scala.reflect.ClassTag$;
import scala.runtime.AbstractFunction2;

/**
 * A function of each partition's elements, run as one Spark job straight on an existing RDD. Unlike
 * {@code rdd.mapPartitions(f).collect()} it builds no RDD, and being a named class rather than a Scala closure it
 * gives Spark's closure cleaner nothing to analyse: that cleaner runs twice per such job, and each time reads
 * class files and serializes the whole function (weights included) only to check that it can be serialized. For
 * a job per training step that work is a large part of the step's cost on the driver.
 *
 * @param <T> the RDD's elements
 * @param <R> the function's results
 */
final class PartitionJob<T, R> extends AbstractFunction2<TaskContext, scala.collection.Iterator<T>, List<R>>
        implements Serializable {

    private static final long serialVersionUID = 1L;

    private final FlatMapFunction<Iterator<T>, R> function;

    private PartitionJob(FlatMapFunction<Iterator<T>, R> function) {
        this.function = function;
    }

    /**
     * Runs the function on every partition of the RDD as one job.
     *
     * @return every partition's results, in partition order
     */
    static <T, R> List<R> run(JavaRDD<T> rdd, FlatMapFunction<Iterator<T>, R> function) {
        @SuppressWarnings({"unchecked", "rawtypes"}) // List<R>'s runtime class is List
        ClassTag<List<R>> tag = (ClassTag) ClassTag$.MODULE$.apply(List.class);
        Object[] parts = (Object[]) rdd.context().runJob(rdd.rdd(), new PartitionJob<>(function), tag);
        List<R> results = new ArrayList<>();
        for (Object part : parts) {
            @SuppressWarnings("unchecked") // each element is what apply returned for one partition
            List<R> list = (List<R>) part;
            results.addAll(list);
        }
        return results;
    }

    @Override
    public List<R> apply(TaskContext context, scala.collection.Iterator<T> elements) {
        // an ArrayList: the list travels back to the driver serialized
        List<R> results = new ArrayList<>();
        try {
            function.call(CollectionConverters.asJava(elements)).forEachRemaining(results::add);
        } catch (RuntimeException e) {
            throw e;
        } catch (Exception e) {
            throw new IllegalStateException(e.getMessage(), e);
        }
        return results;
    }
}
