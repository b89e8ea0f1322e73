package dev.backprop.optim.schedule;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.within;

import dev.backprop.core.registry.Registries;
import dev.backprop.core.spi.ComponentSpec;
import dev.backprop.core.spi.Schedule;
import org.junit.jupiter.api.Test;

/** The rates of the stateless schedules, against values worked out by hand or with Python's math module. */
class ScheduleRatesTest {

    static Schedule create(String spec) {
        return Registries.discover().schedules().create(ComponentSpec.parse(spec));
    }

    @Test
    void constant_returnsBaseRate() {
        Schedule s = create("constant");
        assertThat(s.rate(0.1, 0, 0)).isEqualTo(0.1);
        assertThat(s.rate(0.1, 12345, 17)).isEqualTo(0.1);
    }

    @Test
    void constant_withWarmup_risesLinearlyThenHolds() {
        // by hand: factor (step + 1) / 4 for steps 0..3, then 1: 0.2 · (0.25, 0.5, 0.75, 1, 1, 1)
        Schedule s = create("constant(warmup-steps=4)");
        double[] rates = new double[6];
        for (int step = 0; step < 6; step++) {
            rates[step] = s.rate(0.2, step, 0);
        }
        assertThat(rates).containsExactly(new double[] {0.05, 0.1, 0.15, 0.2, 0.2, 0.2}, within(1e-15));
    }

    @Test
    void stepDecay_halvesEveryThreeEpochs() {
        // by hand: 0.1 · 0.5^⌊epoch / 3⌋
        Schedule s = create("step-decay(step-size=3,gamma=0.5)");
        double[] rates = new double[8];
        for (int epoch = 0; epoch < 8; epoch++) {
            rates[epoch] = s.rate(0.1, 1000L * epoch, epoch);
        }
        assertThat(rates).containsExactly(new double[] {0.1, 0.1, 0.1, 0.05, 0.05, 0.05, 0.025, 0.025}, within(1e-15));
    }

    @Test
    void stepDecay_perStep_countsSteps() {
        // by hand: step 7 with step-size 3 is ⌊7/3⌋ = 2 decays: 0.1 · 0.5² = 0.025, whatever the epoch
        Schedule s = create("step-decay(step-size=3,gamma=0.5,unit=step)");
        assertThat(s.rate(0.1, 7, 0)).isCloseTo(0.025, within(1e-15));
    }

    @Test
    void exponentialDecay_multipliesByGammaEachEpoch() {
        // python: 0.1 * 0.9**3 = 0.072900000000000006
        Schedule s = create("exponential-decay(gamma=0.9)");
        assertThat(s.rate(0.1, 0, 0)).isEqualTo(0.1);
        assertThat(s.rate(0.1, 99, 3)).isCloseTo(0.072900000000000006, within(1e-15));
    }

    @Test
    void cosine_annealsToMinRateAndHolds() {
        // python: f = lambda n: 0.01 + (0.1 - 0.01)*(1 + math.cos(math.pi*n/10))/2
        // f(2) = 0.091405764746872634, f(5) = 0.055000000000000007, f(7) = 0.028549663646838717, f(10) = 0.01
        Schedule s = create("cosine(t-max=10,min-rate=0.01)");
        assertThat(s.rate(0.1, 0, 0)).isCloseTo(0.1, within(1e-15));
        assertThat(s.rate(0.1, 0, 2)).isCloseTo(0.091405764746872634, within(1e-15));
        assertThat(s.rate(0.1, 0, 5)).isCloseTo(0.055000000000000007, within(1e-15));
        assertThat(s.rate(0.1, 0, 7)).isCloseTo(0.028549663646838717, within(1e-15));
        assertThat(s.rate(0.1, 0, 10)).isCloseTo(0.01, within(1e-15));
        assertThat(s.rate(0.1, 0, 25)).isCloseTo(0.01, within(1e-15));
    }

    @Test
    void cosine_perStepWithWarmup_isTheProduct() {
        // python: g = lambda n: 0.2*(1 + math.cos(math.pi*n/8))/2; rate = g(s)*min(1, (s + 1)/4)
        Schedule s = create("cosine(t-max=8,unit=step,warmup-steps=4)");
        double[] rates = new double[6];
        for (int step = 0; step < 6; step++) {
            rates[step] = s.rate(0.2, step, 0);
        }
        assertThat(rates)
                .containsExactly(
                        new double[] {
                            0.050000000000000003,
                            0.096193976625564337,
                            0.12803300858899108,
                            0.13826834323650899,
                            0.10000000000000001,
                            0.06173165676349103
                        },
                        within(1e-15));
    }
}
