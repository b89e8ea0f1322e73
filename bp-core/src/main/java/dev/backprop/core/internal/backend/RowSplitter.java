package dev.backprop.core.internal.backend;

import java.util.concurrent.ForkJoinPool;
import java.util.concurrent.RecursiveAction;

/**
 * Runs the output rows of one product, split between the calling thread and workers of the common
 * {@link ForkJoinPool}, without allocating: each {@link EjmlProducts} owns one splitter whose task objects are
 * reset and reused on every call.
 *
 * <p>Only the rows are split, never the sum behind an entry, so the result is bit-identical whatever the
 * number of threads. A part that no worker has started when the caller is done with its own is taken back and
 * run by the caller; waiting for a started one spins, then yields, and never allocates (unlike
 * {@code ForkJoinTask.join()}, which may when it has to block).
 */
final class RowSplitter {

    /** Computes output rows {@code [from, to)} as part number {@code part} (0 is the caller's). */
    interface RowRange {
        void compute(int from, int to, int part);
    }

    private static final int SPIN_LIMIT = 1 << 14;

    private final Part[] parts;
    private RowRange task;

    /** A splitter for up to {@code threads} threads, the caller included. */
    RowSplitter(int threads) {
        this.parts = new Part[threads - 1];
        for (int i = 0; i < parts.length; i++) {
            parts[i] = new Part(this, i + 1);
        }
    }

    /**
     * Computes rows {@code [0, rows)} on up to {@code threads} threads (at most the number this splitter was
     * made for): part t gets rows from about {@code t·rows/count} to about {@code (t+1)·rows/count}, each boundary
     * rounded to the nearest multiple of {@code granule} (the rows a kernel sums together), so that no part
     * ends in a tile cut short.
     */
    void run(RowRange task, int rows, int threads, int granule) {
        this.task = task;
        int count = Math.max(1, Math.min(threads, parts.length + 1));
        int forked = 1;
        int pending = 1;
        try {
            for (; forked < count; forked++) {
                Part part = parts[forked - 1];
                part.from = boundary(forked, count, rows, granule);
                part.to = boundary(forked + 1, count, rows, granule);
                part.reinitialize();
                part.fork();
                pending = forked + 1;
            }
            task.compute(0, boundary(1, count, rows, granule), 0);
            // last forked first: a part no worker has taken is then on top of the queue and can be taken back
            while (pending > 1) {
                Part part = parts[pending - 2];
                pending--;
                if (part.tryUnfork()) {
                    task.compute(part.from, part.to, part.index);
                } else {
                    await(part);
                }
            }
        } finally {
            // after a failure, no part may still be running on the task cleared below
            for (int t = pending - 1; t >= 1; t--) {
                if (!parts[t - 1].tryUnfork()) {
                    parts[t - 1].quietlyJoin();
                }
            }
            this.task = null;
        }
    }

    static int boundary(int t, int count, int rows, int granule) {
        if (t >= count) {
            return rows;
        }
        long share = (long) rows * t;
        // the multiple of granule nearest to rows·t/count, at most rows
        long tiles = (2 * share + (long) count * granule) / (2L * count * granule);
        return (int) Math.min(rows, tiles * granule);
    }

    private static void await(Part part) {
        // a part takes a fraction of a millisecond or more: spin, then yield, until it is done; unlike join(),
        // which may allocate when it has to block, this never allocates
        for (int spin = 0; !part.isDone(); spin++) {
            if (spin < SPIN_LIMIT) {
                Thread.onSpinWait();
            } else {
                Thread.yield();
            }
        }
        if (part.isCompletedAbnormally()) {
            part.join();
        }
    }

    /** One share of the rows, run by a pool worker. */
    private static final class Part extends RecursiveAction {
        private static final long serialVersionUID = 1L;

        private final transient RowSplitter owner;
        private final int index;
        private int from;
        private int to;

        Part(RowSplitter owner, int index) {
            this.owner = owner;
            this.index = index;
        }

        @Override
        protected void compute() {
            owner.task.compute(from, to, index);
        }
    }
}
