/** Small real data sets embedded as resources. */
module dev.backprop.datasets {
    requires transitive dev.backprop.data;
}
