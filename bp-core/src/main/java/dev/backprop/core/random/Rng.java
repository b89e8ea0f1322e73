package dev.backprop.core.random;

/**
 * A small seeded random number generator whose every output is fixed by this class alone, so that the same
 * seed gives bit-identical weights, shuffles and dropout masks on every JVM and platform.
 *
 * <p>Integers come from SplitMix64 (Steele, Lea and Flood, "Fast splittable pseudorandom number
 * generators", OOPSLA 2014); doubles take the top 53 bits; normal deviates use the Marsaglia polar method.
 * Not thread-safe; not for cryptography.
 */
public final class Rng {

    private static final long GOLDEN_GAMMA = 0x9E3779B97F4A7C15L;

    private long state;
    private double spareGaussian;
    private boolean hasSpare;

    /** A generator started from a seed. */
    public Rng(long seed) {
        this.state = seed;
    }

    /**
     * A seed derived from a base seed and a sequence of integers (layer index, epoch, ...), so that streams
     * for different purposes do not overlap in practice and do not depend on one another.
     */
    public static long derive(long seed, long... path) {
        long s = mix(seed);
        for (long p : path) {
            s = mix(s ^ mix(p + GOLDEN_GAMMA));
        }
        return s;
    }

    /** {@link #derive(long, long...)} for one integer, without allocating; used on hot paths. */
    public static long derive(long seed, long part) {
        return mix(mix(seed) ^ mix(part + GOLDEN_GAMMA));
    }

    private static long mix(long z) {
        z = (z ^ (z >>> 30)) * 0xBF58476D1CE4E5B9L;
        z = (z ^ (z >>> 27)) * 0x94D049BB133111EBL;
        return z ^ (z >>> 31);
    }

    /** Restarts the generator from a seed, as if newly constructed. */
    public void reseed(long seed) {
        state = seed;
        hasSpare = false;
    }

    /** The next 64 random bits. */
    public long nextLong() {
        state += GOLDEN_GAMMA;
        return mix(state);
    }

    /** A double uniformly distributed in [0, 1). */
    public double nextDouble() {
        return (nextLong() >>> 11) * 0x1.0p-53;
    }

    /** A double uniformly distributed in [low, high). */
    public double nextDouble(double low, double high) {
        return low + (high - low) * nextDouble();
    }

    /**
     * An int uniformly distributed in [0, bound), without modulo bias (Lemire's method with rejection).
     *
     * @throws IllegalArgumentException if bound is not positive
     */
    public int nextInt(int bound) {
        if (bound <= 0) {
            throw new IllegalArgumentException("bound must be positive, got " + bound);
        }
        long m = (nextLong() >>> 32) * bound;
        long low = m & 0xFFFFFFFFL;
        if (low < bound) {
            long threshold = (0x1_0000_0000L - bound) % bound;
            while (low < threshold) {
                m = (nextLong() >>> 32) * bound;
                low = m & 0xFFFFFFFFL;
            }
        }
        return (int) (m >>> 32);
    }

    /** A standard normal deviate (mean 0, variance 1). */
    public double nextGaussian() {
        if (hasSpare) {
            hasSpare = false;
            return spareGaussian;
        }
        double u;
        double v;
        double s;
        do {
            u = 2 * nextDouble() - 1;
            v = 2 * nextDouble() - 1;
            s = u * u + v * v;
        } while (s >= 1 || s == 0);
        double scale = StrictMath.sqrt(-2 * StrictMath.log(s) / s);
        spareGaussian = v * scale;
        hasSpare = true;
        return u * scale;
    }

    /** Shuffles the array in place (Fisher–Yates). */
    public void shuffle(int[] values) {
        for (int i = values.length - 1; i > 0; i--) {
            int j = nextInt(i + 1);
            int t = values[i];
            values[i] = values[j];
            values[j] = t;
        }
    }
}
