/** Small real data sets embedded as resources: an MNIST subset, iris and digits, loaded with bp-data. */
module dev.backprop.datasets {
    requires transitive dev.backprop.data;

    exports dev.backprop.datasets;
}
