package dev.backprop.core.random;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.assertj.core.api.Assertions.within;

import org.junit.jupiter.api.Test;

/**
 * The generator against the published algorithms it implements. Every constant marked "Python" was printed by
 * {@code src/test/python/rng_reference.py}, an independent transcription of SplitMix64, Lemire's method, the polar
 * method and Fisher-Yates (its README says how to rerun it).
 */
class RngTest {

    @Test
    void nextLong_followsTheSplitMix64ReferenceSequence() {
        // SplitMix64 reference (Vigna's splitmix64.c) from state 0, recomputed with a Python transcription of
        // the published algorithm: 0xe220a8397b1dcdaf, 0x6e789e6aa1b965f4, 0x06c45d188009454f
        Rng rng = new Rng(0);

        assertThat(rng.nextLong()).isEqualTo(0xe220a8397b1dcdafL);
        assertThat(rng.nextLong()).isEqualTo(0x6e789e6aa1b965f4L);
        assertThat(rng.nextLong()).isEqualTo(0x06c45d188009454fL);
    }

    @Test
    void nextDouble_isTheTop53Bits() {
        // Python: first SplitMix64 output from state 42 is 0xbdd732262feb6e95; (v >> 11) * 2**-53 = 0.7415648787718233
        assertThat(new Rng(42).nextDouble()).isEqualTo(0.7415648787718233);
    }

    @Test
    void nextInt_staysInRange_andCoversIt() {
        Rng rng = new Rng(7);
        int[] counts = new int[6];
        for (int i = 0; i < 6000; i++) {
            counts[rng.nextInt(6)]++;
        }
        // each face expected 1000 times, standard deviation ≈ 29
        for (int c : counts) {
            assertThat(c).isBetween(850, 1150);
        }
    }

    @Test
    void nextGaussian_hasUnitVarianceAndZeroMean() {
        Rng rng = new Rng(11);
        int n = 200_000;
        double sum = 0;
        double sumSq = 0;
        for (int i = 0; i < n; i++) {
            double g = rng.nextGaussian();
            sum += g;
            sumSq += g * g;
        }
        // standard errors: mean 1/√n ≈ 0.0022, variance √(2/n) ≈ 0.0032
        assertThat(sum / n).isCloseTo(0, within(0.012));
        assertThat(sumSq / n).isCloseTo(1, within(0.016));
    }

    @Test
    void sameSeed_sameShuffle_differentSeed_differentShuffle() {
        int[] a = range(50);
        int[] b = range(50);
        int[] c = range(50);
        new Rng(5).shuffle(a);
        new Rng(5).shuffle(b);
        new Rng(6).shuffle(c);

        assertThat(a).containsExactly(b).isNotEqualTo(c).containsExactlyInAnyOrder(range(50));
    }

    @Test
    void derive_ofOnePart_equalsTheVarargsForm() {
        assertThat(Rng.derive(9, 5L)).isEqualTo(Rng.derive(9, new long[] {5}));
    }

    @Test
    void derive_dependsOnEveryPart() {
        assertThat(Rng.derive(1, 2, 3))
                .isEqualTo(Rng.derive(1, 2, 3))
                .isNotEqualTo(Rng.derive(1, 3, 2))
                .isNotEqualTo(Rng.derive(2, 2, 3));
    }

    @Test
    void derive_followsTheSplitMix64Mixer() {
        // Python transcription of derive (s = mix(seed); s = mix(s ^ mix(p + golden gamma)) per part, with
        // SplitMix64's finaliser as mix), read as signed 64-bit integers
        assertThat(Rng.derive(7)).isEqualTo(1346066267577507604L);
        assertThat(Rng.derive(9, 5L)).isEqualTo(-8557170704838770900L);
        assertThat(Rng.derive(1, 2, 3)).isEqualTo(3433360572043031805L);
    }

    @Test
    void nextDouble_inARange_scalesTheUnitDouble() {
        // Python: -2 + (6 - -2) * 0.7415648787718233 (the first double from seed 42) = 3.9325190301745865
        assertThat(new Rng(42).nextDouble(-2, 6)).isEqualTo(3.9325190301745865);
    }

    @Test
    void nextInt_followsLemiresMethod() {
        // Python transcription of Lemire's multiply-and-reject on the SplitMix64 sequence from seed 4
        Rng rng = new Rng(4);

        assertThat(new int[] {rng.nextInt(10), rng.nextInt(10), rng.nextInt(10), rng.nextInt(10), rng.nextInt(10)})
                .containsExactly(4, 8, 8, 4, 3);
    }

    @Test
    void nextInt_rejectsADrawInTheBiasedLowRange_andDrawsAgain() {
        // bound 3·2²⁹: threshold 2³² mod bound = 2³⁰. From seed 8 the first draw's low word falls below it, so it
        // is rejected (it would have given 996171426); the second gives 985611397 (Python transcription)
        assertThat(new Rng(8).nextInt(3 << 29)).isEqualTo(985611397);
    }

    @Test
    void nextInt_ofOne_isZero_andOfZero_isRefused() {
        assertThat(new Rng(3).nextInt(1)).isZero();
        assertThatThrownBy(() -> new Rng(3).nextInt(0))
                .isInstanceOf(IllegalArgumentException.class)
                .hasMessage("bound must be positive, got 0");
    }

    @Test
    void nextGaussian_followsThePolarMethod_andUsesTheSpareDeviate() {
        // Python transcription of the Marsaglia polar method on this generator's doubles, seed 3; the second
        // value is the spare of the first pair. Python's log may differ from StrictMath.log in the last bit.
        Rng rng = new Rng(3);

        assertThat(rng.nextGaussian()).isCloseTo(-0.6607094165639128, within(1e-15));
        assertThat(rng.nextGaussian()).isCloseTo(0.34235138432607176, within(1e-15));
        assertThat(rng.nextGaussian()).isCloseTo(0.17986789286273094, within(1e-15));
    }

    @Test
    void reseed_restartsTheSequence_andDropsTheSpareDeviate() {
        Rng rng = new Rng(3);
        rng.nextGaussian(); // leaves a spare deviate
        rng.reseed(3);

        // the first deviate from seed 3 (as above), not the spare of the earlier pair
        assertThat(rng.nextGaussian()).isCloseTo(-0.6607094165639128, within(1e-15));
        // SplitMix64 from state 0 (see above): reseeding sets the state
        rng.reseed(0);
        assertThat(rng.nextLong()).isEqualTo(0xe220a8397b1dcdafL);
    }

    @Test
    void shuffle_isFisherYatesOnNextInt() {
        // Python transcription: for i = n-1 .. 1, swap i with nextInt(i + 1), seed 5
        int[] values = range(6);
        new Rng(5).shuffle(values);

        assertThat(values).containsExactly(1, 5, 4, 0, 3, 2);
    }

    @Test
    void shuffle_drawsOneIntegerPerPositionAfterTheFirst() {
        // 6 values take 5 draws (none rejected, Python transcription): the next output is the generator's 6th,
        // 7020995479949754436
        Rng rng = new Rng(5);
        rng.shuffle(range(6));

        assertThat(rng.nextLong()).isEqualTo(7020995479949754436L);
    }

    private static int[] range(int n) {
        int[] r = new int[n];
        for (int i = 0; i < n; i++) {
            r[i] = i;
        }
        return r;
    }
}
