package dev.backprop.core.network;

import dev.backprop.core.init.Initializer;
import dev.backprop.core.random.Rng;
import dev.backprop.core.registry.Registries;
import dev.backprop.core.spi.Activation;
import dev.backprop.core.spi.FusedGradient;
import dev.backprop.core.spi.Loss;
import dev.backprop.core.spi.MatrixBackend;
import dev.backprop.core.spi.Parameter;
import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import java.util.Objects;
import java.util.concurrent.atomic.AtomicBoolean;
import org.ejml.data.DMatrixRMaj;

/**
 * A feed-forward network of dense layers, trained by backpropagation in matrix form with samples in rows.
 *
 * <p>For layers l = 0 … L−1 with input {@code A₋₁ = X}:
 * <pre>
 *   forward:   Z_l = A_{l−1} W_l + 1 b_l,   A_l = f_l(Z_l)
 *   backward:  dZ_{L−1} = J_f(Z)^T ∂L/∂A_{L−1}   (or the loss's fused ∂L/∂Z)
 *              dW_l = A_{l−1}^T dZ_l,   db_l = 1^T dZ_l,   dA_{l−1} = dZ_l W_l^T,   dZ_{l−1} = J_f(Z_{l−1})^T dA_{l−1}
 * </pre>
 *
 * <p>The matrix products of both passes run on the network's {@link MatrixBackend}, chosen when the network
 * is built (see {@link NetworkBuilder#backend(String)}).
 *
 * <p>The network owns the workspaces of both passes, including the backend's scratch memory (a
 * {@link MatrixBackend#confined() confined} view of the backend, freed with the network); matrices it returns
 * ({@link #forward}, gradients) are its own and are overwritten by the next call.
 *
 * <p><b>Threads.</b> Training and {@link #forward} use those workspaces and are for one thread at a time;
 * {@link #forward} called from a second thread while it runs on another throws an
 * {@link IllegalStateException} rather than return wrong numbers. To serve a trained network from many threads
 * use {@link #predict(DMatrixRMaj, DMatrixRMaj)}, which is thread-safe, or give each thread a
 * {@link #predictor()}; both read the weights in place (no copy) and give bit for bit what {@link #forward}
 * gives. The weights must not change while they run. {@link #copy()} makes an independent network.
 */
public final class Network {

    private final NetworkSpec spec;
    private final MatrixBackend backend;
    private final MatrixBackend products;
    private final List<DenseLayer> layers;
    private final List<Parameter> parameters;
    private final DMatrixRMaj outputGradient = new DMatrixRMaj(1, 1);
    private final Rng dropoutRng = new Rng(0);
    private final long dropoutSeed;
    private final boolean hasDropout;
    /** Whether {@link #forward} (or a training forward pass) is running, to detect a second thread. */
    private final AtomicBoolean running = new AtomicBoolean();
    /** Idle predictors for {@link #predict(DMatrixRMaj, DMatrixRMaj)}, created on first use. */
    private final PredictorPool idlePredictors =
            new PredictorPool(Math.max(4, 2 * Runtime.getRuntime().availableProcessors()));

    private Loss fusedFor;
    private FusedGradient fused;

    /**
     * A network with the given architecture, its weights drawn by the initialiser and its biases zero.
     *
     * @param spec        the architecture
     * @param activations the layers' activations, one per layer, in order
     * @param initializer fills each W
     * @param seed        layer l draws its weights from {@code Rng.derive(seed, l)}
     * @param dropoutSeed dropout masks of step s are drawn from {@code Rng.derive(dropoutSeed, s)}
     * @param backend     computes the matrix products of every layer
     */
    Network(
            NetworkSpec spec,
            List<Activation> activations,
            Initializer initializer,
            long seed,
            long dropoutSeed,
            MatrixBackend backend) {
        this.spec = spec;
        this.backend = Objects.requireNonNull(backend, "backend");
        this.products = backend.confined();
        if (activations.size() != spec.layers().size()) {
            throw new IllegalArgumentException(
                    spec.layers().size() + " layers but " + activations.size() + " activations");
        }
        List<DenseLayer> built = new ArrayList<>();
        List<Parameter> params = new ArrayList<>();
        boolean dropout = false;
        for (int i = 0; i < spec.layers().size(); i++) {
            DenseLayer layer = new DenseLayer(i, spec.layers().get(i), activations.get(i), products);
            initializer.fill(layer.weights(), new Rng(Rng.derive(seed, i)));
            built.add(layer);
            params.addAll(layer.parameters());
            dropout |= spec.layers().get(i).dropout() > 0;
        }
        this.layers = Collections.unmodifiableList(built);
        this.parameters = Collections.unmodifiableList(params);
        this.dropoutSeed = dropoutSeed;
        this.hasDropout = dropout;
    }

    /** A builder that resolves activation names in {@link Registries#discover()}. */
    public static NetworkBuilder builder() {
        return new NetworkBuilder(null);
    }

    /** A builder that resolves activation names in the given registries. */
    public static NetworkBuilder builder(Registries registries) {
        return new NetworkBuilder(Objects.requireNonNull(registries, "registries"));
    }

    /** The architecture. */
    public NetworkSpec spec() {
        return spec;
    }

    /** The backend that computes the matrix products of every layer. */
    public MatrixBackend backend() {
        return backend;
    }

    /** The layers, in order. */
    public List<DenseLayer> layers() {
        return layers;
    }

    /** Layer {@code index}. */
    public DenseLayer layer(int index) {
        if (index < 0 || index >= layers.size()) {
            throw new IndexOutOfBoundsException(
                    "Layer " + index + " requested; the network has layers 0.." + (layers.size() - 1));
        }
        return layers.get(index);
    }

    /** The number of layers. */
    public int layerCount() {
        return layers.size();
    }

    /** Inputs per sample. */
    public int inputSize() {
        return spec.inputSize();
    }

    /** Outputs per sample. */
    public int outputSize() {
        return spec.outputSize();
    }

    /** Every trainable array in layer order (W then b of each layer), with its gradient. */
    public List<Parameter> parameters() {
        return parameters;
    }

    /** The activation of the last layer. */
    public Activation outputActivation() {
        return layers.get(layers.size() - 1).activation();
    }

    /**
     * Inference: the outputs for a batch, without dropout.
     *
     * @param x n × inputSize, samples in rows. Not modified.
     * @return n × outputSize; the network's own matrix, overwritten by the next call
     * @throws IllegalArgumentException naming the expected and the actual shape
     */
    public DMatrixRMaj forward(DMatrixRMaj x) {
        return run(x, false, 0);
    }

    /**
     * Training forward pass: like {@link #forward} but with dropout active, the masks drawn from a stream
     * fixed by the network's seed and {@code step}, so a run repeated or resumed draws the same masks.
     */
    public DMatrixRMaj forwardTraining(DMatrixRMaj x, long step) {
        return run(x, true, step);
    }

    private DMatrixRMaj run(DMatrixRMaj x, boolean training, long step) {
        checkInput(x);
        if (!running.compareAndSet(false, true)) {
            throw new IllegalStateException(
                    "Network.forward was called from " + Thread.currentThread().getName()
                            + " while another thread was running it: a network's forward pass and training use the"
                            + " network's own workspaces. To predict from several threads use network.predict(x, output)"
                            + " or one network.predictor() per thread");
        }
        try {
            Rng rng = null;
            if (training && hasDropout) {
                dropoutRng.reseed(Rng.derive(dropoutSeed, step));
                rng = dropoutRng;
            }
            DMatrixRMaj a = x;
            for (int l = 0; l < layers.size(); l++) {
                DenseLayer layer = layers.get(l);
                layer.forward(a, rng);
                a = layer.output();
            }
            return a;
        } finally {
            running.set(false);
        }
    }

    /** Checks that {@code x} is a non-empty batch of inputs of this network's width. */
    void checkInput(DMatrixRMaj x) {
        if (x.numCols != spec.inputSize()) {
            throw new IllegalArgumentException("Layer 0 expects input of shape (n, " + spec.inputSize() + ") but got ("
                    + x.numRows + ", " + x.numCols + ")");
        }
        if (x.numRows < 1) {
            throw new IllegalArgumentException("Layer 0 got an empty batch of shape (0, " + x.numCols + ")");
        }
    }

    /**
     * Thread-safe inference: the outputs for a batch, without dropout, written into {@code output}; bit for bit
     * what {@link #forward} gives. Any number of threads may call it at once: each call borrows an idle
     * {@link Predictor} of this network (or makes one), and returns it after, so the network keeps at most a few
     * idle predictors (twice the processors), freed with the network; steady use allocates nothing.
     *
     * @param x      n × inputSize, samples in rows. Not modified.
     * @param output reshaped to n × outputSize. Modified. Must not be {@code x}.
     * @throws IllegalArgumentException naming the expected and the actual shape
     */
    public void predict(DMatrixRMaj x, DMatrixRMaj output) {
        if (output == x) {
            throw new IllegalArgumentException(
                    "The output of predict must not be its input x (" + x.numRows + "x" + x.numCols + ")");
        }
        Predictor predictor = idlePredictors.take();
        if (predictor == null) {
            predictor = new Predictor(this);
        }
        try {
            predictor.predict(x, output);
        } finally {
            idlePredictors.give(predictor);
        }
    }

    /**
     * A new {@link Predictor}: inference for one thread, with workspaces of its own, reading this network's
     * weights in place.
     */
    public Predictor predictor() {
        return new Predictor(this);
    }

    /**
     * Backward pass from {@code ∂L/∂A} of the last layer, after a forward pass on the same batch: fills every
     * layer's weight and bias gradients and, if asked, {@link #inputGradient()}.
     *
     * @param outputGradient n × outputSize. Not modified.
     * @param wantInputGradient whether to compute ∂L/∂X for the network's input
     * @throws IllegalArgumentException naming the expected and the actual shape
     */
    public void backward(DMatrixRMaj outputGradient, boolean wantInputGradient) {
        DMatrixRMaj out = layers.get(layers.size() - 1).output();
        if (outputGradient.numRows != out.numRows || outputGradient.numCols != out.numCols) {
            throw new IllegalArgumentException("Layer " + (layers.size() - 1) + " output is (" + out.numRows + ", "
                    + out.numCols + ") but the output gradient is (" + outputGradient.numRows + ", "
                    + outputGradient.numCols + ")");
        }
        int last = layers.size() - 1;
        layers.get(last).backwardFromOutput(outputGradient, wantInputGradient || last > 0);
        propagate(last, wantInputGradient);
    }

    private void propagate(int from, boolean wantInputGradient) {
        for (int l = from - 1; l >= 0; l--) {
            // dA_l = dZ_{l+1} W_{l+1}^T was left in layer l+1's input gradient
            layers.get(l).backwardFromOutput(layers.get(l + 1).inputGradient(), wantInputGradient || l > 0);
        }
    }

    /**
     * The loss of a batch and, in every parameter's gradient, its derivative: forward, loss, backward. When the
     * loss declares a fused gradient with the output activation, the engine uses it.
     *
     * @param x      n × inputSize. Not modified.
     * @param target the targets the loss expects. Not modified.
     * @param loss   the loss
     * @param wantInputGradient whether to compute ∂L/∂X too
     * @return the loss value
     */
    public double computeGradients(DMatrixRMaj x, DMatrixRMaj target, Loss loss, boolean wantInputGradient) {
        DMatrixRMaj output = forward(x);
        return backwardLoss(output, target, loss, wantInputGradient);
    }

    /**
     * As {@link #computeGradients}, with dropout active as in {@link #forwardTraining(DMatrixRMaj, long)}.
     */
    public double computeTrainingGradients(DMatrixRMaj x, DMatrixRMaj target, Loss loss, long step) {
        DMatrixRMaj output = forwardTraining(x, step);
        return backwardLoss(output, target, loss, false);
    }

    /**
     * Loss and backward pass for the output of the forward pass just run, using the fused gradient when the
     * loss declares one for the output activation (which reads the last layer's own workspaces, not
     * {@code output}). Private: callers use {@link #computeGradients} and {@link #computeTrainingGradients},
     * which pass the output of their own forward pass.
     */
    private double backwardLoss(DMatrixRMaj output, DMatrixRMaj target, Loss loss, boolean wantInputGradient) {
        if (target.numRows != output.numRows) {
            throw new IllegalArgumentException("The batch has " + output.numRows + " samples but the targets have "
                    + target.numRows + " rows (targets " + target.numRows + "x" + target.numCols + ", output "
                    + output.numRows + "x" + output.numCols + ")");
        }
        loss.validate(output, target);
        double value = loss.value(output, target);
        FusedGradient f = fusedGradient(loss);
        int last = layers.size() - 1;
        if (f != null) {
            layers.get(last).backwardFused(f, target, wantInputGradient || last > 0);
            propagate(last, wantInputGradient);
        } else {
            outputGradient.reshape(output.numRows, output.numCols);
            // G = ∂L/∂A of the last layer
            loss.gradient(output, target, outputGradient);
            backward(outputGradient, wantInputGradient);
        }
        return value;
    }

    private FusedGradient fusedGradient(Loss loss) {
        if (loss != fusedFor) {
            fused = loss.fusedWith(outputActivation()).orElse(null);
            fusedFor = loss;
        }
        return fused;
    }

    /** Whether the engine would use a fused gradient for this loss after this network's output activation. */
    public boolean usesFusedGradient(Loss loss) {
        return fusedGradient(loss) != null;
    }

    /** ∂L/∂X for the input of the last backward pass that asked for it, n × inputSize. */
    public DMatrixRMaj inputGradient() {
        return layers.get(0).inputGradient();
    }

    /**
     * An independent network with the same architecture, activations, parameter values and matrix backend,
     * and its own workspaces.
     */
    public Network copy() {
        return withDropoutSeed(dropoutSeed);
    }

    /** The seed of the dropout masks: the masks of step s are drawn from {@code Rng.derive(dropoutSeed, s)}. */
    public long dropoutSeed() {
        return dropoutSeed;
    }

    /**
     * A {@link #copy()} whose dropout masks come from another seed; checkpoints use it to give a reloaded network
     * the masks of the run that saved it.
     */
    public Network withDropoutSeed(long seed) {
        List<Activation> activations = new ArrayList<>();
        layers.forEach(l -> activations.add(l.activation()));
        Network copy = new Network(spec, activations, (w, rng) -> {}, 0, seed, backend);
        copy.copyParametersFrom(this);
        return copy;
    }

    /**
     * Copies every parameter value from a network of the same architecture.
     *
     * @throws IllegalArgumentException if the architectures differ
     */
    public void copyParametersFrom(Network other) {
        if (!other.spec.equals(spec)) {
            throw new IllegalArgumentException("Cannot copy parameters from a " + other.spec.shape()
                    + " network into a " + spec.shape() + " network with other layers");
        }
        for (int i = 0; i < parameters.size(); i++) {
            parameters.get(i).value().setTo(other.parameters.get(i).value());
        }
    }
}
