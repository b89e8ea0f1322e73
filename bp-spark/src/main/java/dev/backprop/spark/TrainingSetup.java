package dev.backprop.spark;

import java.io.Serializable;

/**
 * What every task of a training run needs besides the data and the current weights: the network's
 * architecture, the loss and (for parameter averaging) the optimizer by name, and the reduction. Broadcast once
 * per run; each executor keeps its {@link ExecutorCache} with its copy, so registries are discovered and
 * networks built once per executor, not once per task.
 */
final class TrainingSetup implements Serializable {

    private static final long serialVersionUID = 1L;

    private final NetworkBlueprint network;
    private final ComponentForm loss;
    /** Null for synchronous training, where the driver alone steps the optimizer. */
    private final ComponentForm optimizer;

    private final Reduction reduction;

    private transient volatile ExecutorCache cache;

    TrainingSetup(NetworkBlueprint network, ComponentForm loss, ComponentForm optimizer, Reduction reduction) {
        this.network = network;
        this.loss = loss;
        this.optimizer = optimizer;
        this.reduction = reduction;
    }

    NetworkBlueprint network() {
        return network;
    }

    ComponentForm loss() {
        return loss;
    }

    ComponentForm optimizer() {
        if (optimizer == null) {
            throw new IllegalStateException("This training run names no optimizer for the executors");
        }
        return optimizer;
    }

    Reduction reduction() {
        return reduction;
    }

    /** This JVM's cache for this setup, created on first use. */
    ExecutorCache cache() {
        ExecutorCache c = cache;
        if (c == null) {
            synchronized (this) {
                c = cache;
                if (c == null) {
                    c = new ExecutorCache(this);
                    cache = c;
                }
            }
        }
        return c;
    }
}
