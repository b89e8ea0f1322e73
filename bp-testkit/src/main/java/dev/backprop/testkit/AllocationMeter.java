package dev.backprop.testkit;

import java.lang.management.ManagementFactory;

/**
 * Measures the heap memory the current thread allocates, through the JDK's per-thread allocation counter
 * ({@code com.sun.management.ThreadMXBean}), for the check that hot paths allocate nothing per call.
 */
final class AllocationMeter {

    /** Calls before measuring, so that the code is compiled as it will run in training. */
    static final int WARM_UP_CALLS = 1_000;
    /** Calls measured in each round. */
    static final int MEASURED_CALLS = 200;
    /** Rounds of measured calls. */
    static final int ROUNDS = 3;

    private AllocationMeter() {}

    /**
     * Bytes allocated per call of {@code task}: the least of {@link #ROUNDS} rounds of {@link #MEASURED_CALLS}
     * calls each, after {@link #WARM_UP_CALLS}; NaN when this JVM cannot measure per-thread allocation. Taking
     * the least round ignores a one-off allocation by the JVM itself (compilation, deoptimisation) that lands
     * in a round, while an implementation that allocates does so in every round.
     */
    static double bytesPerCall(Runnable task) {
        java.lang.management.ThreadMXBean bean = ManagementFactory.getThreadMXBean();
        if (!(bean instanceof com.sun.management.ThreadMXBean threads)
                || !threads.isThreadAllocatedMemorySupported()
                || !threads.isThreadAllocatedMemoryEnabled()) {
            return Double.NaN;
        }
        for (int i = 0; i < WARM_UP_CALLS; i++) {
            task.run();
        }
        long least = Long.MAX_VALUE;
        for (int round = 0; round < ROUNDS; round++) {
            long before = threads.getCurrentThreadAllocatedBytes();
            for (int i = 0; i < MEASURED_CALLS; i++) {
                task.run();
            }
            least = Math.min(least, threads.getCurrentThreadAllocatedBytes() - before);
        }
        return least / (double) MEASURED_CALLS;
    }

    /**
     * The check: passes when less than one byte per call is allocated (the measurement itself may take a few
     * bytes in all), or when the JVM cannot measure.
     */
    static CheckResult check(String check, String what, Runnable task) {
        double perCall = bytesPerCall(task);
        if (Double.isNaN(perCall)) {
            return CheckResult.pass(check, "not measured: this JVM has no per-thread allocation counter");
        }
        if (perCall >= 1.0) {
            return CheckResult.fail(
                    check,
                    what + " allocate " + Math.round(perCall) + " bytes per call; the SPI"
                            + " asks for none: reuse arrays, write into the output arguments, avoid streams and boxing");
        }
        return CheckResult.pass(check, what + " allocate nothing per call");
    }
}
