/** Data preparation and loading for bp: encoding, scaling, shuffling, minibatches, splits, CSV and IDX files. */
module dev.backprop.data {
    requires transitive dev.backprop.core;
}
