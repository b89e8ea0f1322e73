package dev.backprop.core.backend;

import java.util.concurrent.ForkJoinPool;
import java.util.concurrent.RecursiveAction;

/**
 * Runs {@link Kernels#rows} for all output rows of one product, the rows split between the calling thread and
 * workers of the common {@link ForkJoinPool}, without allocating: each calling thread owns one splitter (see
 * {@link EjmlBackend}) whose task objects are reset and reused on every call.
 *
 * <p>Only the rows are split, never the sum behind an entry, so the result is bit-identical whatever the
 * number of threads. A part that no worker has started when the caller is done with its own is taken back and
 * run by the caller; waiting for a started one spins, then yields, and never allocates (unlike
 * {@code ForkJoinTask.join()}, which may when it has to block).
 */
final class RowSplitter {

    private static final int SPIN_LIMIT = 1 << 14;

    private final Part[] parts;
    private double[][] acc;
    private double[] a;
    private int rowStride;
    private int colStride;
    private double[][] packed;
    private int k;
    private int n;
    private double[] c;
    private boolean transposed;
    private int ld;

    /** A splitter for up to {@code threads} threads, the caller included. */
    RowSplitter(int threads) {
        this.parts = new Part[threads - 1];
        for (int i = 0; i < parts.length; i++) {
            parts[i] = new Part(this);
        }
    }

    /**
     * Computes output rows {@code [0, rows)} on up to {@code threads} threads (at most the number this splitter
     * was made for). The arguments are those of {@link Kernels#rows}; each thread uses the accumulators of its
     * own rows.
     */
    void run(
            double[] a,
            int rowStride,
            int colStride,
            double[][] packed,
            int k,
            int n,
            double[] c,
            boolean transposed,
            int ld,
            int rows,
            int threads,
            double[][] acc) {
        this.acc = acc;
        this.a = a;
        this.rowStride = rowStride;
        this.colStride = colStride;
        this.packed = packed;
        this.k = k;
        this.n = n;
        this.c = c;
        this.transposed = transposed;
        this.ld = ld;
        int count = Math.max(1, Math.min(threads, parts.length + 1));
        int forked = 1;
        int pending = 1;
        try {
            // part t gets rows [t·rows/count, (t+1)·rows/count)
            for (; forked < count; forked++) {
                Part part = parts[forked - 1];
                part.from = boundary(forked, count, rows);
                part.to = boundary(forked + 1, count, rows);
                part.reinitialize();
                part.fork();
                pending = forked + 1;
            }
            compute(0, boundary(1, count, rows));
            // last forked first: a part no worker has taken is then on top of the queue and can be taken back
            while (pending > 1) {
                Part part = parts[pending - 2];
                pending--;
                if (part.tryUnfork()) {
                    compute(part.from, part.to);
                } else {
                    await(part);
                }
            }
        } finally {
            // after a failure, no part may still be running on the fields cleared below
            for (int t = pending - 1; t >= 1; t--) {
                if (!parts[t - 1].tryUnfork()) {
                    parts[t - 1].quietlyJoin();
                }
            }
            this.a = null;
            this.packed = null;
            this.c = null;
            this.acc = null;
        }
    }

    private static int boundary(int t, int count, int rows) {
        return (int) ((long) rows * t / count);
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

    private void compute(int from, int to) {
        Kernels.rows(a, rowStride, colStride, packed, k, n, c, transposed, ld, from, to, acc);
    }

    /** One share of the rows, run by a pool worker. */
    private static final class Part extends RecursiveAction {
        private static final long serialVersionUID = 1L;

        private final transient RowSplitter owner;
        private int from;
        private int to;

        Part(RowSplitter owner) {
            this.owner = owner;
        }

        @Override
        protected void compute() {
            owner.compute(from, to);
        }
    }
}
