package dev.backprop.data.csv;

import java.util.List;

/**
 * What {@link CsvReader} read: the selected columns and the rows.
 *
 * @param source  the file name (or other source name) used in messages
 * @param header  the names of the selected columns, or empty when the file has no header
 * @param columns the positions of the selected columns in the file, from 1, as messages number them
 * @param rows    the data rows in file order; empty when the rows were handed to a callback instead
 */
public record CsvTable(String source, List<String> header, List<Integer> columns, List<CsvRow> rows) {

    /** Makes the lists immutable. */
    public CsvTable {
        header = List.copyOf(header);
        columns = List.copyOf(columns);
        rows = List.copyOf(rows);
    }
}
