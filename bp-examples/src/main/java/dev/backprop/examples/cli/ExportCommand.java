package dev.backprop.examples.cli;

import dev.backprop.core.network.Network;
import dev.backprop.core.registry.Registries;
import dev.backprop.core.spi.OnnxGraph;
import dev.backprop.examples.support.ModelArchive;
import dev.backprop.examples.support.ModelInfo;
import dev.backprop.examples.support.SavedModel;
import dev.backprop.onnx.AffineScaling;
import dev.backprop.onnx.ExportOptions;
import dev.backprop.onnx.OnnxExport;
import dev.backprop.onnx.ServingModel;
import java.io.IOException;
import java.io.PrintWriter;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Locale;
import java.util.Map;
import picocli.CommandLine;
import picocli.CommandLine.Command;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Option;
import picocli.CommandLine.Spec;

/**
 * Converts a model saved by a training command's {@code --save} into an ONNX model that ONNX Runtime and other
 * model servers run: the saved input scaler in front, the network, the target scaler undone behind, the class
 * names as metadata. The ONNX model takes raw rows, as {@code bp predict} does, and gives what it prints.
 */
@Command(
        name = "export",
        mixinStandardHelpOptions = true,
        description = {
            "Export a saved model to ONNX, for ONNX Runtime and other model servers.",
            "The ONNX model takes raw input rows (the saved scaler is part of the graph) as its input 'input'"
                    + " [batch, inputs] and gives 'output' [batch, outputs]: class probabilities, or values in the"
                    + " target's units. Class names are in the metadata entry bp.classes."
        })
public final class ExportCommand implements Runnable {

    private static final Map<String, OnnxGraph.ElementType> DTYPES =
            Map.of("float32", OnnxGraph.ElementType.FLOAT, "float64", OnnxGraph.ElementType.DOUBLE);

    @Spec
    private CommandSpec spec;

    @Option(names = "--model", paramLabel = "FILE", required = true, description = "A model file written by --save.")
    private Path model;

    @Option(names = "--onnx", paramLabel = "FILE", required = true, description = "The ONNX file to write.")
    private Path onnx;

    @Option(
            names = "--opset",
            paramLabel = "N",
            defaultValue = "" + ExportOptions.DEFAULT_OPSET,
            description = "ONNX operator set version, " + ExportOptions.MIN_OPSET + " to " + ExportOptions.MAX_OPSET
                    + " (default: ${DEFAULT-VALUE}).")
    private int opset;

    @Option(
            names = "--dtype",
            paramLabel = "TYPE",
            defaultValue = "float32",
            description = "float32 (default, for serving) or float64 (results equal to bp's to rounding).")
    private String dtype;

    /** A command for picocli. */
    public ExportCommand() {}

    @Override
    public void run() {
        OnnxGraph.ElementType type = DTYPES.get(dtype.strip().toLowerCase(Locale.ROOT));
        if (type == null) {
            throw new CommandLine.ParameterException(
                    spec.commandLine(), "--dtype must be float32 or float64, got '" + dtype + "'");
        }
        ExportOptions options;
        try {
            options = new ExportOptions(opset, type);
        } catch (IllegalArgumentException e) {
            throw new CommandLine.ParameterException(spec.commandLine(), "--opset: " + e.getMessage());
        }
        SavedModel saved = ModelArchive.load(model, Registries.discover());
        ModelInfo info = saved.info();
        Network network = saved.network();
        ServingModel serving = ServingModel.of(network)
                .withClassNames(info.classNames())
                .withMetadata("bp.command", info.command())
                .withMetadata("bp.task", info.task().name().toLowerCase(Locale.ROOT));
        if (info.featureScaler().isPresent()) {
            var s = info.featureScaler().get();
            serving = serving.withInputScaling(AffineScaling.fromState(s.name(), s.state()));
        }
        if (info.targetScaler().isPresent()) {
            var s = info.targetScaler().get();
            serving = serving.withTargetScaling(AffineScaling.fromState(s.name(), s.state()));
        }
        Path parent = onnx.toAbsolutePath().getParent();
        try {
            if (parent != null && !Files.isDirectory(parent)) {
                Files.createDirectories(parent);
            }
        } catch (IOException e) {
            throw new UncheckedIOException(
                    "cannot create the folder " + parent + " for the ONNX model " + onnx + ": " + e, e);
        }
        try {
            OnnxExport.write(serving, onnx, options);
        } catch (IOException e) {
            throw new UncheckedIOException(e.getMessage(), e);
        }
        PrintWriter out = spec.commandLine().getOut();
        out.println(
                "ONNX model written to " + onnx + ": network " + network.spec().shape() + ", opset " + opset + ", "
                        + dtype.strip().toLowerCase(Locale.ROOT) + ", input 'input' [batch, " + network.inputSize()
                        + "], output 'output' [batch, " + network.outputSize() + "]"
                        + (info.featureScaler().isPresent() ? ", input scaler included" : ""));
        out.flush();
    }
}
