package dev.backprop.examples.support;

import java.io.BufferedReader;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.NoSuchFileException;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import org.ejml.data.DMatrixRMaj;

/**
 * Reads the rows to predict from a CSV file: one sample per line, numbers separated by commas, blank lines
 * skipped. A first line that is not all numbers is taken as a header and skipped.
 */
public final class InputRows {

    private InputRows() {}

    /**
     * The rows of a file as an n × columns matrix.
     *
     * @param file    the CSV file
     * @param columns the number of values every row must have
     * @throws IllegalArgumentException naming the line, column and text of a value that is not a finite number, a
     *                                  row with the wrong number of values, or a file without rows
     * @throws UncheckedIOException     naming the file when it cannot be read
     */
    public static DMatrixRMaj read(Path file, int columns) {
        List<double[]> rows = new ArrayList<>();
        try (BufferedReader in = Files.newBufferedReader(file, StandardCharsets.UTF_8)) {
            String line;
            int number = 0;
            boolean first = true;
            while ((line = in.readLine()) != null) {
                number++;
                if (line.isBlank()) {
                    continue;
                }
                String[] cells = line.split(",", -1);
                if (first && !numeric(cells)) {
                    first = false;
                    continue;
                }
                first = false;
                if (cells.length != columns) {
                    throw new IllegalArgumentException(file + " line " + number + " has " + cells.length
                            + " values but the model takes " + columns + " inputs");
                }
                double[] row = new double[columns];
                for (int c = 0; c < columns; c++) {
                    row[c] = parse(cells[c], file, number, c + 1);
                }
                rows.add(row);
            }
        } catch (NoSuchFileException e) {
            throw new UncheckedIOException("input file " + file + " does not exist", e);
        } catch (IOException e) {
            throw new UncheckedIOException("cannot read " + file + ": " + e.getMessage(), e);
        }
        if (rows.isEmpty()) {
            throw new IllegalArgumentException(file + " has no rows to predict");
        }
        DMatrixRMaj x = new DMatrixRMaj(rows.size(), columns);
        for (int r = 0; r < rows.size(); r++) {
            System.arraycopy(rows.get(r), 0, x.data, r * columns, columns);
        }
        return x;
    }

    private static boolean numeric(String[] cells) {
        for (String cell : cells) {
            try {
                Double.parseDouble(cell.strip());
            } catch (NumberFormatException e) {
                return false;
            }
        }
        return true;
    }

    private static double parse(String cell, Path file, int line, int column) {
        double v;
        try {
            v = Double.parseDouble(cell.strip());
        } catch (NumberFormatException e) {
            throw new IllegalArgumentException(
                    file + " line " + line + ", column " + column + ": '" + cell.strip() + "' is not a number", e);
        }
        if (!Double.isFinite(v)) {
            throw new IllegalArgumentException(
                    file + " line " + line + ", column " + column + ": " + v + " is not a finite number");
        }
        return v;
    }
}
