package dev.backprop.core.network;

import dev.backprop.core.backend.MatrixBackends;
import dev.backprop.core.init.Initializer;
import dev.backprop.core.init.Initializers;
import dev.backprop.core.random.Rng;
import dev.backprop.core.registry.Registries;
import dev.backprop.core.spi.Activation;
import dev.backprop.core.spi.ComponentSpec;
import dev.backprop.core.spi.MatrixBackend;
import java.util.ArrayList;
import java.util.List;
import java.util.Objects;

/**
 * Builds a {@link Network} layer by layer and checks it: every layer must take as many inputs as the one
 * before gives outputs. Activations are given by name (resolved in the registries) or as objects.
 *
 * <pre>{@code
 * Network net = Network.builder()
 *         .input(784)
 *         .dense(50, "relu")
 *         .dense(10, "softmax")
 *         .initializer(Initializers.heNormal())
 *         .seed(42)
 *         .build();
 * }</pre>
 *
 * <p>The matrix backend is, in order: the one given to {@link #backend(MatrixBackend)} or named in
 * {@link #backend(String)}; else the JVM-wide {@link MatrixBackends#defaultBackend()}, which honours the system
 * property {@code bp.backend} and otherwise takes the available backend with the highest priority.
 */
public final class NetworkBuilder {

    private Registries registries;
    private final List<LayerSpec> specs = new ArrayList<>();
    private final List<Activation> givenActivations = new ArrayList<>();
    private int inputSize = -1;
    private Initializer initializer = Initializers.xavierUniform();
    private long seed = 0;
    private MatrixBackend backend;
    private String backendName;

    NetworkBuilder(Registries registries) {
        this.registries = registries;
    }

    /** The number of inputs per sample; needed before {@link #dense} when no explicit layer came first. */
    public NetworkBuilder input(int size) {
        if (size < 1) {
            throw new IllegalArgumentException("Input size must be at least 1, got " + size);
        }
        if (!specs.isEmpty()) {
            throw new IllegalStateException("input(...) must come before the first layer");
        }
        this.inputSize = size;
        return this;
    }

    /** A dense layer with a bias, taking the previous layer's outputs, with the named activation. */
    public NetworkBuilder dense(int out, String activation) {
        return dense(out, ComponentSpec.parse(activation), true);
    }

    /** A dense layer taking the previous layer's outputs, with the named activation. */
    public NetworkBuilder dense(int out, String activation, boolean bias) {
        return dense(out, ComponentSpec.parse(activation), bias);
    }

    /** A dense layer taking the previous layer's outputs, with the activation given by name and parameters. */
    public NetworkBuilder dense(int out, ComponentSpec activation, boolean bias) {
        return layer(new LayerSpec(nextIn(), out, bias, activation), null);
    }

    /** A dense layer taking the previous layer's outputs, with an activation object. */
    public NetworkBuilder dense(int out, Activation activation, boolean bias) {
        Objects.requireNonNull(activation, "activation");
        return layer(new LayerSpec(nextIn(), out, bias, activation.spec()), activation);
    }

    /**
     * A layer given as seed 000's triple (in, out, bias) with its activation's name.
     *
     * @throws IllegalArgumentException if {@code in} differs from the previous layer's {@code out}, naming the
     *                                  layer index and both numbers
     */
    public NetworkBuilder layer(int in, int out, boolean bias, String activation) {
        return layer(new LayerSpec(in, out, bias, ComponentSpec.parse(activation)));
    }

    /** A layer from its full description; checked like {@link #layer(int, int, boolean, String)}. */
    public NetworkBuilder layer(LayerSpec spec) {
        return layer(spec, null);
    }

    private NetworkBuilder layer(LayerSpec spec, Activation activation) {
        int index = specs.size();
        int expected = specs.isEmpty() ? inputSize : specs.get(index - 1).out();
        if (expected > 0 && spec.in() != expected) {
            String source = specs.isEmpty()
                    ? "the input has " + expected + " features"
                    : "layer " + (index - 1) + " gives out=" + expected + " outputs";
            throw new IllegalArgumentException("Layer " + index + " takes in=" + spec.in() + " inputs but " + source);
        }
        specs.add(spec);
        givenActivations.add(activation);
        return this;
    }

    /**
     * Dropout on the outputs of the layer added last: each output is zeroed with probability {@code rate}
     * while training and kept ones are scaled by 1 / (1 − rate).
     */
    public NetworkBuilder dropout(double rate) {
        if (specs.isEmpty()) {
            throw new IllegalStateException("dropout(...) applies to the layer added last; add a layer first");
        }
        int last = specs.size() - 1;
        LayerSpec s = specs.get(last);
        specs.set(last, new LayerSpec(s.in(), s.out(), s.bias(), s.activation(), rate));
        return this;
    }

    /** How weights are drawn; Xavier uniform by default. Biases start at zero. */
    public NetworkBuilder initializer(Initializer initializer) {
        this.initializer = Objects.requireNonNull(initializer, "initializer");
        return this;
    }

    /** The seed for weights and dropout masks; 0 by default. The same seed gives bit-identical weights. */
    public NetworkBuilder seed(long seed) {
        this.seed = seed;
        return this;
    }

    /**
     * The matrix backend by name, e.g. {@code ejml} or {@code blas}, found with
     * {@link MatrixBackends#discover()} when the network is built. Without this call the default applies (see
     * the class comment).
     */
    public NetworkBuilder backend(String name) {
        this.backendName = Objects.requireNonNull(name, "backend name");
        this.backend = null;
        return this;
    }

    /** The matrix backend to use, e.g. one made with {@link MatrixBackends#create(String)}. */
    public NetworkBuilder backend(MatrixBackend backend) {
        this.backend = Objects.requireNonNull(backend, "backend");
        this.backendName = null;
        return this;
    }

    /** The registries that resolve activation names. */
    public NetworkBuilder registries(Registries registries) {
        this.registries = Objects.requireNonNull(registries, "registries");
        return this;
    }

    /**
     * Builds the network, creating named activations from the registries.
     *
     * @throws IllegalArgumentException if a backend was named that is not installed, listing those that are
     * @throws IllegalStateException    if the named backend cannot run here
     */
    public Network build() {
        NetworkSpec spec = new NetworkSpec(specs);
        List<Activation> activations = new ArrayList<>();
        for (int i = 0; i < specs.size(); i++) {
            Activation given = givenActivations.get(i);
            activations.add(
                    given != null
                            ? given
                            : registries().activations().create(specs.get(i).activation()));
        }
        return new Network(spec, activations, initializer, Rng.derive(seed, 0), Rng.derive(seed, 1), backend());
    }

    private MatrixBackend backend() {
        if (backend != null) {
            return backend;
        }
        if (backendName != null) {
            return MatrixBackends.discover().create(backendName);
        }
        return MatrixBackends.defaultBackend();
    }

    private Registries registries() {
        if (registries == null) {
            registries = Registries.discover();
        }
        return registries;
    }

    private int nextIn() {
        if (specs.isEmpty()) {
            if (inputSize < 1) {
                throw new IllegalStateException("Call input(size) before the first dense(...) layer");
            }
            return inputSize;
        }
        return specs.get(specs.size() - 1).out();
    }

    /**
     * A network for an architecture, e.g. one read from a model file, with activations from the registries and
     * weights drawn as {@link #build()} would, on the default matrix backend.
     */
    public static Network fromSpec(NetworkSpec spec, Registries registries, Initializer initializer, long seed) {
        List<Activation> activations = new ArrayList<>();
        for (LayerSpec layer : spec.layers()) {
            activations.add(registries.activations().create(layer.activation()));
        }
        return new Network(
                spec,
                activations,
                initializer,
                Rng.derive(seed, 0),
                Rng.derive(seed, 1),
                MatrixBackends.defaultBackend());
    }
}
