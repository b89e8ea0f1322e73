package dev.backprop.optim.schedule;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.backprop.core.registry.Registries;
import dev.backprop.core.spi.Config;
import dev.backprop.core.spi.Schedule;
import java.util.Set;
import java.util.TreeSet;
import java.util.function.Supplier;
import java.util.stream.Stream;
import org.assertj.core.data.Offset;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;

class SchedulesTest {

    /** Each typed builder beside the name and parameters that should create the same schedule. */
    static Stream<Arguments> pairs() {
        return Stream.of(
                pair(() -> Schedules.constant().build(), "constant", Config.empty()),
                pair(() -> Schedules.constant().warmupSteps(5).build(), "constant", Config.of("warmup-steps", 5)),
                pair(
                        () -> Schedules.stepDecay().stepSize(3).gamma(0.5).build(),
                        "step-decay",
                        Config.of("step-size", 3, "gamma", 0.5)),
                pair(
                        () -> Schedules.exponentialDecay()
                                .gamma(0.9)
                                .unit(ScheduleUnit.STEP)
                                .build(),
                        "exponential-decay",
                        Config.of("gamma", 0.9, "unit", "step")),
                pair(
                        () -> Schedules.cosine()
                                .tMax(10)
                                .minRate(0.001)
                                .warmupSteps(2)
                                .build(),
                        "cosine",
                        Config.of("t-max", 10, "min-rate", 0.001, "warmup-steps", 2)),
                pair(
                        () -> Schedules.reduceOnPlateau()
                                .factor(0.5)
                                .patience(2)
                                .threshold(0.01)
                                .cooldown(1)
                                .minRate(1e-5)
                                .build(),
                        "reduce-on-plateau",
                        Config.of("factor", 0.5, "patience", 2, "threshold", 0.01, "cooldown", 1, "min-rate", 1e-5)));
    }

    private static Arguments pair(Supplier<Schedule> factory, String name, Config config) {
        return Arguments.of(name + " " + config, factory, name, config);
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("pairs")
    void builder_createsWhatTheNameCreates(String label, Supplier<Schedule> factory, String name, Config config) {
        Schedule typed = factory.get();
        Schedule named = Registries.discover().schedules().find(name).provider().create(config);

        assertThat(typed.getClass()).isEqualTo(named.getClass());
        assertThat(typed.name()).isEqualTo(named.name());
        assertThat(typed.config()).isEqualTo(named.config());
        for (int epoch = 0; epoch < 12; epoch++) {
            long step = 3L * epoch;
            assertThat(typed.rate(0.1, step, epoch)).isEqualTo(named.rate(0.1, step, epoch));
        }
    }

    @Test
    void everyBuiltInName_hasATypedBuilder() {
        Set<String> covered = new TreeSet<>();
        pairs().forEach(a -> covered.add((String) a.get()[2]));
        assertThat(covered).isEqualTo(Registries.discover().schedules().names());
    }

    @Test
    void builderMethods_refuseABadValueAtOnce_namingIt() {
        assertThatThrownBy(() -> Schedules.cosine().tMax(0))
                .isInstanceOf(IllegalArgumentException.class)
                .hasMessageContaining("t-max");
        assertThatThrownBy(() -> Schedules.stepDecay().gamma(1.5))
                .isInstanceOf(IllegalArgumentException.class)
                .hasMessageContaining("gamma")
                .hasMessageContaining("1.5");
        assertThatThrownBy(() -> Schedules.constant().warmupSteps(-1))
                .isInstanceOf(IllegalArgumentException.class)
                .hasMessageContaining("warmup-steps");
    }

    @Test
    void stepDecayBuilder_halvesTheRateEveryThreeEpochs() {
        Schedule schedule = Schedules.stepDecay().stepSize(3).gamma(0.5).build();
        // by hand: 0.1 * 0.5^floor(7 / 3) = 0.1 * 0.25 = 0.025
        assertThat(schedule.rate(0.1, 0, 7)).isCloseTo(0.025, Offset.offset(1e-15));
    }
}
