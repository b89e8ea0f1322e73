package dev.backprop.core.spi;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.util.Set;
import org.junit.jupiter.api.Test;

class ComponentSpecTest {

    @Test
    void parse_readsNameAndParameters_andToStringReadsBack() {
        ComponentSpec spec = ComponentSpec.parse(" leaky-relu( alpha = 0.01 , mode=fast ) ");

        assertThat(spec.name()).isEqualTo("leaky-relu");
        assertThat(spec.config().asMap())
                .containsExactly(java.util.Map.entry("alpha", "0.01"), java.util.Map.entry("mode", "fast"));
        assertThat(ComponentSpec.parse(spec.toString())).isEqualTo(spec);
        assertThat(ComponentSpec.parse("relu")).isEqualTo(ComponentSpec.of("relu"));
        assertThat(ComponentSpec.parse("relu()")).isEqualTo(ComponentSpec.of("relu"));
    }

    @Test
    void parse_refusesMalformedText_sayingWhy() {
        assertThatThrownBy(() -> ComponentSpec.parse("elu(alpha=1")).hasMessageContaining("missing ')'");
        assertThatThrownBy(() -> ComponentSpec.parse("elu(alpha)")).hasMessageContaining("'alpha' is not key=value");
        assertThatThrownBy(() -> ComponentSpec.parse("elu(a=1,a=2)")).hasMessageContaining("'a' given twice");
    }

    @Test
    void config_doublesRoundTripExactly() {
        double awkward = 0.1 + 0.2;
        Config c = Config.of("x", awkward);

        assertThat(ComponentSpec.parse(new ComponentSpec("f", c).toString())
                        .config()
                        .getDouble("x", 0))
                .isEqualTo(awkward);
    }

    @Test
    void config_typedGetters_nameTheParameterAndValue() {
        Config c = Config.of("alpha", "abc", "n", "2.5", "flag", "yes");

        assertThatThrownBy(() -> c.getDouble("alpha", 0)).hasMessage("Parameter 'alpha' must be a number, got 'abc'");
        assertThatThrownBy(() -> c.getInt("n", 0)).hasMessage("Parameter 'n' must be an integer, got '2.5'");
        assertThatThrownBy(() -> c.getBoolean("flag", false))
                .hasMessage("Parameter 'flag' must be true or false, got 'yes'");
        assertThat(c.getDouble("missing", 7)).isEqualTo(7);
    }

    @Test
    void requireOnly_refusesUnknownKeys_listingTheKnownOnes() {
        Config c = Config.of("alfa", 1);

        assertThatThrownBy(() -> c.requireOnly("activation 'elu'", Set.of("alpha")))
                .hasMessage("Unknown parameter [alfa] for activation 'elu'. Known: [alpha]");
    }
}
