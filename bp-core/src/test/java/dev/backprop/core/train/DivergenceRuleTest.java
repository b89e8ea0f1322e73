package dev.backprop.core.train;

import static dev.backprop.core.testing.TestRegistries.none;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatCode;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.backprop.core.network.Network;
import dev.backprop.core.testing.TestActivations;
import java.util.Map;
import org.junit.jupiter.api.Test;

class DivergenceRuleTest {

    private static TrainingContext context(int outputs) {
        Network net = Network.builder(none())
                .input(2)
                .dense(outputs, TestActivations.softmax(), true)
                .seed(1)
                .build();
        return new TrainingContext(net, 10, 0);
    }

    private static EpochRecord epoch(int epoch, double loss, double accuracy) {
        return new EpochRecord(epoch, loss, Map.of("validation.accuracy", accuracy), 0.1, 0);
    }

    @Test
    void lossWorseThanAUniformGuess_stopsTheRun_namingEpochAndFigure() {
        DivergenceRule rule = DivergenceRule.none().worseThanUniformGuess(3);
        TrainingContext ten = context(10);
        rule.onTrainingStart(ten);

        // 3 × ln 10 = 6.907755 (python3: 3*math.log(10)); a loss of 2.0 is under it
        assertThatCode(() -> rule.onEpochEnd(ten, epoch(0, 2.0, 0.5))).doesNotThrowAnyException();
        assertThatThrownBy(() -> rule.onEpochEnd(ten, epoch(1, 24.6, 0.095)))
                .isInstanceOf(TrainingDivergedException.class)
                .hasMessage("Training diverged at epoch 2: train.loss = 24.6000 is more than 3 × ln 10 = 6.90776, the"
                        + " loss of guessing every class with equal probability. The learning rate may be too high;"
                        + " try a smaller one.")
                .satisfies(e -> {
                    TrainingDivergedException d = (TrainingDivergedException) e;
                    assertThat(d.epoch()).isEqualTo(1);
                    assertThat(d.history().size()).isEqualTo(2);
                });
    }

    @Test
    void uniformGuess_isSkippedForASingleOutput() {
        DivergenceRule rule = DivergenceRule.none().worseThanUniformGuess(3);
        TrainingContext one = context(1);
        rule.onTrainingStart(one);

        // ln 1 = 0 would make any loss "worse than guessing": the condition does not apply
        assertThatCode(() -> rule.onEpochEnd(one, epoch(0, 50, 0.5))).doesNotThrowAnyException();
    }

    @Test
    void lossGrowingPastTheFactor_stopsTheRun() {
        DivergenceRule rule = DivergenceRule.none().lossGrowth(10);
        TrainingContext ctx = context(3);
        rule.onTrainingStart(ctx);

        rule.onEpochEnd(ctx, epoch(0, 1.0, 0.5));
        rule.onEpochEnd(ctx, epoch(1, 10.0, 0.5)); // exactly 10 × 1.0 is not more than it
        assertThatThrownBy(() -> rule.onEpochEnd(ctx, epoch(2, 10.5, 0.5)))
                .hasMessageStartingWith("Training diverged at epoch 3: train.loss = 10.5000 is more than 10 × the"
                        + " first epoch's 1.00000");
    }

    @Test
    void metricAtChance_forTheGivenEpochsInARow_stopsTheRun_andAnEpochAboveResetsTheCount() {
        DivergenceRule rule = DivergenceRule.none().atChance("validation.accuracy", 0.1, 2);
        TrainingContext ctx = context(10);
        rule.onTrainingStart(ctx);

        rule.onEpochEnd(ctx, epoch(0, 2.3, 0.1));
        rule.onEpochEnd(ctx, epoch(1, 2.3, 0.5)); // above chance: the streak starts again
        rule.onEpochEnd(ctx, epoch(2, 2.3, 0.09));
        assertThatThrownBy(() -> rule.onEpochEnd(ctx, epoch(3, 2.3, 0.095)))
                .hasMessageStartingWith("Training diverged at epoch 4: validation.accuracy = 0.0950000 has been at or"
                        + " below chance (0.100000) for 2 epochs");
    }

    @Test
    void factorsAtOrBelowOne_areRefused() {
        assertThatThrownBy(() -> DivergenceRule.none().lossGrowth(1))
                .hasMessage("Loss growth factor must be a finite number above 1, got 1.0");
        assertThatThrownBy(() -> DivergenceRule.none().atChance("validation.accuracy", 0.1, 0))
                .hasMessage("Epochs at chance must be at least 1, got 0");
    }

    @Test
    void lossGrowth_isMeasuredAgainstTheFirstEpochsLoss_timesTheFactor() {
        DivergenceRule rule = DivergenceRule.none().lossGrowth(10);
        TrainingContext ctx = context(3);
        rule.onTrainingStart(ctx);

        // first loss 2: the limit is 10 × 2 = 20
        rule.onEpochEnd(ctx, epoch(0, 2.0, 0.5));
        rule.onEpochEnd(ctx, epoch(1, 19.0, 0.5));
        assertThatThrownBy(() -> rule.onEpochEnd(ctx, epoch(2, 20.5, 0.5)))
                .hasMessageStartingWith("Training diverged at epoch 3: train.loss = 20.5000 is more than 10 × the"
                        + " first epoch's 2.00000");
    }

    @Test
    void lossGrowth_fromAFirstLossOfZero_doesNotApply() {
        DivergenceRule rule = DivergenceRule.none().lossGrowth(10);
        TrainingContext ctx = context(3);
        rule.onTrainingStart(ctx);

        // no multiple of 0 bounds a loss: a run that starts at 0 cannot "grow" by a factor
        rule.onEpochEnd(ctx, epoch(0, 0.0, 0.5));
        assertThatCode(() -> rule.onEpochEnd(ctx, epoch(1, 5.0, 0.5))).doesNotThrowAnyException();
    }

    @Test
    void uniformGuess_appliesFromTwoOutputs_andALossOfExactlyTheLimitIsNotWorse() {
        DivergenceRule rule = DivergenceRule.none().worseThanUniformGuess(3);
        TrainingContext two = context(2);
        rule.onTrainingStart(two);

        // 3 × ln 2 = 2.0794415416798357 (python3: 3*math.log(2))
        assertThatCode(() -> rule.onEpochEnd(two, epoch(0, 3 * Math.log(2), 0.5)))
                .doesNotThrowAnyException();
        assertThatThrownBy(() -> rule.onEpochEnd(two, epoch(1, 2.5, 0.5)))
                .hasMessageContaining("is more than 3 × ln 2 = 2.07944");
        assertThatThrownBy(() -> DivergenceRule.none().worseThanUniformGuess(1))
                .hasMessage("Uniform-guess factor must be a finite number above 1, got 1.0");
    }

    @Test
    void metricExactlyAtChance_countsAsAtChance_forOneEpoch() {
        DivergenceRule rule = DivergenceRule.none().atChance("validation.accuracy", 0.1, 1);
        TrainingContext ctx = context(10);
        rule.onTrainingStart(ctx);

        rule.onEpochEnd(ctx, epoch(0, 2.3, 0.11));
        assertThatThrownBy(() -> rule.onEpochEnd(ctx, epoch(1, 2.3, 0.1)))
                .hasMessageStartingWith("Training diverged at epoch 2: validation.accuracy = 0.100000 has been at or"
                        + " below chance (0.100000) for 1 epoch");
    }
}
