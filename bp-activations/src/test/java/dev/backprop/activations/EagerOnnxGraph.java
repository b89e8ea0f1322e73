package dev.backprop.activations;

import dev.backprop.core.spi.OnnxGraph;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.function.DoubleBinaryOperator;
import java.util.function.DoubleUnaryOperator;

/**
 * An {@link OnnxGraph} that evaluates each operator as it is added, on one row of values, by the definitions in
 * the ONNX operator specification; written for the tests, independent of the activations' Java code (its erf is
 * a numerical integral). It records the operator types in order, so a test can also check which form was chosen.
 */
final class EagerOnnxGraph implements OnnxGraph {

    private final int opset;
    private final ElementType type;
    private final Map<String, double[]> values = new HashMap<>();
    private final List<String> operators = new ArrayList<>();
    private final List<String> withRealAttributes = new ArrayList<>();
    private int counter;

    EagerOnnxGraph(int opset, ElementType type, double[] z) {
        this.opset = opset;
        this.type = type;
        values.put("z", z.clone());
    }

    @Override
    public int opset() {
        return opset;
    }

    @Override
    public ElementType elementType() {
        return type;
    }

    /** The operator types added so far, in order. */
    List<String> operators() {
        return operators;
    }

    /** The operators that were given a floating-point attribute (which ONNX stores as a float). */
    List<String> withRealAttributes() {
        return withRealAttributes;
    }

    /** The values of a node. */
    double[] value(String name) {
        return values.get(name);
    }

    @Override
    public String scalar(double value) {
        return put(new double[] {value});
    }

    @Override
    public String tensor(double[] data, long... shape) {
        return put(data.clone());
    }

    @Override
    public String node(String opType, List<String> inputs, Map<String, ?> attributes) {
        operators.add(opType);
        if (attributes.values().stream().anyMatch(v -> v instanceof Double || v instanceof Float)) {
            withRealAttributes.add(opType);
        }
        double[][] in = new double[inputs.size()][];
        for (int i = 0; i < in.length; i++) {
            in[i] = values.get(inputs.get(i));
            if (in[i] == null) {
                throw new IllegalArgumentException("unknown input " + inputs.get(i) + " of " + opType);
            }
        }
        return put(evaluate(opType, in, attributes));
    }

    private String put(double[] v) {
        String name = "v" + counter++;
        values.put(name, v);
        return name;
    }

    private static double attribute(Map<String, ?> attributes, String name, double otherwise) {
        Object v = attributes.get(name);
        return v == null ? otherwise : ((Number) v).doubleValue();
    }

    /**
     * One operator by its definition in the ONNX operator specification (onnx/docs/Operators.md); an absent
     * attribute takes the default given there (Elu α 1, Selu α and γ as the float constants printed there,
     * LeakyRelu α 0.01, HardSigmoid α 0.2 and β 0.5).
     */
    private static double[] evaluate(String op, double[][] in, Map<String, ?> at) {
        return switch (op) {
            case "Add" -> binary(in[0], in[1], (a, b) -> a + b);
            case "Sub" -> binary(in[0], in[1], (a, b) -> a - b);
            case "Mul" -> binary(in[0], in[1], (a, b) -> a * b);
            case "Div" -> binary(in[0], in[1], (a, b) -> a / b);
            case "Max" -> binary(in[0], in[1], Math::max);
            case "Min" -> binary(in[0], in[1], Math::min);
            case "Greater" -> binary(in[0], in[1], (a, b) -> a > b ? 1 : 0);
            case "Where" -> where(in[0], in[1], in[2]);
            case "Clip" -> binary(binary(in[0], in[1], Math::max), in[2], Math::min);
            case "Abs" -> unary(in[0], Math::abs);
            case "Neg" -> unary(in[0], x -> -x);
            case "Exp" -> unary(in[0], Math::exp);
            case "Log" -> unary(in[0], Math::log);
            case "Tanh" -> unary(in[0], Math::tanh);
            case "Erf" -> unary(in[0], EagerOnnxGraph::erf);
            case "Identity" -> in[0].clone();
            case "Relu" -> unary(in[0], x -> Math.max(0, x));
            case "Sigmoid" -> unary(in[0], x -> 1 / (1 + Math.exp(-x)));
            case "Softplus" -> unary(in[0], x -> Math.log(Math.exp(x) + 1));
            case "Softsign" -> unary(in[0], x -> x / (1 + Math.abs(x)));
            case "Mish" -> unary(in[0], x -> x * Math.tanh(Math.log(Math.exp(x) + 1)));
            case "Elu" -> {
                double alpha = attribute(at, "alpha", 1.0);
                yield unary(in[0], x -> x < 0 ? alpha * (Math.exp(x) - 1) : x);
            }
            case "Selu" -> {
                double alpha = attribute(at, "alpha", 1.67326319217681884765625);
                double gamma = attribute(at, "gamma", 1.05070102214813232421875);
                yield unary(in[0], x -> x > 0 ? gamma * x : gamma * (alpha * Math.exp(x) - alpha));
            }
            case "LeakyRelu" -> {
                double alpha = attribute(at, "alpha", 0.01);
                yield unary(in[0], x -> x < 0 ? alpha * x : x);
            }
            case "HardSigmoid" -> {
                double alpha = attribute(at, "alpha", 0.2);
                double beta = attribute(at, "beta", 0.5);
                yield unary(in[0], x -> Math.max(0, Math.min(1, alpha * x + beta)));
            }
            case "Gelu" ->
                "tanh".equals(at.get("approximate"))
                        ? unary(
                                in[0],
                                x -> 0.5 * x * (1 + Math.tanh(Math.sqrt(2 / Math.PI) * (x + 0.044715 * x * x * x))))
                        : unary(in[0], x -> 0.5 * x * (1 + erf(x / Math.sqrt(2))));
            case "Softmax" -> softmax(in[0], false);
            case "LogSoftmax" -> softmax(in[0], true);
            default -> throw new IllegalArgumentException("operator " + op + " is not evaluated here");
        };
    }

    private static double[] unary(double[] x, DoubleUnaryOperator f) {
        double[] r = new double[x.length];
        for (int i = 0; i < r.length; i++) {
            r[i] = f.applyAsDouble(x[i]);
        }
        return r;
    }

    /** Element-wise, a one-element operand broadcast (ONNX's multidirectional broadcasting of a scalar). */
    private static double[] binary(double[] a, double[] b, DoubleBinaryOperator f) {
        int n = Math.max(a.length, b.length);
        double[] r = new double[n];
        for (int i = 0; i < n; i++) {
            r[i] = f.applyAsDouble(a[a.length == 1 ? 0 : i], b[b.length == 1 ? 0 : i]);
        }
        return r;
    }

    private static double[] where(double[] c, double[] a, double[] b) {
        int n = Math.max(c.length, Math.max(a.length, b.length));
        double[] r = new double[n];
        for (int i = 0; i < n; i++) {
            boolean take = c[c.length == 1 ? 0 : i] != 0;
            r[i] = take ? a[a.length == 1 ? 0 : i] : b[b.length == 1 ? 0 : i];
        }
        return r;
    }

    /** Over the whole row (axis 1 of a one-row input): e^(x_i − m) / Σ e^(x_j − m), or its logarithm. */
    private static double[] softmax(double[] x, boolean log) {
        double m = Double.NEGATIVE_INFINITY;
        for (double v : x) {
            m = Math.max(m, v);
        }
        double sum = 0;
        for (double v : x) {
            sum += Math.exp(v - m);
        }
        double[] r = new double[x.length];
        for (int i = 0; i < r.length; i++) {
            r[i] = log ? x[i] - m - Math.log(sum) : Math.exp(x[i] - m) / sum;
        }
        return r;
    }

    /**
     * erf(x) = 2/√π ∫₀ˣ e^(−t²) dt by composite Simpson's rule on 4000 intervals (error below 1e-14 for |x| ≤ 6),
     * and ±1 beyond 6, where erfc is below 1e-17.
     */
    static double erf(double x) {
        if (Math.abs(x) > 6) {
            return Math.signum(x);
        }
        int n = 4000;
        double h = x / n;
        double sum = 1 + Math.exp(-x * x);
        for (int i = 1; i < n; i++) {
            double t = i * h;
            sum += (i % 2 == 1 ? 4 : 2) * Math.exp(-t * t);
        }
        return 2 / Math.sqrt(Math.PI) * sum * h / 3;
    }
}
