package dev.backprop.core.backend;

/**
 * The scratch memory one thread of one product uses: a block of the right operand copied into rows, and the
 * accumulators of a chunk of output rows. Both are bounded by the widths of the product, never by its full
 * size: a block holds at most {@link Kernels#blockRows} rows and a chunk at most {@link Kernels#chunkRows}
 * rows, each of one output row's length. Grows to the largest product seen and is then reused.
 */
final class Scratch {

    private double[][] packed = new double[0][0];
    private double[] flat = new double[0];
    private double[][] accumulators = new double[0][0];

    /** Rows for a packed block of the right operand: at least {@code rows} of at least {@code length} entries. */
    double[][] packed(int rows, int length) {
        packed = atLeast(packed, rows, length);
        return packed;
    }

    /** One flat array of at least {@code size} entries, for a block packed with a stride. */
    double[] flat(int size) {
        if (flat.length < size) {
            flat = new double[size];
        }
        return flat;
    }

    /** Accumulators for a chunk of output rows: at least {@code rows} of at least {@code length} entries. */
    double[][] accumulators(int rows, int length) {
        accumulators = atLeast(accumulators, rows, length);
        return accumulators;
    }

    private static double[][] atLeast(double[][] rows, int count, int length) {
        int width = rows.length == 0 ? 0 : rows[0].length;
        if (rows.length >= count && width >= length) {
            return rows;
        }
        return new double[Math.max(count, rows.length)][Math.max(length, width)];
    }
}
