package dev.backprop.spark;

import dev.backprop.core.init.Initializers;
import dev.backprop.core.network.LayerSpec;
import dev.backprop.core.network.Network;
import dev.backprop.core.network.NetworkBuilder;
import dev.backprop.core.network.NetworkSpec;
import dev.backprop.core.registry.Registries;
import dev.backprop.core.spi.MatrixBackend;
import java.io.Serializable;
import java.util.ArrayList;
import java.util.List;

/**
 * A network's architecture in a form Java serialization can ship: per layer its sizes, bias, dropout and the
 * activation by name. An executor rebuilds the network with its own registries; the weights travel separately,
 * as one flat array per step ({@link ParameterVector}).
 */
final class NetworkBlueprint implements Serializable {

    private static final long serialVersionUID = 1L;

    private final int[] in;
    private final int[] out;
    private final boolean[] bias;
    private final double[] dropout;
    private final ComponentForm[] activations;

    private NetworkBlueprint(int[] in, int[] out, boolean[] bias, double[] dropout, ComponentForm[] activations) {
        this.in = in;
        this.out = out;
        this.bias = bias;
        this.dropout = dropout;
        this.activations = activations;
    }

    static NetworkBlueprint of(NetworkSpec spec) {
        int layers = spec.layers().size();
        int[] in = new int[layers];
        int[] out = new int[layers];
        boolean[] bias = new boolean[layers];
        double[] dropout = new double[layers];
        ComponentForm[] activations = new ComponentForm[layers];
        for (int l = 0; l < layers; l++) {
            LayerSpec layer = spec.layers().get(l);
            in[l] = layer.in();
            out[l] = layer.out();
            bias[l] = layer.bias();
            dropout[l] = layer.dropout();
            activations[l] = ComponentForm.of(layer.activation());
        }
        return new NetworkBlueprint(in, out, bias, dropout, activations);
    }

    /** The architecture. */
    NetworkSpec spec() {
        List<LayerSpec> layers = new ArrayList<>(in.length);
        for (int l = 0; l < in.length; l++) {
            layers.add(new LayerSpec(in[l], out[l], bias[l], activations[l].spec(), dropout[l]));
        }
        return new NetworkSpec(layers);
    }

    /**
     * A network of this architecture with its activations from the registries and zero weights, to be
     * overwritten with {@link ParameterVector#setValues}, on the JVM's default matrix backend.
     */
    Network build(Registries registries) {
        return NetworkBuilder.fromSpec(spec(), registries, Initializers.zeros(), 0);
    }

    /** As {@link #build(Registries)}, with its products computed by the given backend. */
    Network build(Registries registries, MatrixBackend backend) {
        NetworkBuilder builder = Network.builder(registries)
                .initializer(Initializers.zeros())
                .seed(0)
                .backend(backend);
        for (LayerSpec layer : spec().layers()) {
            builder.layer(layer);
        }
        return builder.build();
    }
}
