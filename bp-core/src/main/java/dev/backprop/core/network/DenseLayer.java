package dev.backprop.core.network;

import dev.backprop.core.random.Rng;
import dev.backprop.core.spi.Activation;
import dev.backprop.core.spi.FusedGradient;
import dev.backprop.core.spi.MatrixBackend;
import dev.backprop.core.spi.Parameter;
import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import org.ejml.data.DMatrixRMaj;
import org.ejml.dense.row.CommonOps_DDRM;

/**
 * A dense layer {@code A = f(X W + b)}: its parameters, their gradients and the workspaces of its forward and
 * backward passes. Workspaces are allocated on first use and reshaped when the batch size changes, reusing
 * their arrays, so a step of steady-state training allocates nothing.
 *
 * <p>Shapes for a batch of n samples: X n × in, W in × out, b 1 × out, Z and A n × out.
 *
 * <p>The three matrix products ({@code X W}, {@code Xᵀ dZ}, {@code dZ Wᵀ}) go through the network's
 * {@link MatrixBackend}, in the network's own {@link MatrixBackend#confined() confined} view of it; the
 * element-wise work (bias, activation, dropout) is done here.
 */
public final class DenseLayer {

    private final int index;
    private final LayerSpec spec;
    private final Activation activation;
    private final MatrixBackend backend;

    private final DMatrixRMaj weights;
    private final DMatrixRMaj weightGradient;
    private final DMatrixRMaj bias;
    private final DMatrixRMaj biasGradient;
    private final List<Parameter> parameters;

    /** The input of the last forward pass; a reference, not a copy. */
    private DMatrixRMaj input;

    private final DMatrixRMaj z;
    private final DMatrixRMaj a;
    /** The output after dropout; the same object as {@link #a} when the layer has no dropout. */
    private final DMatrixRMaj output;

    private final DMatrixRMaj mask;
    private final DMatrixRMaj outputGradient;
    private final DMatrixRMaj dz;
    private final DMatrixRMaj inputGradient;
    private boolean dropoutActive;

    /**
     * A layer of zero weights and biases.
     *
     * @param backend the products of the owning network, used by one thread at a time
     */
    DenseLayer(int index, LayerSpec spec, Activation activation, MatrixBackend backend) {
        this.index = index;
        this.spec = spec;
        this.activation = activation;
        this.backend = backend;
        this.weights = new DMatrixRMaj(spec.in(), spec.out());
        this.weightGradient = new DMatrixRMaj(spec.in(), spec.out());
        this.bias = spec.bias() ? new DMatrixRMaj(1, spec.out()) : null;
        this.biasGradient = spec.bias() ? new DMatrixRMaj(1, spec.out()) : null;
        List<Parameter> params = new ArrayList<>(2);
        params.add(new Parameter("layer" + index + ".W", Parameter.Kind.WEIGHT, weights, weightGradient));
        if (bias != null) {
            params.add(new Parameter("layer" + index + ".b", Parameter.Kind.BIAS, bias, biasGradient));
        }
        this.parameters = Collections.unmodifiableList(params);
        this.z = new DMatrixRMaj(1, spec.out());
        this.a = new DMatrixRMaj(1, spec.out());
        boolean dropout = spec.dropout() > 0;
        this.output = dropout ? new DMatrixRMaj(1, spec.out()) : a;
        this.mask = dropout ? new DMatrixRMaj(1, spec.out()) : null;
        this.outputGradient = new DMatrixRMaj(1, spec.out());
        this.dz = new DMatrixRMaj(1, spec.out());
        this.inputGradient = new DMatrixRMaj(1, spec.in());
    }

    /** The layer's position in its network, from 0. */
    public int index() {
        return index;
    }

    /** The layer's description. */
    public LayerSpec spec() {
        return spec;
    }

    /** The activation f. */
    public Activation activation() {
        return activation;
    }

    /** W, in × out; the live matrix, which optimizers update in place. */
    public DMatrixRMaj weights() {
        return weights;
    }

    /** ∂L/∂W from the last backward pass, in × out. */
    public DMatrixRMaj weightGradient() {
        return weightGradient;
    }

    /** Whether the layer has a bias. */
    public boolean hasBias() {
        return bias != null;
    }

    /**
     * b, 1 × out; the live matrix.
     *
     * @throws IllegalStateException if the layer has no bias
     */
    public DMatrixRMaj bias() {
        requireBias();
        return bias;
    }

    /**
     * ∂L/∂b from the last backward pass, 1 × out.
     *
     * @throws IllegalStateException if the layer has no bias
     */
    public DMatrixRMaj biasGradient() {
        requireBias();
        return biasGradient;
    }

    private void requireBias() {
        if (bias == null) {
            throw new IllegalStateException("Layer " + index + " has no bias (built with bias=false)");
        }
    }

    /** W, then b if present, as optimizers see them. */
    public List<Parameter> parameters() {
        return parameters;
    }

    /*
     * The four accessors below return the layer's live workspaces, not copies: the next forward or backward
     * pass overwrites (and may reshape) them, so copy what must be kept. They are public for tracing and worked
     * examples (the bp program's trace command prints them); nothing may write into them.
     */

    /** The pre-activations Z of the last forward pass, n × out: a live workspace, overwritten by the next pass. */
    public DMatrixRMaj preActivation() {
        return z;
    }

    /** The output of the last forward pass after dropout (what the next layer reads), n × out; live, as above. */
    public DMatrixRMaj output() {
        return output;
    }

    /** ∂L/∂Z of the last backward pass (the delta of seed 000), n × out; live, as above. */
    public DMatrixRMaj delta() {
        return dz;
    }

    /** ∂L/∂X of the last backward pass, n × in; live, as above. */
    public DMatrixRMaj inputGradient() {
        return inputGradient;
    }

    /**
     * Sets W from rows of length out.
     *
     * @throws IllegalArgumentException naming the expected and the given shape
     */
    public void setWeights(double[][] values) {
        if (values.length != spec.in()) {
            throw new IllegalArgumentException("Layer " + index + " W is " + spec.in() + "x" + spec.out() + " but "
                    + values.length + " rows were given");
        }
        for (int r = 0; r < values.length; r++) {
            if (values[r].length != spec.out()) {
                throw new IllegalArgumentException("Layer " + index + " W is " + spec.in() + "x" + spec.out()
                        + " but row " + r + " has " + values[r].length + " values");
            }
            System.arraycopy(values[r], 0, weights.data, r * spec.out(), spec.out());
        }
    }

    /**
     * Sets b.
     *
     * @throws IllegalArgumentException if the length is not out, or the layer has no bias
     */
    public void setBias(double... values) {
        if (bias == null) {
            throw new IllegalArgumentException("Layer " + index + " has no bias (built with bias=false)");
        }
        if (values.length != spec.out()) {
            throw new IllegalArgumentException(
                    "Layer " + index + " b has " + spec.out() + " values but " + values.length + " were given");
        }
        System.arraycopy(values, 0, bias.data, 0, values.length);
    }

    /**
     * Forward pass: {@code Z = X W + 1 b}, {@code A = f(Z)}, then inverted dropout when training.
     *
     * @param x          n × in. Not modified, but kept by reference for the backward pass.
     * @param dropoutRng the generator for this step's dropout mask, or null for no dropout (inference)
     */
    void forward(DMatrixRMaj x, Rng dropoutRng) {
        input = x;
        infer(x, z, a, backend);
        dropoutActive = mask != null && dropoutRng != null;
        if (dropoutActive) {
            applyDropout(dropoutRng);
        } else if (output != a) {
            output.setTo(a);
        }
    }

    /**
     * Inference into the caller's matrices: {@code Z = X W + 1 b}, {@code A = f(Z)}. Reads the parameters,
     * writes nothing of the layer's, so any number of threads may run it at once, each with its own matrices
     * and products.
     *
     * @param x        n × in. Not modified.
     * @param zOut     reshaped to n × out. Modified.
     * @param aOut     reshaped to n × out. Modified.
     * @param products computes {@code X W}; used by one thread at a time
     */
    void infer(DMatrixRMaj x, DMatrixRMaj zOut, DMatrixRMaj aOut, MatrixBackend products) {
        int n = x.numRows;
        int out = spec.out();
        // Z = X W
        products.mult(x, weights, zOut);
        if (bias != null) {
            // Z += 1 b  (b added to every row)
            double[] zd = zOut.data;
            double[] bd = bias.data;
            for (int r = 0, offset = 0; r < n; r++, offset += out) {
                for (int c = 0; c < out; c++) {
                    zd[offset + c] += bd[c];
                }
            }
        }
        aOut.reshape(n, out);
        // A = f(Z)
        activation.forward(zOut, aOut);
    }

    private void applyDropout(Rng rng) {
        double p = spec.dropout();
        double keepScale = 1.0 / (1.0 - p);
        int size = a.getNumElements();
        mask.reshape(a.numRows, a.numCols);
        output.reshape(a.numRows, a.numCols);
        for (int i = 0; i < size; i++) {
            // M = 1/(1-p) with probability 1-p, else 0;  output = A ⊙ M
            double m = rng.nextDouble() < p ? 0.0 : keepScale;
            mask.data[i] = m;
            output.data[i] = a.data[i] * m;
        }
    }

    /**
     * Backward pass from the gradient of the loss with respect to this layer's output:
     * {@code G = ∂L/∂output ⊙ M} (dropout), {@code dZ = J_f(Z)^T G}, then the parameter and input gradients.
     *
     * @param gradOutput n × out. Not modified.
     */
    void backwardFromOutput(DMatrixRMaj gradOutput, boolean wantInputGradient) {
        DMatrixRMaj g = gradOutput;
        if (dropoutActive) {
            // G = ∂L/∂output ⊙ M
            outputGradient.reshape(gradOutput.numRows, gradOutput.numCols);
            CommonOps_DDRM.elementMult(gradOutput, mask, outputGradient);
            g = outputGradient;
        }
        dz.reshape(z.numRows, z.numCols);
        // dZ = J_f(Z)^T G   (g ⊙ f'(Z) for an element-wise f)
        activation.backward(z, a, g, dz);
        backwardFromDelta(wantInputGradient);
    }

    /** Backward pass from a fused loss–activation gradient: {@code dZ = ∂L/∂Z} given directly. */
    void backwardFused(FusedGradient fused, DMatrixRMaj target, boolean wantInputGradient) {
        dz.reshape(z.numRows, z.numCols);
        // dZ = ∂L/∂Z, e.g. (P − T)/n for softmax with cross-entropy
        fused.gradient(z, a, target, dz);
        backwardFromDelta(wantInputGradient);
    }

    private void backwardFromDelta(boolean wantInputGradient) {
        // dW = X^T dZ
        backend.multTransA(input, dz, weightGradient);
        if (bias != null) {
            // db = 1^T dZ  (column sums)
            CommonOps_DDRM.sumCols(dz, biasGradient);
        }
        if (wantInputGradient) {
            // dX = dZ W^T
            backend.multTransB(dz, weights, inputGradient);
        }
    }
}
