package dev.backprop.examples.support;

import dev.backprop.core.spi.Echo;
import dev.backprop.core.spi.Numbers;
import dev.backprop.data.csv.CsvReader;
import dev.backprop.data.csv.CsvRow;
import dev.backprop.data.csv.CsvTable;
import dev.backprop.data.csv.HeaderMode;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import org.ejml.data.DMatrixRMaj;

/**
 * The rows to predict, read from a CSV file with bp-data's {@link CsvReader}: RFC 4180 quotes, a byte-order
 * mark, CRLF, an explicit header ({@code auto} refuses a first row that is neither clearly a header nor data), and
 * columns skipped or selected by name or position, such as a label column. Every row keeps the line it is on in
 * the file, so predictions can be matched to the file's lines.
 *
 * @param values the numbers, n × columns
 * @param lines  the file line of each row, from 1
 */
@SuppressWarnings("ArrayRecordComponent") // the rows read and their line numbers, handed on once; never compared
public record InputRows(DMatrixRMaj values, long[] lines) {

    /**
     * Reads the rows of a file.
     *
     * @param file    the CSV file, UTF-8
     * @param columns the number of values every row must have (after the selection)
     * @param header  whether the first row is a header
     * @param select  columns to keep (names or positions from 1); empty for all
     * @param skip    columns to drop (names or positions from 1); empty for none
     * @throws IllegalArgumentException naming the file, line and column of a value that is not a finite number,
     *                                  a width other than the model's, a file without rows, or bad bytes
     * @throws java.io.UncheckedIOException naming the file when it is missing or cannot be read
     */
    public static InputRows read(Path file, int columns, HeaderMode header, List<String> select, List<String> skip) {
        CsvReader reader =
                CsvReader.builder().header(header).select(select).skip(skip).build();
        List<double[]> rows = new ArrayList<>();
        List<Long> lines = new ArrayList<>();
        int[] width = {-1};
        CsvTable table = reader.forEach(file, row -> {
            List<String> cells = row.cells();
            if (width[0] < 0) {
                width[0] = cells.size();
                if (cells.size() != columns) {
                    throw new IllegalArgumentException(file + " line " + row.line() + " has " + cells.size()
                            + " values but the model takes " + columns + " inputs"
                            + (!select.isEmpty() || !skip.isEmpty()
                                    ? " (after --select/--skip)"
                                    : cells.size() > columns
                                            ? "; leave out the other columns (such as a label) with --skip, or choose"
                                                    + " the inputs with --select"
                                            : ""));
                }
            }
            rows.add(values(row, file));
            lines.add(row.line());
        });
        if (rows.isEmpty()) {
            throw new IllegalArgumentException(
                    file + " has no rows to predict" + (table.header().isEmpty() ? "" : " after its header"));
        }
        DMatrixRMaj x = new DMatrixRMaj(rows.size(), columns);
        long[] lineNumbers = new long[rows.size()];
        for (int r = 0; r < rows.size(); r++) {
            System.arraycopy(rows.get(r), 0, x.data, r * columns, columns);
            lineNumbers[r] = lines.get(r);
        }
        return new InputRows(x, lineNumbers);
    }

    /** As {@link #read(Path, int, HeaderMode, List, List)} with the header decided from the first row. */
    public static InputRows read(Path file, int columns) {
        return read(file, columns, HeaderMode.AUTO, List.of(), List.of());
    }

    private static double[] values(CsvRow row, Path file) {
        List<String> cells = row.cells();
        double[] out = new double[cells.size()];
        for (int c = 0; c < out.length; c++) {
            out[c] = parse(cells.get(c), file, row.line(), row.columns().get(c));
        }
        return out;
    }

    private static double parse(String cell, Path file, long line, int column) {
        if (cell.isEmpty()) {
            throw new IllegalArgumentException(
                    file + " line " + line + ", column " + column + ": the value is missing (empty cell)");
        }
        if (!Numbers.isReal(cell)) {
            throw new IllegalArgumentException(
                    file + " line " + line + ", column " + column + ": " + Echo.quote(cell) + " is not a number");
        }
        double v = Double.parseDouble(cell.strip());
        if (!Double.isFinite(v)) {
            throw new IllegalArgumentException(
                    file + " line " + line + ", column " + column + ": " + v + " is not a finite number");
        }
        return v;
    }
}
