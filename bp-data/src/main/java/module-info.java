/** Data preparation and loading for bp: encoding, scaling, shuffling, minibatches, splits, CSV and IDX files. */
module dev.backprop.data {
    requires transitive dev.backprop.core;
    requires org.apache.commons.csv;
    requires org.slf4j;

    exports dev.backprop.data;
    exports dev.backprop.data.batching;
    exports dev.backprop.data.csv;
    exports dev.backprop.data.encoding;
    exports dev.backprop.data.idx;
    exports dev.backprop.data.io;
    exports dev.backprop.data.scaling;
    exports dev.backprop.data.split;
}
