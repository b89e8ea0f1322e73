package dev.backprop.core.internal.backend;

import java.util.concurrent.ForkJoinPool;
import java.util.concurrent.RecursiveAction;
import java.util.concurrent.atomic.AtomicInteger;

/**
 * Runs the output rows of one product, shared between the calling thread and workers of the common
 * {@link ForkJoinPool}, without allocating: each {@link EjmlProducts} owns one splitter whose task objects are
 * reset and reused on every call.
 *
 * <p>The rows are cut into a few chunks per thread ({@link #CHUNKS_PER_THREAD}), and every thread takes the next
 * chunk left until none is: a worker that wakes late, or a core that is busy with other work, then simply
 * computes fewer chunks, instead of the caller waiting for a fixed share. Only the rows are split, never the
 * sum behind an entry, so the result is bit-identical whatever thread computes which chunk. A worker that has not
 * started when the chunks run out is taken back; waiting for a started one spins, then yields, and never
 * allocates (unlike {@code ForkJoinTask.join()}, which may when it has to block).
 */
final class RowSplitter {

    /**
     * Computes output rows {@code [from, to)} as part number {@code part} (0 is the caller's); or other units of
     * a product, such as panels of its columns, in the same way.
     */
    interface RowRange {
        void compute(int from, int to, int part);
    }

    /** Chunks of rows per thread: enough to even out a late start, few enough to keep each chunk's tiles. */
    static final int CHUNKS_PER_THREAD = 4;

    private static final int SPIN_LIMIT = 1 << 14;

    private final Part[] parts;
    private final AtomicInteger nextChunk = new AtomicInteger();
    private RowRange task;
    private int rows;
    private int chunks;
    private int granule;

    /** A splitter for up to {@code threads} threads, the caller included. */
    RowSplitter(int threads) {
        this.parts = new Part[threads - 1];
        for (int i = 0; i < parts.length; i++) {
            parts[i] = new Part(this, i + 1);
        }
    }

    /**
     * Computes rows {@code [0, rows)} on up to {@code threads} threads (at most the number this splitter was
     * made for), in up to {@link #CHUNKS_PER_THREAD} chunks per thread; chunk c runs from
     * {@code boundary(c, chunks, rows, granule)} to {@code boundary(c + 1, …)}, each boundary a multiple of
     * {@code granule} (the rows a kernel sums together), so that no chunk ends in a tile cut short.
     */
    void run(RowRange task, int rows, int threads, int granule) {
        int count = Math.max(1, Math.min(threads, parts.length + 1));
        this.task = task;
        this.rows = rows;
        this.granule = granule;
        this.chunks = (int) Math.max(1, Math.min((long) count * CHUNKS_PER_THREAD, rows / Math.max(1, granule)));
        nextChunk.set(0);
        // parts 1 … pending are forked and not yet known to be done
        int pending = 0;
        try {
            for (; pending < count - 1; pending++) {
                parts[pending].reinitialize();
                parts[pending].fork();
            }
            work(0);
            // last forked first: a part no worker has taken is then on top of the queue and is taken back
            for (; pending >= 1; pending--) {
                Part part = parts[pending - 1];
                if (!part.tryUnfork()) {
                    await(part);
                }
            }
        } finally {
            // after a failure, no part may still be running on the task cleared below
            for (int t = pending; t >= 1; t--) {
                if (!parts[t - 1].tryUnfork()) {
                    parts[t - 1].quietlyJoin();
                }
            }
            this.task = null;
        }
    }

    /** Computes chunks as part number {@code part} until none is left. */
    private void work(int part) {
        for (int c = nextChunk.getAndIncrement(); c < chunks; c = nextChunk.getAndIncrement()) {
            int from = boundary(c, chunks, rows, granule);
            int to = boundary(c + 1, chunks, rows, granule);
            if (from < to) {
                task.compute(from, to, part);
            }
        }
    }

    /** Where chunk t of {@code count} starts: the multiple of granule nearest to {@code rows·t/count}. */
    static int boundary(int t, int count, int rows, int granule) {
        if (t >= count) {
            return rows;
        }
        long share = (long) rows * t;
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

    /** One worker's share: chunks taken one at a time until none is left. */
    private static final class Part extends RecursiveAction {
        private static final long serialVersionUID = 1L;

        private final transient RowSplitter owner;
        private final int index;

        Part(RowSplitter owner, int index) {
            this.owner = owner;
            this.index = index;
        }

        @Override
        protected void compute() {
            owner.work(index);
        }
    }
}
