package dev.backprop.core.internal.backend;

/**
 * The scratch memory one thread of one product uses: a block of the right operand copied into rows (the plain
 * loops) or a panel of it gathered from its columns (the Vector API kernel), and the accumulators of a chunk of
 * output rows (rows of their own for the plain loops, one flat array for the Vector API kernel's transposed
 * outputs). All are bounded by the widest output row seen, never by the size of a product: rows of that width,
 * {@link Kernels#blockRows} of them for a block and {@link Kernels#chunkRows} for a chunk (about
 * {@link Kernels#L1_DOUBLES} and {@link Kernels#CHUNK_DOUBLES} doubles, or a few rows when rows are wider); a
 * gathered panel is at most {@link VectorKernels#GATHERED_BLOCK} rows of four vectors. The kernels take blocks
 * and chunks of the rows available, which changes how the work is ordered, never how an entry is summed. Grows
 * to the widest row seen and is then reused.
 */
final class Scratch {

    private double[][] packed = new double[0][0];
    private double[] flat = new double[0];
    private double[] gathered = new double[0];
    private double[][] accumulators = new double[0][0];

    /**
     * Rows for a packed block of the right operand: a multiple of 4 (at least 4) of at least {@code length}
     * entries.
     */
    double[][] packed(int length) {
        if (packed.length == 0 || packed[0].length < length) {
            packed = new double[Kernels.blockRows(length)][length];
        }
        return packed;
    }

    /** One flat array of at least {@code size} entries, for the rows of a transposed output. */
    double[] flat(int size) {
        if (flat.length < size) {
            flat = new double[size];
        }
        return flat;
    }

    /** Another flat array of at least {@code size} entries, for a panel of R gathered from columns. */
    double[] gathered(int size) {
        if (gathered.length < size) {
            gathered = new double[size];
        }
        return gathered;
    }

    /** Accumulators for a chunk of output rows: at least one of at least {@code length} entries. */
    double[][] accumulators(int length) {
        if (accumulators.length == 0 || accumulators[0].length < length) {
            accumulators = new double[Kernels.chunkRows(length)][length];
        }
        return accumulators;
    }

    /** The doubles this scratch holds. */
    long doubles() {
        return size(packed) + flat.length + gathered.length + size(accumulators);
    }

    private static long size(double[][] rows) {
        return rows.length == 0 ? 0 : (long) rows.length * rows[0].length;
    }
}
