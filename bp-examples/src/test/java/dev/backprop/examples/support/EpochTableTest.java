package dev.backprop.examples.support;

import static org.assertj.core.api.Assertions.assertThat;

import dev.backprop.core.train.EpochRecord;
import java.io.PrintWriter;
import java.io.StringWriter;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

class EpochTableTest {

    @Test
    void rows_showTheEpochFromOneAndTheChosenFigures() {
        StringWriter text = new StringWriter();
        EpochTable table = new EpochTable(
                new PrintWriter(text, true),
                List.of(new EpochTable.Column("train.loss", "train loss"), EpochTable.column("test.accuracy")));
        table.onEpochEnd(null, new EpochRecord(0, 0.5, Map.of("test.accuracy", 0.75), 0.1, 1.0));
        table.onEpochEnd(null, new EpochRecord(1, 0.25, Map.of("test.accuracy", 0.875), 0.1, 1.0));
        // by hand: the note on train loss and the header once, then epochs 1 and 2 with six decimals in columns of
        // twelve
        assertThat(text.toString().split("\\R"))
                .containsExactly(
                        "(train loss: mean over the epoch's batches; the other columns: measured after the epoch)",
                        " epoch    train loss  test.accuracy",
                        "     1      0.500000      0.750000",
                        "     2      0.250000      0.875000");
    }

    @Test
    void hugeAndNonFiniteFigures_areInScientificNotation() {
        // by hand: 1.5e300 has 301 digits before the point in fixed notation; here 11 characters, right-aligned in 12
        assertThat(EpochTable.format(1.5e300)).isEqualTo(" 1.5000e+300");
        assertThat(EpochTable.format(-2.5e6)).isEqualTo(" -2.5000e+06");
        assertThat(EpochTable.format(999_999.5)).isEqualTo("999999.500000");
        assertThat(EpochTable.format(Double.NaN)).isEqualTo("         NaN");
        assertThat(EpochTable.format(Double.POSITIVE_INFINITY)).isEqualTo("    Infinity");
    }

    @Test
    void aTableWithoutTheTrainLoss_hasNoNote() {
        StringWriter text = new StringWriter();
        EpochTable table = new EpochTable(new PrintWriter(text, true), List.of(EpochTable.column("test.accuracy")));
        table.onEpochEnd(null, new EpochRecord(0, 0.5, Map.of("test.accuracy", 0.75), 0.1, 1.0));
        assertThat(text.toString().split("\\R")).containsExactly(" epoch  test.accuracy", "     1      0.750000");
    }
}
