package dev.backprop.core.spi;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.util.HashMap;
import java.util.Map;
import org.junit.jupiter.api.Test;

class ConfigTest {

    @Test
    void getBoolean_readsTrueAndFalseInAnyCase_andTheDefaultWhenAbsent() {
        Config config = Config.of("a", "TRUE", "b", " False ", "c", "yes");

        assertThat(config.getBoolean("a", false)).isTrue();
        assertThat(config.getBoolean("b", true)).isFalse();
        assertThat(config.getBoolean("absent", true)).isTrue();
        assertThat(config.getBoolean("absent", false)).isFalse();
        assertThatThrownBy(() -> config.getBoolean("c", true))
                .isInstanceOf(IllegalArgumentException.class)
                .hasMessage("Parameter 'c' must be true or false, got 'yes'");
    }

    @Test
    void getFiniteDouble_readsTheValue_andRefusesInfinity() {
        Config config = Config.of("lr", 0.25, "big", "Infinity");

        assertThat(config.getFiniteDouble("lr", 1)).isEqualTo(0.25);
        assertThat(config.getFiniteDouble("absent", 1.5)).isEqualTo(1.5);
        assertThatThrownBy(() -> config.getFiniteDouble("big", 1))
                .isInstanceOf(IllegalArgumentException.class)
                .hasMessage("Parameter 'big' must be a finite number, got Infinity");
    }

    @Test
    void getLong_readsValuesBeyondTheIntRange() {
        // 2^31 = 2147483648, one past Integer.MAX_VALUE
        Config config = Config.of("seed", 2147483648L);

        assertThat(config.getLong("seed", 0)).isEqualTo(2147483648L);
        assertThat(config.getLong("absent", -3)).isEqualTo(-3);
    }

    @Test
    void getString_andHas_seeOnlyPresentKeys() {
        Config config = Config.of("mode", "fast");

        assertThat(config.getString("mode", "slow")).isEqualTo("fast");
        assertThat(config.getString("absent", "slow")).isEqualTo("slow");
        assertThat(config.has("mode")).isTrue();
        assertThat(config.has("absent")).isFalse();
    }

    @Test
    void with_addsOrReplacesOneParameter_andLeavesTheOriginal() {
        Config config = Config.of("a", 1);

        Config added = config.with("b", 2.5);
        Config replaced = added.with("a", 3);

        assertThat(added.asMap()).containsExactly(Map.entry("a", "1"), Map.entry("b", "2.5"));
        assertThat(replaced.asMap()).containsExactly(Map.entry("a", "3"), Map.entry("b", "2.5"));
        assertThat(config.asMap()).containsExactly(Map.entry("a", "1"));
        assertThatThrownBy(() -> config.with(" b", 1)).hasMessageContaining("got ' b'");
    }

    @Test
    void equalConfigs_haveEqualHashCodes() {
        assertThat(Config.of("a", 1, "b", 2))
                .isEqualTo(Config.of(Map.of("a", "1", "b", "2")))
                .hasSameHashCodeAs(Config.of(Map.of("b", "2", "a", "1")));
    }

    @Test
    void aNullValueInAMap_isRefused_namingItsKey() {
        Map<String, String> map = new HashMap<>();
        map.put("lr", null);

        assertThatThrownBy(() -> Config.of(map))
                .isInstanceOf(NullPointerException.class)
                .hasMessage("value of lr");
    }
}
