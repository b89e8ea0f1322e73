package dev.backprop.data.csv;

import java.util.List;

/**
 * One data row of a CSV file.
 *
 * @param line    the line the row starts on, from 1 as an editor shows it (blank lines and the header counted)
 * @param cells   the selected cells, trimmed and unquoted
 * @param columns the file position of each selected cell, from 1, as messages number columns
 */
public record CsvRow(long line, List<String> cells, List<Integer> columns) {

    /** Makes the lists immutable. */
    public CsvRow {
        cells = List.copyOf(cells);
        columns = List.copyOf(columns);
    }
}
