package dev.backprop.examples.cli;

import dev.backprop.core.init.Initializer;
import dev.backprop.core.init.Initializers;
import dev.backprop.core.network.NetworkBuilder;
import dev.backprop.core.registry.Registries;
import dev.backprop.core.spi.ComponentSpec;
import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import java.util.Locale;
import java.util.Set;
import picocli.CommandLine;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Option;
import picocli.CommandLine.Spec;

/**
 * The options that shape a network's hidden part: layer sizes, their activation and how weights start. The
 * command adds the output layer its task needs. Defaults come from each command's {@link CommandDefaults}.
 */
public final class NetworkOptions {

    @Spec(Spec.Target.MIXEE)
    private CommandSpec mixee;

    @Option(
            names = "--hidden",
            paramLabel = "N[,N...]",
            description =
                    "Hidden layer sizes, e.g. 128,64; 'none'" + " for no hidden layer (default: ${DEFAULT-VALUE}).")
    private String hidden;

    @Option(
            names = "--activation",
            paramLabel = "SPEC",
            description = "Activation of the hidden layers, e.g. relu,"
                    + " tanh, leaky-relu(alpha=0.1); see 'bp plugins' (default: ${DEFAULT-VALUE}).")
    private String activation;

    @Option(
            names = "--init",
            paramLabel = "NAME",
            description = "Weight initialiser: he-normal, he-uniform,"
                    + " xavier-normal, xavier-uniform, lecun-normal, lecun-uniform, zeros, or normal(std=S) (default:"
                    + " ${DEFAULT-VALUE}).")
    private String init;

    /** Options read by picocli. */
    public NetworkOptions() {}

    /**
     * The hidden layer sizes, in order; empty for none.
     *
     * @throws CommandLine.ParameterException naming the value when a size is not a positive integer
     */
    public List<Integer> hiddenSizes() {
        String text = hidden == null ? "" : hidden.strip();
        if (text.isEmpty() || text.equalsIgnoreCase("none")) {
            return List.of();
        }
        List<Integer> sizes = new ArrayList<>();
        for (String part : text.split(",", -1)) {
            try {
                int size = OptionChecks.layerSize(part);
                if (size < 1) {
                    throw new NumberFormatException();
                }
                sizes.add(size);
            } catch (NumberFormatException e) {
                throw new CommandLine.ParameterException(
                        mixee.commandLine(),
                        "--hidden takes positive layer sizes"
                                + " separated by commas, e.g. 128,64; '" + part.strip() + "' in '" + hidden
                                + "' is not one");
            }
        }
        OptionChecks.matrixSizes(mixee, "--hidden", hidden, sizes);
        return Collections.unmodifiableList(sizes);
    }

    /**
     * Checks every option before any data are loaded: the sizes, the activation (created once from the registries,
     * which checks its name and parameters) and the initialiser.
     *
     * @throws CommandLine.ParameterException for sizes that are not positive integers, an unknown initialiser or a
     *                                        parameter the activation or initialiser refuses (exit code 2)
     * @throws IllegalArgumentException       for an unknown activation (a plug-in may be missing; exit code 3)
     */
    public void validate(Registries registries) {
        hiddenSizes();
        if (!hiddenSizes().isEmpty()) {
            OptionChecks.component(
                    mixee,
                    "--activation",
                    activation,
                    () -> registries.activations().create(ComponentSpec.parse(activation)));
        }
        OptionChecks.component(mixee, "--init", init, this::initializer);
    }

    /** The hidden activation as given. */
    public String activation() {
        return activation;
    }

    /**
     * The weight initialiser: one of {@link Initializers#names()}, or {@code normal(std=S)} (mean 0) or
     * {@code normal(mean=M,std=S)}.
     *
     * @throws IllegalArgumentException naming the value when it is not one of them
     */
    public Initializer initializer() {
        ComponentSpec spec = ComponentSpec.parse(init);
        if (spec.name().toLowerCase(Locale.ROOT).equals("normal")) {
            spec.config().requireOnly("initialiser 'normal'", Set.of("mean", "std"));
            return Initializers.normal(
                    spec.config().getDouble("mean", 0), spec.config().getDouble("std", 0.01));
        }
        if (!spec.config().isEmpty()) {
            throw new IllegalArgumentException(
                    "initialiser '" + spec.name() + "' takes no parameters, got '" + init + "'");
        }
        return Initializers.named(spec.name());
    }

    /** The initialiser as given, for printing. */
    public String initializerName() {
        return init;
    }

    /**
     * Adds the hidden layers to a builder that has its input size, and sets the initialiser.
     *
     * @return the builder
     */
    public NetworkBuilder addHiddenLayers(NetworkBuilder builder) {
        for (int size : hiddenSizes()) {
            builder.dense(size, activation);
        }
        return builder.initializer(initializer());
    }
}
