package dev.backprop.data.csv;

import dev.backprop.core.spi.Echo;
import dev.backprop.data.TabularDataset;
import dev.backprop.data.encoding.LabelEncoder;
import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.nio.charset.Charset;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Optional;
import java.util.regex.Pattern;
import org.ejml.data.DMatrixRMaj;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Reads a delimited text file (gzip-compressed or not) into a {@link TabularDataset}.
 *
 * <pre>{@code
 * CsvData iris = CsvLoader.builder().header(true).targetColumns(4).build().load(Path.of("iris.csv"));
 * }</pre>
 *
 * <p>Format: read by {@link CsvReader} (Apache Commons CSV): one sample per record, cells separated by the
 * delimiter and trimmed, RFC 4180 quotes ({@code "5.1"}), CRLF or LF, a UTF-8 byte-order mark dropped, bytes
 * not valid in the charset (UTF-8 unless {@link Builder#charset set}) refused naming the line. Empty (or blank)
 * lines are skipped. The header is explicit: {@link Builder#header(HeaderMode)}. Every line must have the same number of cells as
 * the header, or as the first data line when there is no header. Target columns (numbered from 0) go to the
 * targets in the order given and every other column to the features in file order; alternatively one
 * {@link Builder#labelColumn(int) label column} holds class names that become class indices.
 *
 * <p>Numbers are parsed without any locale: an optional sign, digits with an optional '.', an optional
 * exponent ({@code -1.5}, {@code .5}, {@code 2e-3}); never a decimal comma, thousands separators, {@code NaN}
 * or {@code Infinity}. Errors name the source, the line and the column, both numbered from 1 as an editor shows
 * them: "iris.csv line 17, column 3: 'abc' is not a number".
 */
public final class CsvLoader {

    private static final Logger LOG = LoggerFactory.getLogger(CsvLoader.class);

    /** A decimal number: sign, digits with an optional point, optional exponent. */
    private static final Pattern NUMBER = Pattern.compile("[+-]?(\\d+\\.?\\d*|\\.\\d+)([eE][+-]?\\d+)?");

    private final char delimiter;
    private final HeaderMode header;
    private final Charset charset;
    private final int[] targetColumns;
    private final int labelColumn;
    private final LabelEncoder labelEncoder;

    private CsvLoader(Builder b) {
        this.delimiter = b.delimiter;
        this.header = b.header;
        this.charset = b.charset;
        this.targetColumns = b.targetColumns.clone();
        this.labelColumn = b.labelColumn;
        this.labelEncoder = b.labelEncoder;
    }

    /** A builder: delimiter ',', no header, no target column yet. */
    public static Builder builder() {
        return new Builder();
    }

    /**
     * Reads a file; its file name appears in error messages.
     *
     * @throws UncheckedIOException     when the file cannot be read
     * @throws IllegalArgumentException naming the file, line and column when the content is malformed
     */
    public CsvData load(Path file) {
        try (InputStream in = Files.newInputStream(file)) {
            return load(in, file.getFileName().toString());
        } catch (IOException e) {
            throw new UncheckedIOException("cannot read " + file + ": " + e.getMessage(), e);
        }
    }

    /**
     * Reads a stream to its end; it is not closed.
     *
     * @param in         the raw bytes, gzip-compressed or not. Read from.
     * @param sourceName the name used in error messages, such as the file name
     * @throws UncheckedIOException     when reading fails
     * @throws IllegalArgumentException naming the source, line and column when the content is malformed
     */
    public CsvData load(InputStream in, String sourceName) {
        Rows rows = new Rows(sourceName);
        CsvReader reader = CsvReader.builder()
                .delimiter(delimiter)
                .header(header)
                .charset(charset)
                .textColumns(labelColumn >= 0 ? new int[] {labelColumn} : new int[0])
                .build();
        CsvTable table = reader.forEach(in, sourceName, rows::add);
        return rows.finish(table.header());
    }

    /** The rows read so far, as numbers and class names. */
    private final class Rows {
        private final String source;
        private int columns = -1;
        private boolean[] isTarget;
        private int[] targetSlot;
        private int featureCount;
        private final int targetCount = labelColumn >= 0 ? 1 : targetColumns.length;
        private final List<String> labelNames = new ArrayList<>();
        private final List<Long> labelLines = new ArrayList<>();
        private final DoubleBuffer featureValues = new DoubleBuffer();
        private final DoubleBuffer targetValues = new DoubleBuffer();
        private int rows;

        Rows(String source) {
            this.source = source;
        }

        void add(CsvRow row) {
            List<String> cells = row.cells();
            long lineNumber = row.line();
            if (columns < 0) {
                columns = cells.size();
                checkColumns(source, columns);
                isTarget = new boolean[columns];
                targetSlot = new int[columns];
                for (int k = 0; k < targetColumns.length; k++) {
                    isTarget[targetColumns[k]] = true;
                    targetSlot[targetColumns[k]] = k;
                }
                if (labelColumn >= 0) {
                    isTarget[labelColumn] = true;
                }
                featureCount = columns - targetCount;
            }
            for (int c = 0; c < columns; c++) {
                String cell = cells.get(c);
                if (c == labelColumn) {
                    if (cell.isEmpty()) {
                        throw new IllegalArgumentException(source + " line " + lineNumber + ", column " + (c + 1)
                                + ": the class name is missing (empty cell)");
                    }
                    labelNames.add(cell);
                    labelLines.add(lineNumber);
                } else if (isTarget[c]) {
                    targetValues.set(rows * targetCount + targetSlot[c], number(cell, source, lineNumber, c));
                } else {
                    featureValues.add(number(cell, source, lineNumber, c));
                }
            }
            rows++;
        }

        CsvData finish(List<String> headerCells) {
            if (rows == 0) {
                throw new IllegalArgumentException(
                        source + " has no data rows" + (!headerCells.isEmpty() ? " after its header" : ""));
            }
            if (featureCount == 0) {
                throw new IllegalArgumentException(
                        source + " has no feature column: all " + columns + " columns are targets");
            }
            DMatrixRMaj features = DMatrixRMaj.wrap(rows, featureCount, featureValues.toArray(rows * featureCount));
            Optional<LabelEncoder> encoder = Optional.empty();
            DMatrixRMaj targets;
            if (labelColumn >= 0) {
                LabelEncoder classes = labelEncoder != null ? labelEncoder : LabelEncoder.fit(labelNames);
                targets = new DMatrixRMaj(rows, 1);
                for (int r = 0; r < rows; r++) {
                    String name = labelNames.get(r);
                    if (!classes.contains(name)) {
                        throw new IllegalArgumentException(source + " line " + labelLines.get(r) + ", column "
                                + (labelColumn + 1) + ": unknown class name " + Echo.quote(name) + "; known: "
                                + classes.names());
                    }
                    targets.data[r] = classes.index(name);
                }
                encoder = Optional.of(classes);
            } else {
                targets = DMatrixRMaj.wrap(rows, targetCount, targetValues.toArray(rows * targetCount));
            }
            LOG.debug("Read {}: {} rows, {} features, {} targets", source, rows, featureCount, targetCount);
            return new CsvData(new TabularDataset(features, targets), headerCells, encoder);
        }
    }

    private void checkColumns(String source, int columns) {
        for (int t : targetColumns) {
            if (t >= columns) {
                throw new IllegalArgumentException("target column index " + t + " is outside the " + columns
                        + " columns of " + source + " (indices 0 to " + (columns - 1) + ")");
            }
        }
        if (labelColumn >= columns) {
            throw new IllegalArgumentException("label column index " + labelColumn + " is outside the " + columns
                    + " columns of " + source + " (indices 0 to " + (columns - 1) + ")");
        }
    }

    private static double number(String cell, String source, long line, int column) {
        if (cell.isEmpty()) {
            throw new IllegalArgumentException(
                    source + " line " + line + ", column " + (column + 1) + ": the value is missing (empty cell)");
        }
        if (!NUMBER.matcher(cell).matches()) {
            throw new IllegalArgumentException(source + " line " + line + ", column " + (column + 1) + ": "
                    + Echo.quote(cell) + " is not a number");
        }
        double value = Double.parseDouble(cell);
        if (!Double.isFinite(value)) {
            throw new IllegalArgumentException(source + " line " + line + ", column " + (column + 1) + ": "
                    + Echo.quote(cell) + " is too large for a double");
        }
        return value;
    }

    /** A growable array of doubles. */
    private static final class DoubleBuffer {
        private double[] values = new double[1024];
        private int size;

        void add(double v) {
            set(size, v);
        }

        void set(int index, double v) {
            if (index >= values.length) {
                values = Arrays.copyOf(values, Math.max(values.length * 2, index + 1));
            }
            values[index] = v;
            size = Math.max(size, index + 1);
        }

        double[] toArray(int length) {
            return Arrays.copyOf(values, length);
        }
    }

    /** Settings of a {@link CsvLoader}, checked as they are set and by {@link #build()}. */
    public static final class Builder {
        private char delimiter = ',';
        private HeaderMode header = HeaderMode.NO;
        private Charset charset = StandardCharsets.UTF_8;
        private int[] targetColumns = new int[0];
        private int labelColumn = -1;
        private LabelEncoder labelEncoder;

        private Builder() {}

        /**
         * The cell delimiter (default ','), such as ';' or '\t'.
         *
         * @throws IllegalArgumentException for a line break or a space, which cannot delimit trimmed cells
         */
        public Builder delimiter(char delimiter) {
            if (delimiter == '\n' || delimiter == '\r' || delimiter == ' ' || delimiter == '"') {
                throw new IllegalArgumentException(
                        "delimiter cannot be a line break or a space, got '" + (int) delimiter + "'");
            }
            this.delimiter = delimiter;
            return this;
        }

        /** Whether the first non-blank line is a header rather than data (default false). */
        public Builder header(boolean header) {
            return header(header ? HeaderMode.YES : HeaderMode.NO);
        }

        /**
         * Whether the first non-blank line is a header: yes, no, or decided from it ({@link HeaderMode#AUTO},
         * which refuses a line that is neither clearly a header nor clearly data). Default {@link HeaderMode#NO}.
         */
        public Builder header(HeaderMode mode) {
            this.header = java.util.Objects.requireNonNull(mode, "mode");
            return this;
        }

        /** The charset of the file (default UTF-8); bytes not valid in it fail naming the line. */
        public Builder charset(Charset charset) {
            this.charset = java.util.Objects.requireNonNull(charset, "charset");
            return this;
        }

        /**
         * The numeric target columns, numbered from 0, in the order they go to the targets.
         *
         * @throws IllegalArgumentException when there is none, one is negative, or one repeats
         */
        public Builder targetColumns(int... columns) {
            if (columns.length == 0) {
                throw new IllegalArgumentException("targetColumns needs at least one column");
            }
            for (int i = 0; i < columns.length; i++) {
                if (columns[i] < 0) {
                    throw new IllegalArgumentException("target column index must not be negative, got " + columns[i]);
                }
                for (int j = 0; j < i; j++) {
                    if (columns[j] == columns[i]) {
                        throw new IllegalArgumentException("target column index " + columns[i] + " is given twice");
                    }
                }
            }
            this.targetColumns = columns.clone();
            return this;
        }

        /**
         * A column of class names, numbered from 0, that becomes the single target: the class index of each row.
         * The names map through {@link #labelEncoder(LabelEncoder)} when given, otherwise through an encoder fitted
         * in order of first appearance.
         *
         * @throws IllegalArgumentException when the index is negative
         */
        public Builder labelColumn(int column) {
            if (column < 0) {
                throw new IllegalArgumentException("label column index must not be negative, got " + column);
            }
            this.labelColumn = column;
            return this;
        }

        /**
         * The class names of the label column, in index order; a name not in it fails with its line and column.
         */
        public Builder labelEncoder(LabelEncoder encoder) {
            this.labelEncoder = encoder;
            return this;
        }

        /**
         * The loader.
         *
         * @throws IllegalArgumentException when neither target columns nor a label column were given, or both
         */
        public CsvLoader build() {
            if (targetColumns.length == 0 && labelColumn < 0) {
                throw new IllegalArgumentException(
                        "give the target columns (targetColumns) or a column of class " + "names (labelColumn)");
            }
            if (targetColumns.length > 0 && labelColumn >= 0) {
                throw new IllegalArgumentException("give either targetColumns " + Arrays.toString(targetColumns)
                        + " or labelColumn " + labelColumn + ", not both");
            }
            if (labelEncoder != null && labelColumn < 0) {
                throw new IllegalArgumentException("a labelEncoder needs a labelColumn to apply to");
            }
            return new CsvLoader(this);
        }
    }
}
