package dev.backprop.spark;

import java.util.function.Supplier;
import org.apache.spark.api.java.JavaSparkContext;

/**
 * Runs bp's Spark jobs: labels each with its epoch and step (the {@link JobProperties}, and a description for
 * the Spark UI), and turns a job that failed on a bad sample back into an {@link InvalidSampleException} on the
 * driver.
 */
final class SparkJobs {

    private SparkJobs() {}

    /**
     * Runs a job on the calling thread with the job properties set, and clears them afterwards.
     *
     * @param description what the job does, shown in the Spark UI
     * @param epoch       the epoch, or −1 when the job belongs to none
     * @param step        the global step, or −1
     * @throws InvalidSampleException when a task failed on a sample, with the task's message
     * @throws IllegalStateException  when the job failed otherwise, with Spark's exception as the cause
     */
    static <T> T run(JavaSparkContext context, String description, int epoch, long step, Supplier<T> job) {
        context.setJobDescription(description);
        context.setLocalProperty(JobProperties.EPOCH, epoch < 0 ? null : Integer.toString(epoch));
        context.setLocalProperty(JobProperties.STEP, step < 0 ? null : Long.toString(step));
        try {
            return job.get();
        } catch (Exception e) {
            throw translate(e, description);
        } finally {
            context.setJobDescription(null);
            context.setLocalProperty(JobProperties.EPOCH, null);
            context.setLocalProperty(JobProperties.STEP, null);
        }
    }

    private static RuntimeException translate(Exception failure, String description) {
        for (Throwable t = failure; t != null; t = t.getCause()) {
            if (t instanceof InvalidSampleException bad) {
                return new InvalidSampleException(bad.partition(), bad.row(), bad.getMessage(), failure);
            }
        }
        if (failure instanceof RuntimeException runtime) {
            return runtime;
        }
        String message = String.valueOf(failure.getMessage());
        int newline = message.indexOf('\n');
        return new IllegalStateException(
                "The Spark job '" + description + "' failed: "
                        + (newline < 0 ? message : message.substring(0, newline)),
                failure);
    }
}
