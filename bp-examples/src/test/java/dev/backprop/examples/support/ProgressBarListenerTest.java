package dev.backprop.examples.support;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;

class ProgressBarListenerTest {

    @Test
    void withoutAConsole_theBarIsOffAndEveryEventIsIgnored() {
        // the test JVM runs without a terminal: System.console() is null
        assertThat(System.console()).isNull();
        ProgressBarListener bar = ProgressBarListener.forConsole();
        assertThat(bar.enabled()).isFalse();
        bar.onEpochStart(null, 0, 10);
        bar.onBatchEnd(null, 0, 9, 0.5);
        bar.onTrainingEnd(null, null);
    }
}
