package dev.backprop.core.train;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import org.junit.jupiter.api.Test;

class EarlyStoppingTest {

    @Test
    void lowerIsBetter_improvesOnlyByMoreThanMinDelta() {
        EarlyStopping rule = EarlyStopping.onValidationLoss(3).withMinDelta(0.5);

        // best 2.0, delta 0.5: a value must be below 1.5
        assertThat(rule.minDelta()).isEqualTo(0.5);
        assertThat(rule.improves(1.4, 2.0)).isTrue();
        assertThat(rule.improves(1.5, 2.0)).isFalse();
        assertThat(rule.improves(2.6, 2.0)).isFalse();
    }

    @Test
    void higherIsBetter_improvesOnlyByMoreThanMinDelta() {
        EarlyStopping rule = new EarlyStopping("validation.accuracy", 3, 0.5, true, false);

        // best 2.0, delta 0.5: a value must be above 2.5
        assertThat(rule.improves(2.6, 2.0)).isTrue();
        assertThat(rule.improves(2.5, 2.0)).isFalse();
        assertThat(rule.improves(1.4, 2.0)).isFalse();
    }

    @Test
    void patienceOfOne_isAllowed_ofZero_isRefused() {
        assertThat(EarlyStopping.onValidationLoss(1).patience()).isEqualTo(1);
        assertThatThrownBy(() -> EarlyStopping.onValidationLoss(0))
                .isInstanceOf(IllegalArgumentException.class)
                .hasMessage("Early stopping patience must be at least 1, got 0");
    }
}
