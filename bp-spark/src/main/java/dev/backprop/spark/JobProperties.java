package dev.backprop.spark;

/**
 * The Spark local properties bp sets on every training job, readable in a task with
 * {@code TaskContext.get().getLocalProperty(name)}; they also appear as the job's description in the Spark UI.
 */
public final class JobProperties {

    /** The epoch of the job, from 0, as decimal text. */
    public static final String EPOCH = "dev.backprop.spark.epoch";

    /**
     * The global optimisation step of the job, from 0, as decimal text: the step whose gradient a synchronous
     * job computes, or the first step of a parameter-averaging round.
     */
    public static final String STEP = "dev.backprop.spark.step";

    private JobProperties() {}
}
