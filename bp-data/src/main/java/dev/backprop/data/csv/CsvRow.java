package dev.backprop.data.csv;

import java.util.List;

/**
 * One data row of a CSV file.
 *
 * @param line  the line the row starts on, from 1 as an editor shows it (blank lines and the header counted)
 * @param cells the selected cells, trimmed and unquoted, in the order of {@link CsvTable#columns()}
 */
public record CsvRow(long line, List<String> cells) {

    /** Makes the cells immutable. */
    public CsvRow {
        cells = List.copyOf(cells);
    }
}
