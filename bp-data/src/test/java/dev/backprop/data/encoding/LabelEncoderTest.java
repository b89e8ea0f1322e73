package dev.backprop.data.encoding;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.util.List;
import org.junit.jupiter.api.Test;

class LabelEncoderTest {

    @Test
    void fit_indexesInOrderOfFirstAppearance() {
        LabelEncoder e = LabelEncoder.fit(List.of("b", "a", "b", "c"));
        // by hand: b first, then a, then c
        assertThat(e.names()).containsExactly("b", "a", "c");
        assertThat(e.encode(List.of("a", "c", "b"))).containsExactly(1, 2, 0);
    }

    @Test
    void of_irisNames_mapBothWays() {
        LabelEncoder e = LabelEncoder.of("setosa", "versicolor", "virginica");
        assertThat(e.index("virginica")).isEqualTo(2);
        assertThat(e.name(1)).isEqualTo("versicolor");
        assertThat(e.decode(new int[] {2, 0})).containsExactly("virginica", "setosa");
    }

    @Test
    void index_unknownName_failsListingKnownNames() {
        LabelEncoder e = LabelEncoder.of("setosa", "versicolor", "virginica");
        assertThatThrownBy(() -> e.index("Setosa"))
                .hasMessageContaining("'Setosa'")
                .hasMessageContaining("[setosa, versicolor, virginica]");
    }

    @Test
    void encode_unknownName_failsNamingRow() {
        LabelEncoder e = LabelEncoder.of("x", "y");
        assertThatThrownBy(() -> e.encode(List.of("x", "z"))).hasMessageContaining("row 1: unknown class name 'z'");
    }

    @Test
    void decode_outOfRange_failsNamingRowAndValue() {
        LabelEncoder e = LabelEncoder.of("x", "y");
        assertThatThrownBy(() -> e.decode(new int[] {1, 2})).hasMessageContaining("row 1 is 2");
    }

    @Test
    void of_duplicateName_fails() {
        assertThatThrownBy(() -> LabelEncoder.of("x", "y", "x")).hasMessageContaining("'x' appears twice, at 0 and 2");
    }
}
