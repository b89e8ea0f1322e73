package dev.backprop.spark;

import dev.backprop.core.registry.Registries;
import java.util.concurrent.ConcurrentLinkedQueue;

/**
 * What one executor JVM keeps for one training run: its registries, discovered once with the task thread's
 * class loader (which sees the application's jars, so plug-ins are found by name as on the driver), and a pool
 * of {@link Worker}s, one per task running at a time, reused from step to step.
 */
final class ExecutorCache {

    private final TrainingSetup setup;
    private final ConcurrentLinkedQueue<Worker> idle = new ConcurrentLinkedQueue<>();
    private volatile Registries registries;

    ExecutorCache(TrainingSetup setup) {
        this.setup = setup;
    }

    /** An idle worker, or a new one. Give it back with {@link #giveBack} when the task is done. */
    Worker borrow() {
        Worker worker = idle.poll();
        return worker != null ? worker : new Worker(setup, registries());
    }

    /** Returns a worker to the pool. */
    void giveBack(Worker worker) {
        idle.add(worker);
    }

    private Registries registries() {
        Registries r = registries;
        if (r == null) {
            synchronized (this) {
                r = registries;
                if (r == null) {
                    r = Registries.discover();
                    registries = r;
                }
            }
        }
        return r;
    }
}
