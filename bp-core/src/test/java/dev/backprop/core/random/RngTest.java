package dev.backprop.core.random;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.within;

import org.junit.jupiter.api.Test;

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

    private static int[] range(int n) {
        int[] r = new int[n];
        for (int i = 0; i < n; i++) {
            r[i] = i;
        }
        return r;
    }
}
