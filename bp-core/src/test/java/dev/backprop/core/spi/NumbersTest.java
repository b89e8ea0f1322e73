package dev.backprop.core.spi;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import org.junit.jupiter.api.Test;

class NumbersTest {

    @Test
    void isDecimal_acceptsDigitsAndExponents_butNotTheWordsOrNull() {
        assertThat(Numbers.isDecimal("1.5")).isTrue();
        assertThat(Numbers.isDecimal(" -2e3\t")).isTrue();
        assertThat(Numbers.isDecimal("NaN")).isFalse();
        assertThat(Numbers.isDecimal("Infinity")).isFalse();
        assertThat(Numbers.isDecimal("abc")).isFalse();
        assertThat(Numbers.isDecimal(null)).isFalse();
    }

    @Test
    void parseInt_acceptsTheIntLimits_andRefusesOneBeyond() {
        // Integer.MIN_VALUE = -2^31 = -2147483648, Integer.MAX_VALUE = 2^31 - 1 = 2147483647
        assertThat(Numbers.parseInt("-2147483648", "n")).isEqualTo(Integer.MIN_VALUE);
        assertThat(Numbers.parseInt("2147483647", "n")).isEqualTo(Integer.MAX_VALUE);
        assertThatThrownBy(() -> Numbers.parseInt("-2147483649", "n"))
                .hasMessage("n is out of range: '-2147483649' (an integer from -2147483648 to 2147483647)");
        assertThatThrownBy(() -> Numbers.parseInt("2147483648", "n"))
                .hasMessage("n is out of range: '2147483648' (an integer from -2147483648 to 2147483647)");
    }

    @Test
    void spacesAndTabsAround_areIgnored_andTextOfOnlySpacesIsNoNumber() {
        assertThat(Numbers.parseReal("\t0.25 ", "x")).isEqualTo(0.25);
        assertThatThrownBy(() -> Numbers.parseReal("  ", "x"))
                .isInstanceOf(IllegalArgumentException.class)
                .hasMessage("x must be a number, got '  '");
        assertThatThrownBy(() -> Numbers.parseLong(" ", "y"))
                .isInstanceOf(IllegalArgumentException.class)
                .hasMessage("y must be an integer, got ' '");
    }
}
