package dev.backprop.bench;

import dev.backprop.core.backend.MatrixBackends;
import dev.backprop.core.init.Initializers;
import dev.backprop.core.network.Network;
import dev.backprop.core.network.NetworkBuilder;
import dev.backprop.core.random.Rng;
import dev.backprop.core.registry.Registries;
import dev.backprop.core.spi.ComponentSpec;
import dev.backprop.core.spi.Loss;
import dev.backprop.core.spi.MatrixBackend;
import dev.backprop.core.spi.Optimizer;
import org.ejml.data.DMatrixRMaj;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * A network, its loss, its optimizer and a pool of batches, and the training step the benchmarks time:
 * forward, loss, backward ({@link Network#computeTrainingGradients}), then the optimizer's update, as the
 * {@code bench} command of bp-examples times it. Activations, losses and optimizers are the shipped plug-ins
 * (bp-activations, bp-losses, bp-optim), found by name with {@link Registries#discover()}, so the benchmarks
 * measure what users run.
 */
final class TrainingFixture {

    private static final Logger LOG = LoggerFactory.getLogger(TrainingFixture.class);
    private static final int POOL = 8;

    final Network network;
    final Loss loss;
    final Optimizer optimizer;
    private final DMatrixRMaj[] inputs;
    private final DMatrixRMaj[] targets;
    private long step;

    private TrainingFixture(
            Network network, Loss loss, Optimizer optimizer, DMatrixRMaj[] inputs, DMatrixRMaj[] targets) {
        this.network = network;
        this.loss = loss;
        this.optimizer = optimizer;
        this.inputs = inputs;
        this.targets = targets;
        optimizer.initialise(network.parameters());
    }

    /**
     * A ReLU network with a softmax output, categorical cross-entropy and SGD (learning rate 0.1), e.g.
     * {@code 784-128-10}, He-normal weights, on random inputs in [0, 1) with one-hot targets, like MNIST's
     * shapes.
     *
     * @param threads threads per product for the pure-Java backend; 0 for the backend's default
     */
    static TrainingFixture mlp(String arch, int batch, String backend, int threads, long seed) {
        return mlp(arch, batch, backend, threads, seed, "sgd(lr=0.1)");
    }

    /** As {@link #mlp(String, int, String, int, long)} with the optimizer given by name and parameters. */
    static TrainingFixture mlp(String arch, int batch, String backend, int threads, long seed, String optimizer) {
        Registries registries = Registries.discover();
        int[] widths = widths(arch);
        NetworkBuilder builder = Network.builder(registries).input(widths[0]).backend(create(backend, threads));
        for (int l = 1; l < widths.length; l++) {
            boolean last = l == widths.length - 1;
            builder.dense(widths[l], last ? "softmax" : "relu");
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
        Loss loss = registries.losses().create(ComponentSpec.parse("categorical-cross-entropy"));
        Optimizer opt = registries.optimizers().create(ComponentSpec.parse(optimizer));
        return new TrainingFixture(network, loss, opt, x, t);
    }

    /**
     * The 2-2-2 sigmoid network of the classic worked example (Matt Mazur's "A Step by Step Backpropagation
     * Example"): weights 0.15 … 0.55, biases 0.35 and 0.60, one sample (0.05, 0.10) with targets (0.01, 0.99),
     * half the sum of squared errors, SGD with learning rate 0.5.
     */
    static TrainingFixture tiny(String backend) {
        Registries registries = Registries.discover();
        Network network = Network.builder(registries)
                .input(2)
                .backend(create(backend, 0))
                .dense(2, "sigmoid")
                .dense(2, "sigmoid")
                .build();
        network.layer(0).setWeights(new double[][] {{0.15, 0.25}, {0.20, 0.30}});
        network.layer(0).setBias(0.35, 0.35);
        network.layer(1).setWeights(new double[][] {{0.40, 0.50}, {0.45, 0.55}});
        network.layer(1).setBias(0.60, 0.60);
        DMatrixRMaj x = new DMatrixRMaj(new double[][] {{0.05, 0.10}});
        DMatrixRMaj t = new DMatrixRMaj(new double[][] {{0.01, 0.99}});
        return new TrainingFixture(
                network,
                registries.losses().create(ComponentSpec.parse("half-sse")),
                registries.optimizers().create(ComponentSpec.parse("sgd(lr=0.5)")),
                new DMatrixRMaj[] {x},
                new DMatrixRMaj[] {t});
    }

    /**
     * The named backend; for {@code ejml} with {@code threads} threads per product when that is positive.
     *
     * @throws IllegalStateException if it cannot run here, e.g. {@code blas} without a native BLAS
     */
    static MatrixBackend create(String backend, int threads) {
        MatrixBackend created = MatrixBackends.discover().create(backend);
        if (threads > 0 && MatrixBackends.builtInThreads(created).isPresent()) {
            created = MatrixBackends.builtIn(threads);
        }
        LOG.info("Matrix backend: {} ({})", created.name(), created.description());
        return created;
    }

    private static int[] widths(String arch) {
        String[] parts = arch.split("-", 0);
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
        // e.g. for SGD: W ← W − η ∂L/∂W
        optimizer.step(network.parameters(), optimizer.learningRate());
        step++;
        return value;
    }

    /** Moves on to the next batch without training, for inference benchmarks. */
    void next() {
        step++;
    }
}
