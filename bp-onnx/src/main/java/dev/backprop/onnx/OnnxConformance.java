package dev.backprop.onnx;

import ai.onnxruntime.OrtException;
import dev.backprop.core.spi.Activation;
import dev.backprop.core.spi.ActivationProvider;
import dev.backprop.core.spi.Config;
import dev.backprop.core.spi.OnnxExportable;
import dev.backprop.core.spi.OnnxGraph;
import java.util.Arrays;
import java.util.Map;
import java.util.Objects;
import java.util.SplittableRandom;
import org.ejml.data.DMatrixRMaj;

/**
 * Checks that an activation's ONNX form ({@link OnnxExportable}) computes what its {@link Activation#forward}
 * computes: the activation alone is exported as a graph {@code input [batch, k] → f → output}, run in ONNX Runtime
 * on fixed edge values (0, ±1e-8, ±1, ±3, ±30, …) and seeded random ones, and compared value by value with the
 * forward pass. The error of a value is {@code |onnx − bp| / max(|bp|, 1)}: relative for values of magnitude 1 and
 * more, absolute below. It must not exceed {@value #DOUBLE_TOLERANCE} in a double graph and
 * {@value #FLOAT_TOLERANCE} in a float graph (whose inputs are rounded to floats before both computations).
 *
 * <p>For plug-in authors, from a test with bp-onnx and {@code com.microsoft.onnxruntime:onnxruntime} in test scope:
 * <pre>{@code
 * @Test
 * void onnxFormMatchesForward() {
 *     OnnxConformance.check(new MyActivationProvider());
 * }
 * }</pre>
 * A mismatch throws {@link AssertionError} naming the input, both values and the error. This module requires ONNX
 * Runtime only statically: on the module path, resolve it too (e.g. {@code --add-modules com.microsoft.onnxruntime},
 * or {@code requires com.microsoft.onnxruntime} in the test module).
 */
public final class OnnxConformance {

    /** The largest error allowed in a double graph. */
    public static final double DOUBLE_TOLERANCE = 1e-12;
    /** The largest error allowed in a float graph. */
    public static final double FLOAT_TOLERANCE = 1e-5;

    private static final int COLUMNS = 5;
    private static final int RANDOM_VALUES = 200;
    private static final long SEED = 20_240_611L;
    private static final double[] EDGES = {
        0.0, 1e-8, -1e-8, 1e-3, -1e-3, 0.5, -0.5, 1.0, -1.0, 2.0, -2.0, 3.0, -3.0, 5.0, -5.0, 10.0, -10.0, 30.0, -30.0,
        0.25
    };

    private OnnxConformance() {}

    /**
     * Checks the activation the provider creates with its default parameters, in float and in double graphs at
     * the default opset.
     *
     * @return the double graph's result
     * @throws AssertionError                if the activation has no ONNX form or a value differs
     * @throws UnsupportedByRuntimeException if ONNX Runtime cannot run one of the graphs
     */
    public static ConformanceResult check(ActivationProvider provider) {
        return check(provider.create(Config.empty()));
    }

    /**
     * Checks an activation in float and in double graphs at the default opset.
     *
     * @return the double graph's result
     * @throws AssertionError                if the activation has no ONNX form or a value differs
     * @throws UnsupportedByRuntimeException if ONNX Runtime cannot run one of the graphs
     */
    public static ConformanceResult check(Activation activation) {
        check(activation, OnnxGraph.ElementType.FLOAT, ExportOptions.DEFAULT_OPSET);
        return check(activation, OnnxGraph.ElementType.DOUBLE, ExportOptions.DEFAULT_OPSET);
    }

    /**
     * Checks an activation in one graph.
     *
     * @throws AssertionError                if the activation has no ONNX form or a value differs
     * @throws UnsupportedByRuntimeException if ONNX Runtime cannot run the graph
     * @throws IllegalArgumentException      if the form needs a newer opset
     */
    public static ConformanceResult check(Activation activation, OnnxGraph.ElementType type, int opset) {
        Objects.requireNonNull(activation, "activation");
        String name = activation.spec().toString();
        if (!(activation instanceof OnnxExportable exportable)) {
            throw new AssertionError(
                    "Activation '" + name + "' (" + activation.getClass().getName()
                            + ") has no ONNX form: it does not implement " + OnnxExportable.class.getName());
        }
        ExportOptions options = new ExportOptions(opset, type);
        byte[] model = OnnxExport.assemble(
                        options,
                        "bp-conformance-" + activation.name(),
                        COLUMNS,
                        COLUMNS,
                        graph -> {
                            graph.enterScope(activation.name(), " (activation '" + name + "')");
                            String a = exportable.toOnnx(graph, OnnxExport.INPUT);
                            graph.requireKnown(a);
                            return a;
                        },
                        Map.of())
                .toByteArray();
        DMatrixRMaj z = inputs(type);
        DMatrixRMaj expected = new DMatrixRMaj(z.numRows, z.numCols);
        activation.forward(z, expected);
        DMatrixRMaj actual;
        try (OrtRunner runner = OrtRunner.open(model, type)) {
            actual = runner.run(z);
        } catch (OrtException e) {
            throw new UnsupportedByRuntimeException(
                    "ONNX Runtime failed to run the " + type + " graph of '" + name + "': " + e.getMessage(), e);
        }
        double tolerance = type == OnnxGraph.ElementType.DOUBLE ? DOUBLE_TOLERANCE : FLOAT_TOLERANCE;
        double maxError = 0;
        for (int i = 0; i < z.getNumElements(); i++) {
            double error = error(actual.data[i], expected.data[i]);
            if (!(error <= tolerance)) {
                throw new AssertionError("The ONNX form of activation '" + name + "' (" + type + ", opset " + opset
                        + ") differs from its forward pass at z = " + z.data[i] + " (row " + i / COLUMNS + " of "
                        + rowText(z, i / COLUMNS) + "): ONNX Runtime gives " + actual.data[i] + ", bp gives "
                        + expected.data[i] + ", error " + error + " > " + tolerance);
            }
            maxError = Math.max(maxError, error);
        }
        return new ConformanceResult(name, type, opset, z.getNumElements(), maxError, tolerance);
    }

    /** {@code |actual − expected| / max(|expected|, 1)}; 0 when both are the same infinity or both NaN. */
    static double error(double actual, double expected) {
        if (Double.isNaN(expected) || Double.isInfinite(expected)) {
            return Double.compare(actual, expected) == 0 ? 0 : Double.POSITIVE_INFINITY;
        }
        return Math.abs(actual - expected) / Math.max(Math.abs(expected), 1.0);
    }

    /** The edge values and seeded normal values of spread 4, as rows of {@value #COLUMNS}; floats if asked. */
    private static DMatrixRMaj inputs(OnnxGraph.ElementType type) {
        SplittableRandom random = new SplittableRandom(SEED);
        int size = EDGES.length + RANDOM_VALUES;
        DMatrixRMaj z = new DMatrixRMaj(size / COLUMNS, COLUMNS);
        for (int i = 0; i < z.getNumElements(); i++) {
            double v = i < EDGES.length ? EDGES[i] : 4.0 * gaussian(random);
            z.data[i] = type == OnnxGraph.ElementType.FLOAT ? (float) v : v;
        }
        return z;
    }

    /** A standard normal value by the Box–Muller transform. */
    private static double gaussian(SplittableRandom random) {
        double u = 1.0 - random.nextDouble();
        return Math.sqrt(-2.0 * Math.log(u)) * Math.cos(2.0 * Math.PI * random.nextDouble());
    }

    private static String rowText(DMatrixRMaj z, int row) {
        double[] values = new double[z.numCols];
        System.arraycopy(z.data, row * z.numCols, values, 0, z.numCols);
        return Arrays.toString(values);
    }
}
