package dev.backprop.core.init;

import dev.backprop.core.random.Rng;
import java.util.Arrays;
import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.Locale;
import java.util.Map;
import java.util.function.Supplier;
import org.ejml.data.DMatrixRMaj;

/**
 * The standard weight initialisers. With fanIn = rows of W and fanOut = columns:
 *
 * <table>
 * <caption>initialisers</caption>
 * <tr><th>name</th><th>distribution</th></tr>
 * <tr><td>zeros</td><td>0</td></tr>
 * <tr><td>constant(c)</td><td>c</td></tr>
 * <tr><td>uniform(a, b)</td><td>U(a, b)</td></tr>
 * <tr><td>normal(μ, σ)</td><td>N(μ, σ²); seed 003's {@code std * randn} is normal(0, std)</td></tr>
 * <tr><td>xavier-uniform</td><td>U(−l, l), l = √(6 / (fanIn + fanOut)) (Glorot and Bengio 2010)</td></tr>
 * <tr><td>xavier-normal</td><td>N(0, 2 / (fanIn + fanOut))</td></tr>
 * <tr><td>he-uniform</td><td>U(−l, l), l = √(6 / fanIn) (He et al. 2015)</td></tr>
 * <tr><td>he-normal</td><td>N(0, 2 / fanIn)</td></tr>
 * <tr><td>lecun-uniform</td><td>U(−l, l), l = √(3 / fanIn)</td></tr>
 * <tr><td>lecun-normal</td><td>N(0, 1 / fanIn); seed 001's {@code randn / sqrt(n)}</td></tr>
 * </table>
 */
public final class Initializers {

    private static final Map<String, Supplier<Initializer>> BY_NAME;

    static {
        Map<String, Supplier<Initializer>> m = new LinkedHashMap<>();
        m.put("zeros", Initializers::zeros);
        m.put("xavier-uniform", Initializers::xavierUniform);
        m.put("xavier-normal", Initializers::xavierNormal);
        m.put("he-uniform", Initializers::heUniform);
        m.put("he-normal", Initializers::heNormal);
        m.put("lecun-uniform", Initializers::lecunUniform);
        m.put("lecun-normal", Initializers::lecunNormal);
        BY_NAME = Collections.unmodifiableMap(m);
    }

    private Initializers() {}

    /**
     * The parameterless initialiser with the given name (see the table above).
     *
     * @throws IllegalArgumentException listing the names there are
     */
    public static Initializer named(String name) {
        Supplier<Initializer> s = BY_NAME.get(name.strip().toLowerCase(Locale.ROOT));
        if (s == null) {
            throw new IllegalArgumentException("Unknown initialiser '" + name + "'. Available: " + BY_NAME.keySet()
                    + ", or constant/uniform/normal built with their parameters in code");
        }
        return s.get();
    }

    /** The names {@link #named} accepts. */
    public static Iterable<String> names() {
        return BY_NAME.keySet();
    }

    /** All zeros. */
    public static Initializer zeros() {
        return constant(0);
    }

    /** Every entry {@code value}, a finite number. */
    public static Initializer constant(double value) {
        if (!Double.isFinite(value)) {
            throw new IllegalArgumentException("constant initialiser needs a finite value, got " + value);
        }
        return (w, rng) -> Arrays.fill(w.data, 0, w.getNumElements(), value);
    }

    /** U(low, high). */
    public static Initializer uniform(double low, double high) {
        if (!(low < high) || Double.isInfinite(low) || Double.isInfinite(high)) {
            throw new IllegalArgumentException(
                    "uniform initialiser needs finite low < high, got low=" + low + ", high=" + high);
        }
        return (w, rng) -> {
            int n = w.getNumElements();
            for (int i = 0; i < n; i++) {
                w.data[i] = rng.nextDouble(low, high);
            }
        };
    }

    /** N(mean, std²). */
    public static Initializer normal(double mean, double std) {
        if (!Double.isFinite(mean)) {
            throw new IllegalArgumentException("normal initialiser needs a finite mean, got " + mean);
        }
        if (!(std >= 0) || Double.isInfinite(std)) {
            throw new IllegalArgumentException("normal initialiser needs a finite std >= 0, got " + std);
        }
        return (w, rng) -> {
            int n = w.getNumElements();
            for (int i = 0; i < n; i++) {
                w.data[i] = mean + std * rng.nextGaussian();
            }
        };
    }

    /** Glorot uniform: U(−l, l), l = √(6 / (fanIn + fanOut)). */
    public static Initializer xavierUniform() {
        return (w, rng) -> symmetricUniform(w, rng, Math.sqrt(6.0 / (w.numRows + w.numCols)));
    }

    /** Glorot normal: N(0, 2 / (fanIn + fanOut)). */
    public static Initializer xavierNormal() {
        return (w, rng) -> gaussian(w, rng, Math.sqrt(2.0 / (w.numRows + w.numCols)));
    }

    /** He uniform: U(−l, l), l = √(6 / fanIn). */
    public static Initializer heUniform() {
        return (w, rng) -> symmetricUniform(w, rng, Math.sqrt(6.0 / w.numRows));
    }

    /** He normal: N(0, 2 / fanIn). */
    public static Initializer heNormal() {
        return (w, rng) -> gaussian(w, rng, Math.sqrt(2.0 / w.numRows));
    }

    /** LeCun uniform: U(−l, l), l = √(3 / fanIn). */
    public static Initializer lecunUniform() {
        return (w, rng) -> symmetricUniform(w, rng, Math.sqrt(3.0 / w.numRows));
    }

    /** LeCun normal: N(0, 1 / fanIn), which is seed 001's {@code randn / sqrt(n)}. */
    public static Initializer lecunNormal() {
        return (w, rng) -> gaussian(w, rng, Math.sqrt(1.0 / w.numRows));
    }

    private static void symmetricUniform(DMatrixRMaj w, Rng rng, double limit) {
        int n = w.getNumElements();
        for (int i = 0; i < n; i++) {
            w.data[i] = rng.nextDouble(-limit, limit);
        }
    }

    private static void gaussian(DMatrixRMaj w, Rng rng, double std) {
        int n = w.getNumElements();
        for (int i = 0; i < n; i++) {
            w.data[i] = std * rng.nextGaussian();
        }
    }
}
