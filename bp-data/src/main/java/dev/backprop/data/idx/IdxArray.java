package dev.backprop.data.idx;

import java.util.Arrays;

/**
 * The content of an IDX file of unsigned bytes: its dimensions and its elements in row-major order (the last
 * dimension varies fastest), as the file stores them.
 */
public final class IdxArray {

    private final int[] dimensions;
    private final byte[] data;

    IdxArray(int[] dimensions, byte[] data) {
        this.dimensions = dimensions;
        this.data = data;
    }

    /** The number of dimensions (the fourth magic byte). */
    public int dimensionCount() {
        return dimensions.length;
    }

    /** The size of dimension {@code axis}, from 0. */
    public int dimension(int axis) {
        return dimensions[axis];
    }

    /** All dimension sizes, a copy. */
    public int[] dimensions() {
        return dimensions.clone();
    }

    /** The number of elements: the product of the dimensions. */
    public int elementCount() {
        return data.length;
    }

    /**
     * Element {@code index} in row-major order, as an unsigned value.
     *
     * @return a value in [0, 255]
     */
    public int unsigned(int index) {
        return data[index] & 0xFF;
    }

    /** The raw elements; read-only, shared with this array. */
    byte[] bytes() {
        return data;
    }

    @Override
    public String toString() {
        return "IdxArray" + Arrays.toString(dimensions);
    }
}
