/** bp's built-in losses, each registered as a {@link dev.backprop.core.spi.LossProvider}. */
module dev.backprop.losses {
    requires transitive dev.backprop.core;
}
