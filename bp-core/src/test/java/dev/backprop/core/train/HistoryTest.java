package dev.backprop.core.train;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.io.StringWriter;
import java.lang.ref.WeakReference;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

class HistoryTest {

    private static EpochRecord record(int epoch) {
        return new EpochRecord(epoch, 1.0 / (epoch + 1), Map.of("validation.accuracy", epoch / 10.0), 0.1, 0.5);
    }

    @Test
    void history_keepsNoRecordObjects_soMemoryDoesNotGrowByAMapPerEpoch() {
        History history = new History();
        List<WeakReference<Object>> refs = new ArrayList<>();
        for (int e = 0; e < 200; e++) {
            EpochRecord r = record(e);
            refs.add(new WeakReference<>(r));
            refs.add(new WeakReference<>(r.metrics()));
            history.add(r);
        }
        for (int i = 0; i < 5 && refs.stream().anyMatch(w -> w.get() != null); i++) {
            System.gc();
        }
        // the records and their maps are garbage once added: only primitive columns hold the figures
        assertThat(refs).allMatch(w -> w.get() == null);
        // and the figures are still all there: epoch 7 → loss 1/8, accuracy 0.7
        assertThat(history.epochs().get(7)).isEqualTo(record(7));
        assertThat(history.size()).isEqualTo(200);
    }

    @Test
    void history_ofAMillionEpochs_givesBackEveryFigure() {
        History history = new History();
        EpochRecord shared = new EpochRecord(0, 0.25, Map.of("train.accuracy", 0.5), 0.01, 0.001);
        for (int e = 0; e < 1_000_000; e++) {
            history.add(shared);
        }
        double[] accuracy = history.series("train.accuracy");
        assertThat(accuracy).hasSize(1_000_000);
        // every epoch was given 0.5 and 0.25
        assertThat(accuracy[999_999]).isEqualTo(0.5);
        assertThat(history.series("train.loss")[123_456]).isEqualTo(0.25);
        assertThat(history.last()).isEqualTo(shared);
    }

    @Test
    void series_ofAMetricSomeEpochsLack_namesTheEpoch() {
        History history = new History();
        history.add(new EpochRecord(0, 1, Map.of(), 0.1, 0));
        history.add(new EpochRecord(1, 1, Map.of("validation.loss", 2.0), 0.1, 0));

        assertThatThrownBy(() -> history.series("validation.loss"))
                .isInstanceOf(IllegalArgumentException.class)
                .hasMessageContaining("Epoch 0 has no metric 'validation.loss'");
        assertThat(history.last().metric("validation.loss")).isEqualTo(2.0);
    }

    @Test
    void series_ofAMetricNoEpochHas_namesTheFirstEpoch() {
        History history = new History();
        history.add(new EpochRecord(0, 1, Map.of("validation.loss", 2.0), 0.1, 0));

        assertThatThrownBy(() -> history.series("validation.f1"))
                .isInstanceOf(IllegalArgumentException.class)
                .hasMessage("Epoch 0 has no metric 'validation.f1'. It has: train.loss, [validation.loss]");
    }

    @Test
    void writeCsv_leavesMissingMetricsEmpty_andKeysAreSorted() {
        History history = new History(List.of(
                new EpochRecord(0, 0.5, Map.of("b.x", 1.0), 0.1, 0.25),
                new EpochRecord(1, 0.25, Map.of("a.y", 2.0, "b.x", 3.0), 0.1, 1.0)));
        StringWriter out = new StringWriter();
        history.writeCsv(out);
        // by hand: header, then each epoch; epoch 0 has no a.y
        assertThat(out.toString())
                .isEqualTo("epoch,train.loss,a.y,b.x,learning_rate,seconds\n"
                        + "0,0.5,,1.0,0.1,0.250\n"
                        + "1,0.25,2.0,3.0,0.1,1.000\n");
        assertThat(history.keys()).containsExactly("train.loss", "a.y", "b.x");
    }

    @Test
    void last_ofEmptyHistory_isAnError() {
        assertThatThrownBy(() -> new History().last()).hasMessageContaining("empty");
        assertThat(new History().series("train.loss")).isEmpty();
    }
}
