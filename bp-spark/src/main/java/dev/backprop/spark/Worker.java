package dev.backprop.spark;

import dev.backprop.core.network.Network;
import dev.backprop.core.random.Rng;
import dev.backprop.core.registry.Registries;
import dev.backprop.core.spi.Loss;
import dev.backprop.core.spi.MatrixBackend;
import dev.backprop.core.spi.Optimizer;
import dev.backprop.core.spi.Parameter;
import java.util.List;
import org.ejml.data.DMatrixRMaj;

/**
 * The engine one task trains with: a network rebuilt from the blueprint, the loss (and, for parameter averaging,
 * the optimizer) created by name from the executor's registries, and minibatch buffers. A worker serves one task
 * at a time and is reused by later tasks on the same executor, so its buffers keep their size.
 */
final class Worker {

    private final TrainingSetup setup;
    private final Registries registries;
    private final Network network;
    private final List<Parameter> parameters;
    private final Loss loss;
    private final int threads;
    private Optimizer optimizer;
    private final DMatrixRMaj features = new DMatrixRMaj(1, 1);
    private final DMatrixRMaj targets = new DMatrixRMaj(1, 1);
    private int[] rows = new int[0];

    /**
     * @param backend computes the network's products
     * @param threads the task cores this worker serves, as the backend was chosen for
     */
    Worker(TrainingSetup setup, Registries registries, MatrixBackend backend, int threads) {
        this.setup = setup;
        this.registries = registries;
        this.threads = threads;
        this.network = setup.network().build(registries, backend);
        this.parameters = network.parameters();
        this.loss = registries.losses().create(setup.loss().spec());
    }

    /** The task cores this worker serves. */
    int threads() {
        return threads;
    }

    /** The backend computing this worker's products. */
    MatrixBackend backend() {
        return network.backend();
    }

    /**
     * The shard's part of one global batch: its loss and gradient at the given weights, or null when the shard
     * holds no sample of the batch.
     *
     * @param step the global step; with the partition it seeds the dropout masks
     */
    ShardGradient gradient(Shard shard, EpochPlan plan, int batch, double[] weights, long step) {
        int m = load(shard, plan, batch);
        if (m == 0) {
            return null;
        }
        ParameterVector.setValues(parameters, weights);
        // L_s and g_s = ∇L_s on the shard's rows of the batch, in the order of their positions
        double value = network.computeTrainingGradients(features, targets, loss, Rng.derive(step, shard.partition()));
        double[] gradient = new double[ParameterVector.length(parameters)];
        ParameterVector.gradients(parameters, gradient);
        return new ShardGradient(shard.partition(), m, value, gradient);
    }

    /**
     * A parameter-averaging round on this shard: from the given weights and this partition's optimizer state,
     * one optimizer step on the shard's part of each global batch {@code firstBatch … firstBatch + rates.length −
     * 1}, at the given rates. A shard that holds no sample of a batch skips that step.
     *
     * @param state       the partition's optimizer state before the round (empty: a freshly initialised one).
     *                    Not modified: it may be a cached block that a retried task reads again.
     * @param trainedRows the samples the partition trained on earlier in the epoch
     */
    PartitionRound localSteps(
            Shard shard,
            EpochPlan plan,
            int firstBatch,
            double[] rates,
            double[] weights,
            OptimizerState state,
            long firstStep,
            long trainedRows) {
        ParameterVector.setValues(parameters, weights);
        Optimizer opt = optimizer();
        opt.reset();
        opt.initialise(parameters);
        if (!state.isEmpty()) {
            opt.restore(state.copy().asMap());
        }
        double lossSum = 0;
        int rowsSeen = 0;
        int steps = 0;
        for (int j = 0; j < rates.length; j++) {
            int m = load(shard, plan, firstBatch + j);
            if (m == 0) {
                continue;
            }
            double value = network.computeTrainingGradients(
                    features, targets, loss, Rng.derive(firstStep + j, shard.partition()));
            // w ← update(w, ∇L_s) by the optimizer's own rule
            opt.step(parameters, rates[j]);
            lossSum += value * m;
            rowsSeen += m;
            steps++;
        }
        return new PartitionRound(
                shard.partition(),
                rowsSeen,
                steps,
                lossSum,
                steps == 0 ? null : ParameterVector.values(parameters),
                steps == 0 ? state : OptimizerState.of(opt.state()),
                trainedRows + rowsSeen);
    }

    private Optimizer optimizer() {
        if (optimizer == null) {
            optimizer = registries.optimizers().create(setup.optimizer().spec());
        }
        return optimizer;
    }

    /** Copies the shard's rows of batch b into the buffers, in order of position; returns their number. */
    private int load(Shard shard, EpochPlan plan, int batch) {
        int size = plan.batchRows(batch);
        if (rows.length < size) {
            rows = new int[size];
        }
        int m = plan.rowsInBatch(shard, batch, rows);
        if (m == 0) {
            return 0;
        }
        int f = shard.featureCount();
        int t = shard.targetCount();
        features.reshape(m, f);
        targets.reshape(m, t);
        double[] x = shard.features();
        double[] y = shard.targets();
        for (int i = 0; i < m; i++) {
            // features[i, :] = shard row rows[i]; targets likewise
            System.arraycopy(x, rows[i] * f, features.data, i * f, f);
            System.arraycopy(y, rows[i] * t, targets.data, i * t, t);
        }
        return m;
    }
}
