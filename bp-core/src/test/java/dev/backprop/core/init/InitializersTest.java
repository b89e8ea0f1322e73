package dev.backprop.core.init;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.assertj.core.api.Assertions.within;

import dev.backprop.core.random.Rng;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.function.Supplier;
import org.ejml.data.DMatrixRMaj;
import org.junit.jupiter.api.Test;

/**
 * Each initialiser's sample statistics against its defining variance (Glorot and Bengio 2010, He et al. 2015,
 * LeCun et al. 1998): with fanIn = 400, fanOut = 100 and 40,000 draws the sample standard deviation is within
 * about 0.5% of the true one, so a 3% tolerance fails any wrong formula (the nearest wrong one differs by 20%+).
 */
class InitializersTest {

    private static double std(Initializer init) {
        DMatrixRMaj w = new DMatrixRMaj(400, 100);
        init.fill(w, new Rng(1));
        double sum = 0;
        double sumSq = 0;
        for (double v : w.data) {
            sum += v;
            sumSq += v * v;
        }
        int n = w.getNumElements();
        double mean = sum / n;
        return Math.sqrt(sumSq / n - mean * mean);
    }

    @Test
    void variances_matchTheirDefinitions() {
        // uniform on (−l, l) has std l/√3
        assertThat(std(Initializers.xavierUniform()))
                .isCloseTo(Math.sqrt(6.0 / 500) / Math.sqrt(3), within(0.03 * 0.0632));
        assertThat(std(Initializers.xavierNormal())).isCloseTo(Math.sqrt(2.0 / 500), within(0.03 * 0.0632));
        assertThat(std(Initializers.heUniform())).isCloseTo(Math.sqrt(6.0 / 400) / Math.sqrt(3), within(0.03 * 0.0707));
        assertThat(std(Initializers.heNormal())).isCloseTo(Math.sqrt(2.0 / 400), within(0.03 * 0.0707));
        assertThat(std(Initializers.lecunUniform()))
                .isCloseTo(Math.sqrt(3.0 / 400) / Math.sqrt(3), within(0.03 * 0.05));
        assertThat(std(Initializers.lecunNormal())).isCloseTo(Math.sqrt(1.0 / 400), within(0.03 * 0.05));
        assertThat(std(Initializers.normal(0, 0.01))).isCloseTo(0.01, within(0.03 * 0.01));
        assertThat(std(Initializers.uniform(-2, 2))).isCloseTo(4 / Math.sqrt(12), within(0.03 * 1.15));
    }

    @Test
    void uniformInitialisers_stayWithinTheirLimits() {
        DMatrixRMaj w = new DMatrixRMaj(30, 20);
        Initializers.heUniform().fill(w, new Rng(3));
        double limit = Math.sqrt(6.0 / 30);
        for (double v : w.data) {
            assertThat(Math.abs(v)).isLessThan(limit);
        }
    }

    @Test
    void constantAndZeros_fillEveryEntry() {
        DMatrixRMaj w = new DMatrixRMaj(3, 4);
        Initializers.constant(0.25).fill(w, new Rng(0));
        assertThat(w.data).containsOnly(0.25);
        Initializers.zeros().fill(w, new Rng(0));
        assertThat(w.data).containsOnly(0.0);
    }

    @Test
    void named_findsEveryName_andListsThemWhenUnknown() {
        for (String name : Initializers.names()) {
            assertThat(Initializers.named(name)).isNotNull();
        }
        assertThatThrownBy(() -> Initializers.named("kaiming"))
                .hasMessageContaining("Unknown initialiser 'kaiming'")
                .hasMessageContaining("he-normal");
    }

    @Test
    void invalidParameters_areRefusedWithTheirValues() {
        assertThatThrownBy(() -> Initializers.uniform(1, 1)).hasMessageContaining("low=1.0, high=1.0");
        assertThatThrownBy(() -> Initializers.normal(0, -1)).hasMessageContaining("got -1.0");
        // only the deviation was checked: an infinite mean made every weight infinite
        assertThatThrownBy(() -> Initializers.normal(Double.POSITIVE_INFINITY, 0.1))
                .hasMessage("normal initialiser needs a finite mean, got Infinity");
        assertThatThrownBy(() -> Initializers.normal(Double.NaN, 0.1)).hasMessageContaining("finite mean, got NaN");
        assertThatThrownBy(() -> Initializers.uniform(Double.NEGATIVE_INFINITY, 0))
                .hasMessageContaining("finite low < high");
        assertThatThrownBy(() -> Initializers.constant(Double.NaN)).hasMessageContaining("finite value, got NaN");
    }

    @Test
    void typedFactories_fillWhatTheirNamesFill() {
        Map<String, Supplier<Initializer>> typed = new LinkedHashMap<>();
        typed.put("zeros", Initializers::zeros);
        typed.put("xavier-uniform", Initializers::xavierUniform);
        typed.put("xavier-normal", Initializers::xavierNormal);
        typed.put("he-uniform", Initializers::heUniform);
        typed.put("he-normal", Initializers::heNormal);
        typed.put("lecun-uniform", Initializers::lecunUniform);
        typed.put("lecun-normal", Initializers::lecunNormal);
        List<String> names = new ArrayList<>();
        Initializers.names().forEach(names::add);
        assertThat(typed.keySet()).containsExactlyElementsOf(names);
        typed.forEach((name, factory) -> {
            Initializer a = factory.get();
            Initializer b = Initializers.named(name);
            assertThat(a.getClass()).as(name).isEqualTo(b.getClass());
            DMatrixRMaj wa = new DMatrixRMaj(4, 3);
            DMatrixRMaj wb = new DMatrixRMaj(4, 3);
            a.fill(wa, new Rng(11));
            b.fill(wb, new Rng(11));
            assertThat(wa.data).as(name).containsExactly(wb.data);
        });
    }

    @Test
    void normal_isTheMeanPlusStdTimesTheGeneratorsDeviates_andAStdOfZeroIsAllowed() {
        DMatrixRMaj w = new DMatrixRMaj(1, 1);
        Initializers.normal(0.5, 2).fill(w, new Rng(3));
        // the first deviate from seed 3 is -0.6607094165639128 (Python transcription, see RngTest):
        // 0.5 + 2 · (-0.6607094165639128) = -0.8214188331278256
        assertThat(w.get(0, 0)).isCloseTo(-0.8214188331278256, within(1e-15));

        DMatrixRMaj constant = new DMatrixRMaj(2, 3);
        Initializers.normal(1.5, 0).fill(constant, new Rng(3));
        assertThat(constant.data).containsOnly(1.5);
    }
}
