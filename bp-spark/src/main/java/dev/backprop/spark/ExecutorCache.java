package dev.backprop.spark;

import dev.backprop.core.backend.MatrixBackends;
import dev.backprop.core.registry.Registries;
import dev.backprop.core.spi.MatrixBackend;
import java.util.OptionalInt;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.ConcurrentLinkedQueue;

/**
 * What one executor JVM keeps for one training run: its registries, discovered once with the task thread's
 * class loader (which sees the application's jars, so plug-ins are found by name as on the driver), and a pool
 * of {@link Worker}s, one per task running at a time, reused from step to step.
 *
 * <p>A task computes with exactly the cores Spark gave it ({@code spark.task.cpus}, 1 by default): the JVM's
 * default backend splits every large product over all the host's processors, so two 1-core tasks on a 2-core
 * host would each run two threads. When the default backend is the built-in pure-Java one, workers get a
 * built-in backend ({@link MatrixBackends#builtIn(int)}) with as many threads as the task has cores, one backend
 * per thread count, shared by the workers of this run. Its products split only output rows between threads, so the results are bit-identical
 * for any thread count. Another backend (such as bp-blas) is used as it is, with its own threading.
 */
final class ExecutorCache {

    private final TrainingSetup setup;
    private final ConcurrentHashMap<Integer, ConcurrentLinkedQueue<Worker>> idle = new ConcurrentHashMap<>();
    private final ConcurrentHashMap<Integer, MatrixBackend> backends = new ConcurrentHashMap<>();
    private volatile Registries registries;

    ExecutorCache(TrainingSetup setup) {
        this.setup = setup;
    }

    /**
     * An idle worker computing with the given number of threads, or a new one. Give it back with
     * {@link #giveBack} when the task is done.
     *
     * @param threads the task's cores, at least 1
     */
    Worker borrow(int threads) {
        Worker worker = pool(threads).poll();
        return worker != null ? worker : new Worker(setup, registries(), backend(threads), threads);
    }

    /** Returns a worker to the pool. */
    void giveBack(Worker worker) {
        pool(worker.threads()).add(worker);
    }

    private ConcurrentLinkedQueue<Worker> pool(int threads) {
        return idle.computeIfAbsent(threads, t -> new ConcurrentLinkedQueue<>());
    }

    /** The backend for tasks of {@code threads} cores: see the class comment. */
    private MatrixBackend backend(int threads) {
        return backends.computeIfAbsent(threads, t -> {
            MatrixBackend standard = MatrixBackends.defaultBackend();
            OptionalInt own = MatrixBackends.builtInThreads(standard);
            if (own.isPresent() && own.getAsInt() != t) {
                return MatrixBackends.builtIn(t);
            }
            return standard;
        });
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
