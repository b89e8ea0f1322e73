package dev.backprop.bench;

import org.openjdk.jmh.annotations.AuxCounters;
import org.openjdk.jmh.annotations.Level;
import org.openjdk.jmh.annotations.Scope;
import org.openjdk.jmh.annotations.Setup;
import org.openjdk.jmh.annotations.State;

/** Counts the samples a benchmark processes, so that JMH reports samples per second beside operations. */
@State(Scope.Thread)
@AuxCounters(AuxCounters.Type.OPERATIONS)
public class Samples {

    /** For JMH. */
    public Samples() {}

    /** Samples processed in the current iteration; JMH divides by the time. */
    public long samples;

    /** Starts each iteration from zero. */
    @Setup(Level.Iteration)
    public void reset() {
        samples = 0;
    }
}
