/** bp's built-in optimizers and learning-rate schedules, and regularisation. */
module dev.backprop.optim {
    requires transitive dev.backprop.core;
}
