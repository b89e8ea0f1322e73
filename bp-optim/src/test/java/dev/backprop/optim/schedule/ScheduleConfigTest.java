package dev.backprop.optim.schedule;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.backprop.core.registry.Registries;
import dev.backprop.core.registry.Registry;
import dev.backprop.core.spi.ComponentSpec;
import dev.backprop.core.spi.Config;
import dev.backprop.core.spi.Schedule;
import dev.backprop.core.spi.ScheduleProvider;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;
import org.junit.jupiter.params.provider.ValueSource;

/** Discovery, configuration round trips and the refusal of invalid parameters, for the schedules. */
class ScheduleConfigTest {

    static Registry<Schedule, ScheduleProvider> registry() {
        return Registries.discover().schedules();
    }

    @Test
    void registry_findsEveryBuiltInSchedule() {
        assertThat(registry().names())
                .containsExactly("constant", "cosine", "exponential-decay", "reduce-on-plateau", "step-decay");
    }

    @ParameterizedTest
    @ValueSource(strings = {"constant", "step-decay", "exponential-decay", "cosine", "reduce-on-plateau"})
    void config_roundTripsThroughProviderAndText(String name) {
        ScheduleProvider provider = registry().find(name).provider();
        Schedule schedule = provider.create(Config.of("warmup-steps", 7));
        assertThat(schedule.name()).isEqualTo(name);
        assertThat(provider.create(schedule.config()).config()).isEqualTo(schedule.config());
        Schedule parsed = registry().create(ComponentSpec.parse(schedule.spec().toString()));
        assertThat(parsed.spec()).isEqualTo(schedule.spec());
        assertThat(schedule.config().asMap()).containsEntry("warmup-steps", "7");
    }

    @Test
    void stepDecay_config_listsDefaults() {
        assertThat(registry().create(ComponentSpec.of("step-decay")).spec().toString())
                .isEqualTo("step-decay(step-size=10,gamma=0.1,unit=epoch,warmup-steps=0)");
    }

    @ParameterizedTest
    @CsvSource(
            delimiter = '|',
            value = {
                "step-decay(gamma=0)             | step-decay gamma must be in (0, 1], got 0.0",
                "step-decay(step-size=0)         | step-decay step-size must be >= 1, got 0",
                "exponential-decay(gamma=1.5)    | exponential-decay gamma must be in (0, 1], got 1.5",
                "cosine(t-max=0)                 | cosine t-max must be >= 1, got 0",
                "cosine(min-rate=-0.1)           | cosine min-rate must be finite and >= 0, got -0.1",
                "cosine(unit=batch)              | cosine unit must be epoch or step, got 'batch'",
                "constant(warmup-steps=-1)       | constant warmup-steps must be >= 0, got -1",
                "reduce-on-plateau(factor=1.0)   | reduce-on-plateau factor must be in (0, 1), got 1.0",
                "reduce-on-plateau(patience=-1)  | reduce-on-plateau patience must be >= 0, got -1",
                "reduce-on-plateau(threshold=-1) | reduce-on-plateau threshold must be finite and >= 0, got -1.0",
            })
    void invalidParameter_isRefusedWithNameAndValue(String spec, String message) {
        assertThatThrownBy(() -> registry().create(ComponentSpec.parse(spec)))
                .isInstanceOf(IllegalArgumentException.class)
                .hasMessage(message);
    }

    @Test
    void unknownKey_isRefused() {
        assertThatThrownBy(() -> registry().create(ComponentSpec.parse("cosine(tmax=10)")))
                .isInstanceOf(IllegalArgumentException.class)
                .hasMessageContaining("[tmax]")
                .hasMessageContaining("schedule 'cosine'");
    }

    @Test
    void rate_negativeStep_isRefused() {
        assertThatThrownBy(() -> registry().create(ComponentSpec.of("constant")).rate(0.1, -1, 0))
                .isInstanceOf(IllegalArgumentException.class)
                .hasMessage("constant needs step >= 0 and epoch >= 0, got step=-1, epoch=0");
    }

    @Test
    void rate_negativeBaseRate_isRefused() {
        assertThatThrownBy(() -> registry().create(ComponentSpec.of("cosine")).rate(-0.1, 0, 0))
                .isInstanceOf(IllegalArgumentException.class)
                .hasMessage("cosine base rate must be finite and >= 0, got -0.1");
    }
}
