package dev.backprop.onnx;

import ai.onnxruntime.OnnxTensor;
import ai.onnxruntime.OnnxValue;
import ai.onnxruntime.OrtEnvironment;
import ai.onnxruntime.OrtException;
import ai.onnxruntime.OrtSession;
import dev.backprop.core.spi.OnnxGraph;
import java.nio.DoubleBuffer;
import java.nio.FloatBuffer;
import java.util.Map;
import org.ejml.data.DMatrixRMaj;

/**
 * One ONNX Runtime session over a model with one input {@link OnnxExport#INPUT} and one output
 * {@link OnnxExport#OUTPUT}, run on bp matrices; single-threaded, as befits a check.
 */
final class OrtRunner implements AutoCloseable {

    private final OrtEnvironment environment;
    private final OrtSession session;
    private final OnnxGraph.ElementType type;

    private OrtRunner(OrtEnvironment environment, OrtSession session, OnnxGraph.ElementType type) {
        this.environment = environment;
        this.session = session;
        this.type = type;
    }

    /**
     * Opens a session.
     *
     * @throws UnsupportedByRuntimeException if ONNX Runtime refuses the model (e.g. it has no kernel for an operator
     *                                       in this element type), with its message
     */
    static OrtRunner open(byte[] model, OnnxGraph.ElementType type) {
        OrtEnvironment environment = OrtEnvironment.getEnvironment();
        try (OrtSession.SessionOptions options = new OrtSession.SessionOptions()) {
            options.setIntraOpNumThreads(1);
            options.setInterOpNumThreads(1);
            return new OrtRunner(environment, environment.createSession(model, options), type);
        } catch (OrtException e) {
            throw new UnsupportedByRuntimeException(
                    "ONNX Runtime cannot load the " + type + " model: " + e.getMessage(), e);
        }
    }

    /** The model's custom metadata ({@code metadata_props}). */
    Map<String, String> customMetadata() throws OrtException {
        return session.getMetadata().getCustomMetadata();
    }

    /**
     * Runs the model on the rows of {@code x} (rounded to floats first in a float model).
     *
     * @return the output as a new matrix, n × the output width
     */
    DMatrixRMaj run(DMatrixRMaj x) throws OrtException {
        long[] shape = {x.numRows, x.numCols};
        int size = x.getNumElements();
        OnnxTensor input;
        if (type == OnnxGraph.ElementType.DOUBLE) {
            input = OnnxTensor.createTensor(environment, DoubleBuffer.wrap(x.data, 0, size), shape);
        } else {
            float[] values = new float[size];
            for (int i = 0; i < size; i++) {
                values[i] = (float) x.data[i];
            }
            input = OnnxTensor.createTensor(environment, FloatBuffer.wrap(values), shape);
        }
        try (input;
                OrtSession.Result result = session.run(Map.of(OnnxExport.INPUT, input))) {
            OnnxValue value = result.get(OnnxExport.OUTPUT).orElseThrow();
            OnnxTensor output = (OnnxTensor) value;
            long[] outShape = output.getInfo().getShape();
            DMatrixRMaj y = new DMatrixRMaj((int) outShape[0], (int) outShape[1]);
            if (type == OnnxGraph.ElementType.DOUBLE) {
                output.getDoubleBuffer().get(y.data, 0, y.getNumElements());
            } else {
                FloatBuffer floats = output.getFloatBuffer();
                for (int i = 0; i < y.getNumElements(); i++) {
                    y.data[i] = floats.get(i);
                }
            }
            return y;
        }
    }

    @Override
    public void close() throws OrtException {
        session.close();
    }
}
