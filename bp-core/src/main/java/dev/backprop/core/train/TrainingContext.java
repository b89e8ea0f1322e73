package dev.backprop.core.train;

import dev.backprop.core.network.Network;

/** What a listener can see of a running fit, and how it can end it. */
public final class TrainingContext {

    private final Network network;
    private final int epochs;
    private long step;
    private boolean stopRequested;
    private String stopReason = "";

    /**
     * A context for a training loop; {@link EpochLoop} makes one per run, and so may a loop that drives the same
     * listeners itself.
     *
     * @param network the network being trained
     * @param epochs  the epochs the run was asked for
     * @param step    the steps already taken
     */
    public TrainingContext(Network network, int epochs, long step) {
        this.network = network;
        this.epochs = epochs;
        this.step = step;
    }

    /** The network being trained. */
    public Network network() {
        return network;
    }

    /** The number of epochs the run was asked for. */
    public int epochs() {
        return epochs;
    }

    /** Optimisation steps taken so far. */
    public long step() {
        return step;
    }

    /** Counts one optimisation step. */
    public void advance() {
        step++;
    }

    /** Ends training after the current epoch. */
    public void requestStop(String reason) {
        stopRequested = true;
        stopReason = reason;
    }

    /** Ends training after the current epoch. */
    public void requestStop() {
        requestStop("stopped by a listener");
    }

    /** Whether a stop was requested. */
    public boolean stopRequested() {
        return stopRequested;
    }

    /** Why training stopped early, or empty. */
    public String stopReason() {
        return stopReason;
    }
}
