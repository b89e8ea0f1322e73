package dev.backprop.activations;

import dev.backprop.activations.internal.EluProvider;
import dev.backprop.activations.internal.GeluProvider;
import dev.backprop.activations.internal.HardSigmoidProvider;
import dev.backprop.activations.internal.HardTanhProvider;
import dev.backprop.activations.internal.IdentityProvider;
import dev.backprop.activations.internal.LeakyReluProvider;
import dev.backprop.activations.internal.LogSoftmaxProvider;
import dev.backprop.activations.internal.MishProvider;
import dev.backprop.activations.internal.ReluProvider;
import dev.backprop.activations.internal.SeluProvider;
import dev.backprop.activations.internal.SigmoidProvider;
import dev.backprop.activations.internal.SoftmaxProvider;
import dev.backprop.activations.internal.SoftplusProvider;
import dev.backprop.activations.internal.SoftsignProvider;
import dev.backprop.activations.internal.SwishProvider;
import dev.backprop.activations.internal.TanhProvider;
import dev.backprop.core.spi.Activation;
import dev.backprop.core.spi.ActivationProvider;
import dev.backprop.core.spi.Config;

/**
 * Typed factories for the built-in activations, for Java code: {@code Activations.leakyRelu(0.1)} instead of
 * the name {@code "leaky-relu"} with {@code Config.of("alpha", 0.1)}. Each factory returns exactly what the
 * named provider creates from the same parameters (same class, same {@link Activation#config()}), because it
 * asks that provider; parameters are checked by the same rules, so a bad value fails here with the message the
 * name would give.
 *
 * <p>Names stay the source of truth for model files, the command line and plug-ins found at run time; use these
 * factories where the compiler and the IDE should check the choice.
 */
public final class Activations {

    private Activations() {}

    /** {@code identity} (alias {@code linear}): a = z. */
    public static Activation identity() {
        return create(new IdentityProvider(), Config.empty());
    }

    /** {@code sigmoid}: a = 1 / (1 + e^-z). */
    public static Activation sigmoid() {
        return create(new SigmoidProvider(), Config.empty());
    }

    /** {@code tanh}: a = tanh(z). */
    public static Activation tanh() {
        return create(new TanhProvider(), Config.empty());
    }

    /** {@code relu}: a = max(0, z). */
    public static Activation relu() {
        return create(new ReluProvider(), Config.empty());
    }

    /** {@code leaky-relu} with its default slope {@value LeakyRelu#DEFAULT_ALPHA}. */
    public static Activation leakyRelu() {
        return create(new LeakyReluProvider(), Config.empty());
    }

    /**
     * {@code leaky-relu}: a = z for z &gt; 0, alpha * z otherwise.
     *
     * @param alpha the slope for negative inputs, finite and &gt;= 0
     * @throws IllegalArgumentException if alpha is negative or not finite
     */
    public static Activation leakyRelu(double alpha) {
        return create(new LeakyReluProvider(), Config.of(LeakyRelu.ALPHA, alpha));
    }

    /** {@code elu} with its default alpha {@value Elu#DEFAULT_ALPHA}. */
    public static Activation elu() {
        return create(new EluProvider(), Config.empty());
    }

    /**
     * {@code elu}: a = z for z &gt; 0, alpha * (e^z - 1) otherwise.
     *
     * @param alpha the scale of the negative part, finite and &gt;= 0
     * @throws IllegalArgumentException if alpha is negative or not finite
     */
    public static Activation elu(double alpha) {
        return create(new EluProvider(), Config.of(Elu.ALPHA, alpha));
    }

    /** {@code selu}: lambda * elu(z) with the self-normalising constants. */
    public static Activation selu() {
        return create(new SeluProvider(), Config.empty());
    }

    /** {@code gelu}, exact: a = z * Phi(z). */
    public static Activation gelu() {
        return create(new GeluProvider(), Config.empty());
    }

    /** {@code gelu} with {@code approximate=tanh}: a = z/2 * (1 + tanh(sqrt(2/pi) * (z + 0.044715 z^3))). */
    public static Activation geluTanh() {
        return create(new GeluProvider(), Config.of(Gelu.APPROXIMATE, Gelu.TANH));
    }

    /** {@code softplus}: a = ln(1 + e^z). */
    public static Activation softplus() {
        return create(new SoftplusProvider(), Config.empty());
    }

    /** {@code softsign}: a = z / (1 + |z|). */
    public static Activation softsign() {
        return create(new SoftsignProvider(), Config.empty());
    }

    /** {@code swish} (alias {@code silu}): a = z * sigmoid(z). */
    public static Activation swish() {
        return create(new SwishProvider(), Config.empty());
    }

    /** {@code mish}: a = z * tanh(softplus(z)). */
    public static Activation mish() {
        return create(new MishProvider(), Config.empty());
    }

    /** {@code hard-sigmoid}: a piecewise-linear sigmoid. */
    public static Activation hardSigmoid() {
        return create(new HardSigmoidProvider(), Config.empty());
    }

    /** {@code hard-tanh} clipping to [-1, 1]. */
    public static Activation hardTanh() {
        return create(new HardTanhProvider(), Config.empty());
    }

    /**
     * {@code hard-tanh}: a = min(max(z, min), max).
     *
     * @param min the lower bound
     * @param max the upper bound, above {@code min}
     * @throws IllegalArgumentException if the bounds are not finite or not in order
     */
    public static Activation hardTanh(double min, double max) {
        return create(new HardTanhProvider(), Config.of(HardTanh.MIN, min, HardTanh.MAX, max));
    }

    /** {@code softmax} over each row: a_j = e^{z_j} / sum_k e^{z_k}. */
    public static Activation softmax() {
        return create(new SoftmaxProvider(), Config.empty());
    }

    /** {@code log-softmax} over each row: a_j = z_j - ln sum_k e^{z_k}. */
    public static Activation logSoftmax() {
        return create(new LogSoftmaxProvider(), Config.empty());
    }

    private static Activation create(ActivationProvider provider, Config config) {
        return provider.create(config);
    }
}
