package dev.backprop.bench;

import dev.backprop.core.backend.MatrixBackends;
import dev.backprop.core.init.Initializers;
import dev.backprop.core.network.Network;
import dev.backprop.core.network.NetworkBuilder;
import dev.backprop.core.random.Rng;
import dev.backprop.core.registry.Registries;
import dev.backprop.core.registry.Registry;
import dev.backprop.core.spi.ActivationProvider;
import dev.backprop.core.spi.Loss;
import dev.backprop.core.spi.LossProvider;
import dev.backprop.core.spi.MatrixBackend;
import dev.backprop.core.spi.OptimizerProvider;
import dev.backprop.core.spi.Parameter;
import dev.backprop.core.spi.ScheduleProvider;
import java.util.List;
import org.ejml.data.DMatrixRMaj;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * A network, its loss and a pool of batches, and the training step the benchmarks time: forward, loss,
 * backward ({@link Network#computeTrainingGradients}), then plain SGD {@code W ← W − η ∂L/∂W} on every
 * parameter, as the {@code bench} command of bp-examples times it.
 */
final class TrainingFixture {

    /** No plug-ins: the benchmarks pass their activations as objects. */
    private static final Registries NONE = new Registries(
            Registry.of("activation", ActivationProvider.class, List.of()),
            Registry.of("loss", LossProvider.class, List.of()),
            Registry.of("optimizer", OptimizerProvider.class, List.of()),
            Registry.of("schedule", ScheduleProvider.class, List.of()));

    private static final Logger LOG = LoggerFactory.getLogger(TrainingFixture.class);
    private static final int POOL = 8;

    final Network network;
    final Loss loss;
    final double learningRate;
    private final DMatrixRMaj[] inputs;
    private final DMatrixRMaj[] targets;
    private long step;

    private TrainingFixture(
            Network network, Loss loss, double learningRate, DMatrixRMaj[] inputs, DMatrixRMaj[] targets) {
        this.network = network;
        this.loss = loss;
        this.learningRate = learningRate;
        this.inputs = inputs;
        this.targets = targets;
    }

    /**
     * A ReLU network with a softmax output and cross-entropy, e.g. {@code 784-128-10}, He-normal weights, on
     * random inputs in [0, 1) with one-hot targets, like MNIST's shapes.
     */
    static TrainingFixture mlp(String arch, int batch, String backend, long seed) {
        int[] widths = widths(arch);
        NetworkBuilder builder = Network.builder(NONE).input(widths[0]).backend(create(backend));
        for (int l = 1; l < widths.length; l++) {
            boolean last = l == widths.length - 1;
            builder.dense(widths[l], last ? new Softmax() : new Relu(), true);
        }
        Network network =
                builder.initializer(Initializers.heNormal()).seed(seed).build();
        Rng rng = new Rng(seed);
        DMatrixRMaj[] x = new DMatrixRMaj[POOL];
        DMatrixRMaj[] t = new DMatrixRMaj[POOL];
        int classes = widths[widths.length - 1];
        for (int i = 0; i < POOL; i++) {
            x[i] = new DMatrixRMaj(batch, widths[0]);
            for (int j = 0; j < x[i].data.length; j++) {
                x[i].data[j] = rng.nextDouble();
            }
            t[i] = new DMatrixRMaj(batch, classes);
            for (int r = 0; r < batch; r++) {
                t[i].set(r, rng.nextInt(classes), 1.0);
            }
        }
        return new TrainingFixture(network, new SoftmaxCrossEntropy(), 0.1, x, t);
    }

    /**
     * The 2-2-2 sigmoid network of the classic worked example (Matt Mazur's "A Step by Step Backpropagation
     * Example"): weights 0.15 … 0.55, biases 0.35 and 0.60, one sample (0.05, 0.10) with targets (0.01, 0.99),
     * squared error, learning rate 0.5.
     */
    static TrainingFixture tiny(String backend) {
        Network network = Network.builder(NONE)
                .input(2)
                .backend(create(backend))
                .dense(2, new Sigmoid(), true)
                .dense(2, new Sigmoid(), true)
                .build();
        network.layer(0).setWeights(new double[][] {{0.15, 0.25}, {0.20, 0.30}});
        network.layer(0).setBias(0.35, 0.35);
        network.layer(1).setWeights(new double[][] {{0.40, 0.50}, {0.45, 0.55}});
        network.layer(1).setBias(0.60, 0.60);
        DMatrixRMaj x = new DMatrixRMaj(new double[][] {{0.05, 0.10}});
        DMatrixRMaj t = new DMatrixRMaj(new double[][] {{0.01, 0.99}});
        return new TrainingFixture(network, new HalfSquaredError(), 0.5, new DMatrixRMaj[] {x}, new DMatrixRMaj[] {t});
    }

    /**
     * The named backend.
     *
     * @throws IllegalStateException if it cannot run here, e.g. {@code blas} without a native BLAS
     */
    static MatrixBackend create(String backend) {
        MatrixBackend created = MatrixBackends.discover().create(backend);
        LOG.info("Matrix backend: {} ({})", created.name(), created.description());
        return created;
    }

    private static int[] widths(String arch) {
        String[] parts = arch.split("-");
        int[] widths = new int[parts.length];
        for (int i = 0; i < parts.length; i++) {
            widths[i] = Integer.parseInt(parts[i].strip());
        }
        return widths;
    }

    /** The next batch's inputs. */
    DMatrixRMaj input() {
        return inputs[(int) (step % inputs.length)];
    }

    /** One training step on the next batch; returns the loss before the update. */
    double step() {
        int i = (int) (step % inputs.length);
        double value = network.computeTrainingGradients(inputs[i], targets[i], loss, step);
        List<Parameter> parameters = network.parameters();
        for (int p = 0; p < parameters.size(); p++) {
            double[] w = parameters.get(p).value().data;
            double[] g = parameters.get(p).gradient().data;
            int size = parameters.get(p).size();
            for (int j = 0; j < size; j++) {
                // W ← W − η ∂L/∂W
                w[j] -= learningRate * g[j];
            }
        }
        step++;
        return value;
    }

    /** Moves on to the next batch without training, for inference benchmarks. */
    void next() {
        step++;
    }
}
