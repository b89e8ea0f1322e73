package dev.backprop.examples;

import static org.assertj.core.api.Assertions.assertThat;

import dev.backprop.core.eval.Metrics;
import dev.backprop.core.network.Network;
import dev.backprop.core.train.Trainer;
import dev.backprop.data.batching.ShuffledBatches;
import dev.backprop.datasets.EmbeddedDatasets;
import org.junit.jupiter.api.Test;

/** The fifteen-line example of README.md, verbatim, so the README cannot drift from the API. */
class ReadmeExampleTest {

    @Test
    void readmeExample_compilesRuns_andLearnsMnist() {
        var train = EmbeddedDatasets.mnistTrain().oneHot(); // 8,000 real digits, pixels in [0, 1]
        var test = EmbeddedDatasets.mnistTest().oneHot(); // 2,000 more
        Network net = Network.builder()
                .input(784)
                .dense(50, "relu")
                .dense(10, "softmax")
                .seed(1)
                .build();
        var result = Trainer.builder()
                .loss("categorical-cross-entropy") // fused with softmax: dZ = (P - T)/n
                .optimizer("sgd(lr=0.1)")
                .epochs(10)
                .validation(test)
                .metrics(Metrics.accuracy())
                .build()
                .fit(net, ShuffledBatches.builder(train).batchSize(100).seed(1).build());

        // seed 003 reports about 0.9 test accuracy for this network after a few epochs on MNIST; a network that
        // learned nothing scores 0.1
        assertThat(result.history().last().metric("validation.accuracy")).isGreaterThan(0.9);
    }
}
