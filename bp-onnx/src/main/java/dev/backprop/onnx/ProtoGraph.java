package dev.backprop.onnx;

import com.google.protobuf.ByteString;
import dev.backprop.core.spi.OnnxGraph;
import dev.backprop.onnx.proto.OnnxProto.AttributeProto;
import dev.backprop.onnx.proto.OnnxProto.GraphProto;
import dev.backprop.onnx.proto.OnnxProto.NodeProto;
import dev.backprop.onnx.proto.OnnxProto.TensorProto;
import java.nio.ByteBuffer;
import java.nio.ByteOrder;
import java.util.Arrays;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Set;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * {@link OnnxGraph} onto the ONNX protobuf: nodes and initializers go into a {@link GraphProto.Builder}. Names are
 * made unique with a counter under the current scope (e.g. {@code layer1/Add_3}); equal scalar constants are
 * written once.
 */
final class ProtoGraph implements OnnxGraph {

    private static final Logger LOG = LoggerFactory.getLogger(ProtoGraph.class);

    private final GraphProto.Builder graph;
    private final ExportOptions options;
    private final Set<String> names = new HashSet<>();
    private final Map<Long, String> scalars = new HashMap<>();
    private String scope = "";
    private String scopeDescription = "";
    private int counter;

    ProtoGraph(GraphProto.Builder graph, ExportOptions options) {
        this.graph = graph;
        this.options = options;
    }

    /** Names made from here on start with {@code prefix/}; {@code description} says what for in error messages. */
    void enterScope(String prefix, String description) {
        this.scope = prefix + "/";
        this.scopeDescription = description;
    }

    /** Declares a name made outside this class (the graph's input) as known. */
    void declare(String name) {
        names.add(name);
    }

    @Override
    public int opset() {
        return options.opset();
    }

    @Override
    public ElementType elementType() {
        return options.elementType();
    }

    @Override
    public String node(String opType, List<String> inputs, Map<String, ?> attributes) {
        Objects.requireNonNull(opType, "opType");
        int since = OperatorVersions.since(opType).orElse(0);
        if (since > options.opset()) {
            throw new IllegalArgumentException("ONNX operator '" + opType + "'" + scopeDescription + " needs opset "
                    + since + " or newer, but the export targets opset " + options.opset() + "; export with opset "
                    + since + " or newer");
        }
        if (since == 0) {
            LOG.warn(
                    "ONNX operator '{}'{} is not in bp's table of operator versions; written unchecked",
                    opType,
                    scopeDescription);
        }
        String output = fresh(opType);
        NodeProto.Builder node = NodeProto.newBuilder()
                .setOpType(opType)
                .setName(scope + opType + "_" + counter)
                .addOutput(output);
        for (String input : inputs) {
            if (!input.isEmpty() && !names.contains(input)) {
                throw new IllegalArgumentException("ONNX operator '" + opType + "'" + scopeDescription
                        + " reads the tensor '" + input + "', which the graph does not have");
            }
            node.addInput(input);
        }
        attributes.forEach((name, value) -> node.addAttribute(attribute(opType, name, value)));
        graph.addNode(node);
        return output;
    }

    /**
     * Checks that a name returned by an activation's ONNX form is a tensor of the graph.
     *
     * @throws IllegalArgumentException naming the tensor and the scope
     */
    void requireKnown(String name) {
        if (name == null || !names.contains(name)) {
            throw new IllegalArgumentException("The ONNX form" + scopeDescription + " returned the tensor '" + name
                    + "', which the graph does not have; it must return the name of a tensor it added (or its input)");
        }
    }

    /** Adds a node with given output names (for the graph's own final nodes). */
    void nodeWithOutput(String opType, List<String> inputs, String output) {
        NodeProto.Builder node = NodeProto.newBuilder().setOpType(opType).setName(output + "/" + opType);
        inputs.forEach(node::addInput);
        node.addOutput(output);
        graph.addNode(node);
        names.add(output);
    }

    private AttributeProto attribute(String opType, String name, Object value) {
        AttributeProto.Builder a = AttributeProto.newBuilder().setName(name);
        if (value instanceof Double || value instanceof Float) {
            a.setType(AttributeProto.AttributeType.FLOAT).setF(((Number) value).floatValue());
        } else if (value instanceof Integer || value instanceof Long) {
            a.setType(AttributeProto.AttributeType.INT).setI(((Number) value).longValue());
        } else if (value instanceof String s) {
            a.setType(AttributeProto.AttributeType.STRING).setS(ByteString.copyFromUtf8(s));
        } else {
            throw new IllegalArgumentException("Attribute '" + name + "' of ONNX operator '" + opType + "'"
                    + scopeDescription + " is a "
                    + (value == null ? "null" : value.getClass().getName())
                    + "; attributes are Double, Float, Integer, Long or String");
        }
        return a.build();
    }

    @Override
    public String scalar(double value) {
        long key = elementType() == ElementType.DOUBLE
                ? Double.doubleToRawLongBits(value)
                : Float.floatToRawIntBits((float) value);
        String known = scalars.get(key);
        if (known != null) {
            return known;
        }
        String name = constant("const", new double[] {value}, new long[0]);
        scalars.put(key, name);
        return name;
    }

    @Override
    public String tensor(double[] values, long... shape) {
        return constant("tensor", values, shape);
    }

    /** Adds an initializer under a given name (the network's weights), in the graph's element type. */
    String initializer(String name, double[] values, long... shape) {
        if (!names.add(name)) {
            throw new IllegalStateException("The tensor name '" + name + "' is taken");
        }
        graph.addInitializer(tensorProto(name, values, shape));
        return name;
    }

    private String constant(String hint, double[] values, long[] shape) {
        long count = 1;
        for (long d : shape) {
            if (d < 0) {
                throw new IllegalArgumentException("A constant's shape has a negative dimension: " + shapeText(shape));
            }
            count *= d;
        }
        if (count != values.length) {
            throw new IllegalArgumentException(
                    "A constant of shape " + shapeText(shape) + " needs " + count + " values, got " + values.length);
        }
        String name = fresh(hint);
        graph.addInitializer(tensorProto(name, values, shape));
        return name;
    }

    private TensorProto tensorProto(String name, double[] values, long[] shape) {
        boolean isDouble = elementType() == ElementType.DOUBLE;
        ByteBuffer bytes = ByteBuffer.allocate(values.length * (isDouble ? Double.BYTES : Float.BYTES))
                .order(ByteOrder.LITTLE_ENDIAN);
        for (double v : values) {
            if (isDouble) {
                bytes.putDouble(v);
            } else {
                bytes.putFloat((float) v);
            }
        }
        bytes.flip();
        TensorProto.Builder t = TensorProto.newBuilder()
                .setName(name)
                .setDataType((isDouble ? TensorProto.DataType.DOUBLE : TensorProto.DataType.FLOAT).getNumber())
                .setRawData(ByteString.copyFrom(bytes));
        for (long d : shape) {
            t.addDims(d);
        }
        return t.build();
    }

    private String fresh(String hint) {
        String name;
        do {
            counter++;
            name = scope + hint + "_" + counter;
        } while (!names.add(name));
        return name;
    }

    private static String shapeText(long[] shape) {
        return Arrays.toString(shape);
    }
}
