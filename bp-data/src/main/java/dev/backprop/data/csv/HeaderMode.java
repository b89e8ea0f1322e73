package dev.backprop.data.csv;

/** Whether the first row of a CSV file is a header. */
public enum HeaderMode {
    /** The first row names the columns. */
    YES,
    /** Every row is data. */
    NO,
    /**
     * Decided from the first row: a header when none of its cells is a number, data when every cell is one
     * (cells of text columns, such as class names, do not count). A first row with some numbers and some words
     * is neither, and is refused naming its line, rather than silently dropped or misread.
     */
    AUTO
}
