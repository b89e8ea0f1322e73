package dev.backprop.data.csv;

import dev.backprop.core.spi.Echo;
import dev.backprop.core.spi.Numbers;
import dev.backprop.data.io.CompressedStreams;
import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.nio.charset.Charset;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.NoSuchFileException;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.Iterator;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Objects;
import java.util.Set;
import java.util.function.Consumer;
import java.util.regex.Pattern;
import org.apache.commons.csv.CSVFormat;
import org.apache.commons.csv.CSVParser;
import org.apache.commons.csv.CSVRecord;

/**
 * Reads the rows of a CSV file with Apache Commons CSV: RFC 4180 quoting ({@code "5.1"}, {@code "a, b"},
 * doubled quotes, line breaks inside quotes), CRLF or LF line ends, a UTF-8 byte-order mark dropped, gzip
 * decompressed, cells trimmed, blank lines skipped. Decoding is strict: bytes that are not valid in the expected
 * charset (UTF-8 by default) stop reading with the file, the line and the byte, instead of turning into
 * replacement characters.
 *
 * <pre>{@code
 * CsvTable rows = CsvReader.builder().header(HeaderMode.AUTO).skip("species").build().read(Path.of("iris.csv"));
 * }</pre>
 *
 * <p>The header is explicit ({@link HeaderMode}); with {@link HeaderMode#AUTO} a first row that is neither
 * clearly a header nor clearly data is refused, naming its line. Every row must have as many cells as the first
 * (the header, when there is one). Columns may be {@link Builder#select selected} or {@link Builder#skip
 * skipped} by header name or by position: a token of ASCII digits is a position from 1, as messages number
 * columns (and as {@code cut -f} does); anything else is a header name.
 *
 * <p>Line numbers in messages and in {@link CsvRow#line()} count every line of the file from 1, as an editor
 * shows them, so they match the file whatever was skipped.
 */
public final class CsvReader {

    private static final Pattern POSITION = Pattern.compile("[0-9]{1,9}");

    private final char delimiter;
    private final HeaderMode header;
    private final Charset charset;
    private final List<String> select;
    private final List<String> skip;
    private final Set<Integer> textColumns;

    private CsvReader(Builder b) {
        this.delimiter = b.delimiter;
        this.header = b.header;
        this.charset = b.charset;
        this.select = List.copyOf(b.select);
        this.skip = List.copyOf(b.skip);
        this.textColumns = Set.copyOf(b.textColumns);
    }

    /** A builder: delimiter ',', header {@link HeaderMode#AUTO}, UTF-8, every column. */
    public static Builder builder() {
        return new Builder();
    }

    /**
     * Reads a file; its name appears in messages.
     *
     * @throws UncheckedIOException     when the file is missing or cannot be read, naming it
     * @throws IllegalArgumentException naming the file and line when the content or encoding is wrong
     */
    public CsvTable read(Path file) {
        List<CsvRow> rows = new ArrayList<>();
        CsvTable table = forEach(file, rows::add);
        return new CsvTable(table.source(), table.header(), table.columns(), rows);
    }

    /**
     * Reads a file and hands each data row to {@code handler} as it is read, keeping none.
     *
     * @return the header and the selected columns, without rows
     */
    public CsvTable forEach(Path file, Consumer<CsvRow> handler) {
        try (InputStream in = Files.newInputStream(file)) {
            return forEach(in, file.toString(), handler);
        } catch (NoSuchFileException e) {
            throw new UncheckedIOException("input file " + file + " does not exist", e);
        } catch (IOException e) {
            throw new UncheckedIOException("cannot read " + file + ": " + e.getMessage(), e);
        }
    }

    /** Reads a stream to its end (not closing it), keeping every row. */
    public CsvTable read(InputStream in, String source) {
        List<CsvRow> rows = new ArrayList<>();
        CsvTable table = forEach(in, source, rows::add);
        return new CsvTable(table.source(), table.header(), table.columns(), rows);
    }

    /**
     * Reads a stream to its end, not closing it, and hands each data row to {@code handler}.
     *
     * @param in     the bytes, gzip-compressed or not. Read from.
     * @param source the name used in messages
     * @return the header and the selected columns, without rows
     * @throws IllegalArgumentException naming the source and line when the content or encoding is wrong
     */
    public CsvTable forEach(InputStream in, String source, Consumer<CsvRow> handler) {
        Objects.requireNonNull(handler, "handler");
        CSVFormat format = CSVFormat.RFC4180
                .builder()
                .setDelimiter(delimiter)
                .setTrim(true)
                .setIgnoreSurroundingSpaces(true)
                .setIgnoreEmptyLines(true)
                .get();
        try {
            DecodingReader reader = new DecodingReader(CompressedStreams.decompressIfGzip(in), charset, source);
            CSVParser parser =
                    CSVParser.builder().setReader(reader).setFormat(format).get();
            return parse(parser, reader, source, handler);
        } catch (UncheckedIOException e) {
            throw unreadable(source, e.getCause());
        } catch (IOException e) {
            throw unreadable(source, e);
        }
    }

    private static RuntimeException unreadable(String source, IOException e) {
        String message = e.getMessage() == null ? e.toString() : e.getMessage();
        if (message.startsWith(source + " line ")) {
            return new IllegalArgumentException(message, e);
        }
        // Commons CSV reports a malformed quote as an IOException naming the line
        return new IllegalArgumentException(source + ": " + message, e);
    }

    private CsvTable parse(CSVParser parser, DecodingReader reader, String source, Consumer<CsvRow> handler) {
        Iterator<CSVRecord> records = parser.iterator();
        List<String> names = List.of();
        int[] picked = null;
        int width = -1;
        long firstLine = 0;
        boolean hasHeader = false;
        List<Integer> positions = List.of();
        while (records.hasNext()) {
            CSVRecord record = records.next();
            long line = reader.lineAt(record.getCharacterPosition());
            String[] cells = record.values();
            if (cells.length == 1 && cells[0].isEmpty()) {
                continue; // a line of spaces only
            }
            if (width < 0) {
                width = cells.length;
                firstLine = line;
                hasHeader = isHeader(cells, source, line);
                picked = resolve(hasHeader ? cells : null, width, source, line);
                List<Integer> p = new ArrayList<>();
                for (int c : picked) {
                    p.add(c + 1);
                }
                positions = List.copyOf(p);
                if (hasHeader) {
                    names = pick(cells, picked);
                    continue;
                }
            } else if (cells.length != width) {
                throw new IllegalArgumentException(source + " line " + line + " has " + cells.length + " columns,"
                        + " expected " + width + " as in "
                        + (hasHeader ? "the header (line " + firstLine + ")" : "line " + firstLine));
            }
            handler.accept(new CsvRow(line, pick(cells, picked), positions));
        }
        return new CsvTable(source, names, positions, List.of());
    }

    private static List<String> pick(String[] cells, int[] picked) {
        String[] out = new String[picked.length];
        for (int i = 0; i < picked.length; i++) {
            out[i] = cells[picked[i]];
        }
        return Arrays.asList(out);
    }

    private boolean isHeader(String[] cells, String source, long line) {
        if (header == HeaderMode.YES) {
            return true;
        }
        boolean byName = select.stream().anyMatch(t -> !POSITION.matcher(t).matches())
                || skip.stream().anyMatch(t -> !POSITION.matcher(t).matches());
        if (header == HeaderMode.NO) {
            if (byName) {
                throw new IllegalArgumentException("columns are chosen by name " + names() + ", but " + source
                        + " is read without a header; name them by position (from 1) instead");
            }
            return false;
        }
        if (byName) {
            return true; // names need a header: resolve() says so when the names are not in line 1
        }
        List<Integer> numbers = new ArrayList<>();
        List<Integer> words = new ArrayList<>();
        Set<Integer> considered = considered(cells.length);
        for (int c = 0; c < cells.length; c++) {
            if (!considered.contains(c) || textColumns.contains(c)) {
                continue;
            }
            (Numbers.isReal(cells[c]) ? numbers : words).add(c + 1);
        }
        if (numbers.isEmpty()) {
            return true;
        }
        if (words.isEmpty()) {
            return false;
        }
        throw new IllegalArgumentException(source + " line " + line + " is neither a header (no cell a number) nor"
                + " a data row (every cell a number): column" + (words.size() > 1 ? "s " : " ") + join(words)
                + (words.size() > 1 ? " are" : " is") + " not a number, " + Echo.quote(cells[words.get(0) - 1])
                + ". Say whether the file has a header (header yes or no), or correct the row.");
    }

    /** The columns the selection keeps, when positions alone choose them (all columns otherwise). */
    private Set<Integer> considered(int columns) {
        Set<Integer> kept = new LinkedHashSet<>();
        if (!select.isEmpty()) {
            for (String t : select) {
                int c = Integer.parseInt(t) - 1;
                if (c >= 0 && c < columns) {
                    kept.add(c);
                }
            }
            return kept;
        }
        for (int c = 0; c < columns; c++) {
            kept.add(c);
        }
        for (String t : skip) {
            kept.remove(Integer.parseInt(t) - 1);
        }
        return kept;
    }

    private int[] resolve(String[] headerCells, int width, String source, long line) {
        List<String> tokens = select.isEmpty() ? skip : select;
        Set<Integer> chosen = new LinkedHashSet<>();
        for (String token : tokens) {
            int c;
            if (POSITION.matcher(token).matches()) {
                c = Integer.parseInt(token) - 1;
                if (c < 0 || c >= width) {
                    throw new IllegalArgumentException("column " + token + " is not in " + source + ", whose line "
                            + line + " has columns 1 to " + width);
                }
            } else {
                c = headerCells == null ? -1 : Arrays.asList(headerCells).indexOf(token);
                if (c < 0) {
                    throw new IllegalArgumentException("column " + Echo.quote(token) + " is not in the header of "
                            + source + " (line " + line + "): "
                            + Echo.quote(headerCells == null ? "" : String.join(",", headerCells)));
                }
            }
            if (!chosen.add(c)) {
                throw new IllegalArgumentException("column " + Echo.quote(token) + " is chosen twice");
            }
        }
        if (select.isEmpty()) {
            int[] kept = new int[width - chosen.size()];
            int k = 0;
            for (int c = 0; c < width; c++) {
                if (!chosen.contains(c)) {
                    kept[k++] = c;
                }
            }
            if (kept.length == 0) {
                throw new IllegalArgumentException("every column of " + source + " is skipped " + names());
            }
            return kept;
        }
        return chosen.stream().mapToInt(Integer::intValue).toArray();
    }

    private String names() {
        return (select.isEmpty() ? skip : select).toString();
    }

    private static String join(List<Integer> columns) {
        StringBuilder sb = new StringBuilder();
        for (int i = 0; i < columns.size() && i < 10; i++) {
            sb.append(i == 0 ? "" : ", ").append(columns.get(i));
        }
        return columns.size() > 10 ? sb + ", …" : sb.toString();
    }

    /** Settings of a {@link CsvReader}. */
    public static final class Builder {
        private char delimiter = ',';
        private HeaderMode header = HeaderMode.AUTO;
        private Charset charset = StandardCharsets.UTF_8;
        private List<String> select = List.of();
        private List<String> skip = List.of();
        private Set<Integer> textColumns = Set.of();

        private Builder() {}

        /**
         * The cell delimiter (default ','), such as ';' or '\t'.
         *
         * @throws IllegalArgumentException for a line break, a space or a double quote
         */
        public Builder delimiter(char delimiter) {
            if (delimiter == '\n' || delimiter == '\r' || delimiter == ' ' || delimiter == '"') {
                throw new IllegalArgumentException(
                        "delimiter cannot be a line break, a space or a quote, got '" + (int) delimiter + "'");
            }
            this.delimiter = delimiter;
            return this;
        }

        /** Whether the first row is a header (default {@link HeaderMode#AUTO}). */
        public Builder header(HeaderMode mode) {
            this.header = Objects.requireNonNull(mode, "mode");
            return this;
        }

        /** The charset the file is in (default UTF-8); bytes not valid in it are an error. */
        public Builder charset(Charset charset) {
            this.charset = Objects.requireNonNull(charset, "charset");
            return this;
        }

        /**
         * Keeps only these columns, in this order: header names, or positions from 1.
         *
         * @throws IllegalArgumentException if {@link #skip} was given too, or a token is blank
         */
        public Builder select(List<String> columns) {
            this.select = tokens(columns, "select");
            return this;
        }

        /**
         * Drops these columns (such as a label column) and keeps the others in file order: header names, or
         * positions from 1.
         *
         * @throws IllegalArgumentException if {@link #select} was given too, or a token is blank
         */
        public Builder skip(List<String> columns) {
            this.skip = tokens(columns, "skip");
            return this;
        }

        /** Columns (numbered from 0) that hold text such as class names, which {@link HeaderMode#AUTO} ignores. */
        public Builder textColumns(int... columns) {
            Set<Integer> set = new LinkedHashSet<>();
            for (int c : columns) {
                set.add(c);
            }
            this.textColumns = set;
            return this;
        }

        private static List<String> tokens(List<String> columns, String what) {
            List<String> out = new ArrayList<>();
            for (String t : columns) {
                if (t == null || t.isBlank()) {
                    throw new IllegalArgumentException(what + ": a column name or position is empty in " + columns);
                }
                out.add(t.strip());
            }
            return out;
        }

        /**
         * The reader.
         *
         * @throws IllegalArgumentException if columns are both selected and skipped
         */
        public CsvReader build() {
            if (!select.isEmpty() && !skip.isEmpty()) {
                throw new IllegalArgumentException(
                        "give the columns to select " + select + " or those to skip " + skip + ", not both");
            }
            return new CsvReader(this);
        }
    }
}
