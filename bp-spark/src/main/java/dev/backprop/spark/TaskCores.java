package dev.backprop.spark;

import org.apache.spark.TaskContext;

/** The cores Spark gave the running task: {@code spark.task.cpus}, or 1 outside a task. */
final class TaskCores {

    private TaskCores() {}

    /** The running task's cores, at least 1. */
    static int current() {
        TaskContext task = TaskContext.get();
        return task == null ? 1 : Math.max(1, task.cpus());
    }
}
