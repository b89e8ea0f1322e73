package com.example.quickstart;

import dev.backprop.core.eval.Metrics;
import dev.backprop.core.network.Network;
import dev.backprop.core.train.Trainer;
import dev.backprop.core.train.TrainingResult;
import dev.backprop.data.TabularDataset;
import dev.backprop.data.batching.ShuffledBatches;
import dev.backprop.datasets.EmbeddedDatasets;

/**
 * Trains a 784-50-10 network on the MNIST subset that bp-datasets embeds and prints its test accuracy: the library
 * example of bp's README as a complete program.
 */
public final class Quickstart {

    private Quickstart() {}

    /** Trains for 10 epochs and prints the accuracy on the 2,000 test images. */
    public static void main(String[] args) {
        TabularDataset train = EmbeddedDatasets.mnistTrain().oneHot(); // 8,000 real digits, pixels in [0, 1]
        TabularDataset test = EmbeddedDatasets.mnistTest().oneHot(); // 2,000 more
        Network net = Network.builder()
                .input(784)
                .dense(50, "relu")
                .dense(10, "softmax")
                .seed(1)
                .build();
        TrainingResult result = Trainer.builder()
                .loss("categorical-cross-entropy") // fused with softmax: dZ = (P - T)/n
                .optimizer("sgd(lr=0.1)")
                .epochs(10)
                .validation(test)
                .metrics(Metrics.accuracy())
                .build()
                .fit(net, ShuffledBatches.builder(train).batchSize(100).seed(1).build());
        System.out.println("test accuracy " + result.history().last().metric("validation.accuracy"));
    }
}
