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

    @Test
    void parse_refusesTrailingLeadingAndDoubledCommas() {
        assertThatThrownBy(() -> ComponentSpec.parse("adam(lr=0.001,)"))
                .hasMessage("Cannot read component 'adam(lr=0.001,)': parameter 2 is empty (a trailing comma?)");
        assertThatThrownBy(() -> ComponentSpec.parse("adam(,lr=0.001)")).hasMessageContaining("leading comma");
        assertThatThrownBy(() -> ComponentSpec.parse("adam(lr=1,,b=2)")).hasMessageContaining("doubled comma");
        assertThatThrownBy(() -> ComponentSpec.parse("adam(lr=)")).hasMessageContaining("'lr' has no value");
        assertThatThrownBy(() -> ComponentSpec.parse("relu,")).hasMessageContaining("expected name");
    }

    @Test
    void config_numbers_followOneStrictGrammar() {
        // refused: suffixes, hex, NUL, non-ASCII digits, thousands separators
        for (String bad : new String[] {"1d", "2f", "0x1p3", "1\u00002", "\u0661\u0660", "1,000", "1e", "."}) {
            assertThatThrownBy(() -> Config.of("lr", bad).getDouble("lr", 0))
                    .as(bad)
                    .hasMessageStartingWith("Parameter 'lr' must be a number");
        }
        assertThatThrownBy(() -> Config.of("n", "\u0661\u0660").getInt("n", 0))
                .hasMessageStartingWith("Parameter 'n' must be an integer");
        assertThatThrownBy(() -> Config.of("n", "+0x10").getLong("n", 0))
                .hasMessageStartingWith("Parameter 'n' must be an integer");
        // accepted: decimals with optional exponent, and the words Double.toString writes
        Config good = Config.of("a", " 1e-3 ", "b", ".5", "c", "-2.", "d", "6.02E23", "e", "-Infinity", "f", "NaN");
        assertThat(good.getDouble("a", 0)).isEqualTo(0.001);
        assertThat(good.getDouble("b", 0)).isEqualTo(0.5);
        assertThat(good.getDouble("c", 0)).isEqualTo(-2.0);
        assertThat(good.getDouble("d", 0)).isEqualTo(6.02e23);
        assertThat(good.getDouble("e", 0)).isEqualTo(Double.NEGATIVE_INFINITY);
        assertThat(good.getDouble("f", 0)).isNaN();
        assertThatThrownBy(() -> good.getFiniteDouble("e", 0))
                .hasMessage("Parameter 'e' must be a finite number, got -Infinity");
    }

    @Test
    void config_integerPastTheIntRange_namesTheParameterAndTheLimits() {
        assertThatThrownBy(() -> Config.of("n", "2147483648").getInt("n", 0))
                .hasMessage("Parameter 'n' is out of range: '2147483648' (an integer from -2147483648 to 2147483647)");
        assertThat(Config.of("n", "-2147483648").getInt("n", 0)).isEqualTo(Integer.MIN_VALUE);
    }

    @Test
    void echo_cutsLongInput_andShowsControlCharacters() {
        String megabyte = "x".repeat(1 << 20);
        String quoted = Echo.quote(megabyte);
        // 80 characters kept, then the ellipsis and the length: 2^20 = 1048576
        assertThat(quoted).isEqualTo("'" + "x".repeat(80) + "…' (1048576 characters)");
        assertThat(Echo.quote("a\u0000b")).isEqualTo("'a\\u0000b'");
        assertThatThrownBy(() -> ComponentSpec.parse(megabyte + "(a=1,)"))
                .satisfies(e -> assertThat(e.getMessage().length()).isLessThan(200));
    }

    @Test
    void parenthesesInsideTheParameters_areRefused_evenFirst() {
        assertThatThrownBy(() -> ComponentSpec.parse("elu((alpha=1)"))
                .isInstanceOf(IllegalArgumentException.class)
                .hasMessageContaining("parameters cannot contain '(' or ')'");
        assertThatThrownBy(() -> ComponentSpec.parse("elu()alpha=1)"))
                .isInstanceOf(IllegalArgumentException.class)
                .hasMessageContaining("parameters cannot contain '(' or ')'");
    }

    @Test
    void parameterWithoutAKey_isNotKeyValue() {
        assertThatThrownBy(() -> ComponentSpec.parse("elu(=1)"))
                .isInstanceOf(IllegalArgumentException.class)
                .hasMessageContaining("parameter '=1' is not key=value");
    }
}
