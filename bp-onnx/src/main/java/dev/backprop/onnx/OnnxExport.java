package dev.backprop.onnx;

import dev.backprop.core.network.DenseLayer;
import dev.backprop.core.network.Network;
import dev.backprop.core.spi.Activation;
import dev.backprop.core.spi.OnnxExportable;
import dev.backprop.core.spi.OnnxGraph;
import dev.backprop.onnx.proto.OnnxProto.GraphProto;
import dev.backprop.onnx.proto.OnnxProto.ModelProto;
import dev.backprop.onnx.proto.OnnxProto.OperatorSetIdProto;
import dev.backprop.onnx.proto.OnnxProto.StringStringEntryProto;
import dev.backprop.onnx.proto.OnnxProto.TensorProto;
import dev.backprop.onnx.proto.OnnxProto.TensorShapeProto;
import dev.backprop.onnx.proto.OnnxProto.TypeProto;
import dev.backprop.onnx.proto.OnnxProto.ValueInfoProto;
import java.io.IOException;
import java.io.OutputStream;
import java.nio.file.Path;
import java.util.Arrays;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Objects;
import java.util.TreeMap;
import java.util.function.Function;
import java.util.function.UnaryOperator;

/**
 * Writes a bp network as an ONNX model.
 *
 * <pre>{@code
 * OnnxExport.write(network, Path.of("model.onnx"));
 * OnnxExport.write(ServingModel.of(network).withInputScaling(scaling).withClassNames(names),
 *         Path.of("model.onnx"), ExportOptions.defaults().withOpset(18));
 * }</pre>
 *
 * <p>The graph, for a batch of n rows:
 * <pre>
 *   input [batch, in]  → Sub(offset) → Div(scale)                       if the model has an input scaling
 *   layer l:           Z = MatMul(A, layer{l}.W) → Add(layer{l}.b)      (no Add without a bias)
 *                      A = the activation's own operators ({@link OnnxExportable})
 *   → Mul(scale) → Add(offset)                                          if the model has a target scaling
 *   → output [batch, out]
 * </pre>
 * The weights are initializers named {@code layer<l>.W} (shape [in, out]) and {@code layer<l>.b} (shape [out]).
 * The metadata ({@code metadata_props}) holds the network's shape ({@code bp.shape}), each layer's activation
 * ({@code bp.layer.<l>.activation}), the class names as a JSON array of strings ({@code bp.classes}) if there are
 * any, and the model's own metadata. Dropout is left out: an exported model infers.
 *
 * <p>Every activation must implement {@link OnnxExportable}; one that does not is refused, naming the layer, the
 * activation and its class, since a guessed graph could silently compute something else. The file is written
 * atomically (temporary file in the same folder, then renamed), and only a regular file is ever replaced.
 */
public final class OnnxExport {

    /** The name of the graph's input. */
    public static final String INPUT = "input";
    /** The name of the graph's output. */
    public static final String OUTPUT = "output";
    /** The symbolic batch dimension of the input and output. */
    public static final String BATCH = "batch";

    private OnnxExport() {}

    /**
     * Writes a network alone with the default options (opset {@value ExportOptions#DEFAULT_OPSET}, float).
     *
     * @throws IllegalArgumentException if an activation has no ONNX form or needs a newer opset
     * @throws IOException              if the file cannot be written, naming it; an existing file is then unchanged
     */
    public static void write(Network network, Path file) throws IOException {
        write(ServingModel.of(network), file, ExportOptions.defaults());
    }

    /**
     * Writes a model.
     *
     * @param model   the network and what surrounds it
     * @param file    the ONNX file, by convention {@code *.onnx}; its folder must exist
     * @param options opset and element type
     * @throws IllegalArgumentException if an activation has no ONNX form or needs a newer opset (nothing is written)
     * @throws IOException              if the file cannot be written, naming it; an existing file is then unchanged
     */
    public static void write(ServingModel model, Path file, ExportOptions options) throws IOException {
        write(model, file, options, UnaryOperator.identity());
    }

    /** As {@link #write(ServingModel, Path, ExportOptions)}, with the output stream wrapped (for failure tests). */
    static void write(ServingModel model, Path file, ExportOptions options, UnaryOperator<OutputStream> hook)
            throws IOException {
        Objects.requireNonNull(file, "file");
        byte[] bytes = toBytes(model, options);
        AtomicFile.replace(file, bytes, hook);
    }

    /**
     * The serialized ONNX model, e.g. for {@code OrtEnvironment.createSession(byte[])}.
     *
     * @throws IllegalArgumentException if an activation has no ONNX form or needs a newer opset
     */
    public static byte[] toBytes(ServingModel model, ExportOptions options) {
        return build(model, options).toByteArray();
    }

    static ModelProto build(ServingModel model, ExportOptions options) {
        Objects.requireNonNull(model, "model");
        Objects.requireNonNull(options, "options");
        Network network = model.network();
        return assemble(
                options,
                "bp-" + network.spec().shape(),
                network.inputSize(),
                network.outputSize(),
                graph -> body(graph, model),
                metadata(model));
    }

    private static String body(ProtoGraph graph, ServingModel model) {
        String a = INPUT;
        if (model.inputScaling().isPresent()) {
            AffineScaling s = model.inputScaling().get();
            graph.enterScope("input_scaler", " (input scaler)");
            String offset = graph.initializer("input_scaler.offset", s.offset(), s.columnCount());
            String scale = graph.initializer("input_scaler.scale", s.scale(), s.columnCount());
            // x' = (x − offset) / scale
            a = graph.node("Div", graph.node("Sub", a, offset), scale);
        }
        for (DenseLayer layer : model.network().layers()) {
            a = layer(graph, layer, a);
        }
        if (model.targetScaling().isPresent()) {
            AffineScaling s = model.targetScaling().get();
            graph.enterScope("target_scaler", " (target scaler)");
            String offset = graph.initializer("target_scaler.offset", s.offset(), s.columnCount());
            String scale = graph.initializer("target_scaler.scale", s.scale(), s.columnCount());
            // y = y' · scale + offset
            a = graph.node("Add", graph.node("Mul", a, scale), offset);
        }
        return a;
    }

    /**
     * A model whose graph maps {@link #INPUT} [batch, inWidth] to {@link #OUTPUT} [batch, outWidth] through the
     * nodes {@code body} adds; {@code body} returns the name of the tensor that becomes the output.
     */
    static ModelProto assemble(
            ExportOptions options,
            String graphName,
            int inWidth,
            int outWidth,
            Function<ProtoGraph, String> body,
            Map<String, String> metadata) {
        GraphProto.Builder graphProto = GraphProto.newBuilder().setName(graphName);
        ProtoGraph graph = new ProtoGraph(graphProto, options);
        graph.declare(INPUT);
        String result = body.apply(graph);
        graph.nodeWithOutput("Identity", List.of(result), OUTPUT);
        graphProto.addInput(valueInfo(INPUT, inWidth, options));
        graphProto.addOutput(valueInfo(OUTPUT, outWidth, options));
        ModelProto.Builder m = ModelProto.newBuilder()
                .setIrVersion(options.irVersion())
                .addOpsetImport(OperatorSetIdProto.newBuilder().setDomain("").setVersion(options.opset()))
                .setProducerName("bp")
                .setProducerVersion(producerVersion())
                .setGraph(graphProto);
        metadata.forEach((k, v) ->
                m.addMetadataProps(StringStringEntryProto.newBuilder().setKey(k).setValue(v)));
        return m.build();
    }

    private static String layer(ProtoGraph graph, DenseLayer layer, String input) {
        int l = layer.index();
        Activation activation = layer.activation();
        String description = " (layer " + l + ", activation '" + activation.spec() + "')";
        if (!(activation instanceof OnnxExportable exportable)) {
            throw new IllegalArgumentException("Layer " + l + "'s activation '" + activation.spec() + "' ("
                    + activation.getClass().getName() + ") has no ONNX form: it does not implement "
                    + OnnxExportable.class.getName() + ", so the network cannot be exported without changing what"
                    + " it computes. The plug-in that provides '" + activation.name() + "' can add one.");
        }
        graph.enterScope("layer" + l, description);
        int in = layer.spec().in();
        int out = layer.spec().out();
        String w = graph.initializer("layer" + l + ".W", Arrays.copyOf(layer.weights().data, in * out), in, out);
        // Z = A W
        String z = graph.node("MatMul", input, w);
        if (layer.hasBias()) {
            String b = graph.initializer("layer" + l + ".b", Arrays.copyOf(layer.bias().data, out), out);
            // Z = A W + b   (b broadcast over the rows)
            z = graph.node("Add", z, b);
        }
        graph.enterScope("layer" + l + "/" + activation.name(), description);
        // A = f(Z)
        String a = exportable.toOnnx(graph, z);
        graph.requireKnown(a);
        return a;
    }

    private static ValueInfoProto valueInfo(String name, int width, ExportOptions options) {
        TensorProto.DataType type = options.elementType() == OnnxGraph.ElementType.DOUBLE
                ? TensorProto.DataType.DOUBLE
                : TensorProto.DataType.FLOAT;
        TensorShapeProto shape = TensorShapeProto.newBuilder()
                .addDim(TensorShapeProto.Dimension.newBuilder().setDimParam(BATCH))
                .addDim(TensorShapeProto.Dimension.newBuilder().setDimValue(width))
                .build();
        TypeProto typeProto = TypeProto.newBuilder()
                .setTensorType(TypeProto.Tensor.newBuilder()
                        .setElemType(type.getNumber())
                        .setShape(shape))
                .build();
        return ValueInfoProto.newBuilder().setName(name).setType(typeProto).build();
    }

    private static Map<String, String> metadata(ServingModel model) {
        Map<String, String> meta = new TreeMap<>(model.metadata());
        Network network = model.network();
        meta.put("bp.shape", network.spec().shape());
        for (DenseLayer layer : network.layers()) {
            meta.put(
                    "bp.layer." + layer.index() + ".activation",
                    layer.activation().spec().toString());
        }
        if (!model.classNames().isEmpty()) {
            meta.put("bp.classes", jsonArray(model.classNames()));
        }
        return meta;
    }

    /** The strings as a JSON array, escaped per RFC 8259. */
    static String jsonArray(List<String> values) {
        StringBuilder sb = new StringBuilder("[");
        for (int i = 0; i < values.size(); i++) {
            if (i > 0) {
                sb.append(',');
            }
            sb.append('"');
            for (char c : values.get(i).toCharArray()) {
                if (c == '"' || c == '\\') {
                    sb.append('\\').append(c);
                } else if (c < 0x20) {
                    sb.append(String.format(Locale.ROOT, "\\u%04x", (int) c));
                } else {
                    sb.append(c);
                }
            }
            sb.append('"');
        }
        return sb.append(']').toString();
    }

    private static String producerVersion() {
        String v = OnnxExport.class.getPackage().getImplementationVersion();
        return v == null ? "development" : v;
    }
}
