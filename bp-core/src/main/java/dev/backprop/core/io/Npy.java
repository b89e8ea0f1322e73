package dev.backprop.core.io;

import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.nio.ByteBuffer;
import java.nio.ByteOrder;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.ejml.data.DMatrixRMaj;

/**
 * The NPY array format of numpy (version 1.0 written; 1.0, 2.0 and 3.0 read), for float64 matrices.
 *
 * <p>An NPY file is the magic {@code \x93NUMPY}, two version bytes, the header length (little-endian uint16 in
 * version 1.0, uint32 in 2.0 and 3.0), the header — a Python dict literal such as
 * {@code {'descr': '<f8', 'fortran_order': False, 'shape': (2, 3), }} padded with spaces and a final newline so
 * that the data starts at a multiple of 64 bytes — and then the values. Writing follows numpy's own writer
 * byte for byte, including its 21 − digits spaces of room for growing the first axis, so a matrix saved here
 * and with {@code numpy.save} gives the same bytes.
 */
final class Npy {

    private static final byte[] MAGIC = {(byte) 0x93, 'N', 'U', 'M', 'P', 'Y'};
    /** numpy's ARRAY_ALIGN: magic, version, length and header together fill a multiple of this. */
    private static final int ALIGNMENT = 64;
    /** numpy's GROWTH_AXIS_MAX_DIGITS: spare header room for the first dimension to grow to 21 digits. */
    private static final int GROWTH_AXIS_MAX_DIGITS = 21;
    /** Bytes converted per step when writing or reading values; a multiple of 8. */
    static final int CHUNK_BYTES = 1 << 16;

    private Npy() {}

    /**
     * A header read from an entry, checked for size.
     *
     * @param prefixBytes magic, version, length field and header: where the values start
     * @param rows        the first dimension (1 for a 1-D array)
     * @param cols        the second dimension (the length of a 1-D array)
     * @param fortran     whether the values are in column-major order
     * @param shapeText   the shape as written, e.g. {@code (2, 3)}
     */
    record Header(long prefixBytes, int rows, int cols, boolean fortran, String shapeText) {
        /** The number of values. */
        int count() {
            return rows * cols;
        }
    }

    /** The complete header, padded as numpy pads it, of a row-major float64 matrix of this shape. */
    static byte[] header(int rows, int cols) {
        String dict = "{'descr': '<f8', 'fortran_order': False, 'shape': (" + rows + ", " + cols + "), }"
                + " ".repeat(GROWTH_AXIS_MAX_DIGITS - Integer.toString(rows).length());
        int unpadded = MAGIC.length + 2 + 2 + dict.length() + 1;
        // padding = 64 − (unpadded mod 64), between 1 and 64, as numpy's _wrap_header computes it
        int padding = ALIGNMENT - unpadded % ALIGNMENT;
        int headerLength = dict.length() + padding + 1;
        byte[] out = new byte[MAGIC.length + 4 + headerLength];
        System.arraycopy(MAGIC, 0, out, 0, MAGIC.length);
        out[6] = 1;
        out[7] = 0;
        out[8] = (byte) headerLength;
        out[9] = (byte) (headerLength >>> 8);
        byte[] text = dict.getBytes(StandardCharsets.US_ASCII);
        System.arraycopy(text, 0, out, 10, text.length);
        Arrays.fill(out, 10 + text.length, out.length - 1, (byte) ' ');
        out[out.length - 1] = '\n';
        return out;
    }

    /** The size of a matrix's NPY entry: header plus 8 bytes per value. */
    static long entrySize(DMatrixRMaj matrix) {
        return header(matrix.numRows, matrix.numCols).length + 8L * matrix.getNumElements();
    }

    /**
     * Writes a matrix as NPY: the header, then its values little-endian in row-major order (EJML's layout).
     *
     * @param buffer a scratch array of {@link #CHUNK_BYTES} bytes. Modified.
     */
    static void write(DMatrixRMaj matrix, OutputStream out, byte[] buffer) throws IOException {
        out.write(header(matrix.numRows, matrix.numCols));
        ByteBuffer bytes = ByteBuffer.wrap(buffer).order(ByteOrder.LITTLE_ENDIAN);
        int total = matrix.getNumElements();
        int perChunk = buffer.length / Double.BYTES;
        for (int offset = 0; offset < total; offset += perChunk) {
            int n = Math.min(perChunk, total - offset);
            bytes.clear();
            bytes.asDoubleBuffer().put(matrix.data, offset, n);
            out.write(buffer, 0, n * Double.BYTES);
        }
    }

    /**
     * Reads and checks the header of an entry, allocating nothing in proportion to what it claims: the header
     * length must be within {@link ModelFile#MAX_NPY_HEADER_BYTES}, the dtype float64 little-endian, the shape
     * 1-D or 2-D with at most {@link Integer#MAX_VALUE} values, and header plus values exactly the entry's size.
     *
     * @param in        the entry's bytes, positioned at the start
     * @param entrySize the entry's size from the archive's central directory
     * @param where     the file and entry, for messages
     */
    static Header readHeader(InputStream in, long entrySize, String where) throws IOException {
        byte[] prefix = in.readNBytes(MAGIC.length + 2);
        if (prefix.length < MAGIC.length + 2 || !Arrays.equals(prefix, 0, MAGIC.length, MAGIC, 0, MAGIC.length)) {
            throw new ModelFileException(
                    where + " is not an NPY array: it does not start with the magic" + " \\x93NUMPY and a version");
        }
        int major = prefix[6];
        int minor = prefix[7];
        if (major < 1 || major > 3 || minor != 0) {
            throw new ModelFileException(where + " has NPY version " + (major & 0xff) + "." + (minor & 0xff)
                    + "; bp reads versions 1.0, 2.0 and 3.0");
        }
        int lengthBytes = major == 1 ? 2 : 4;
        byte[] lengthField = in.readNBytes(lengthBytes);
        if (lengthField.length < lengthBytes) {
            throw new ModelFileException(where + " is cut short inside its NPY header length");
        }
        long headerLength = 0;
        for (int i = lengthBytes - 1; i >= 0; i--) {
            headerLength = headerLength << 8 | (lengthField[i] & 0xff);
        }
        if (headerLength > ModelFile.MAX_NPY_HEADER_BYTES) {
            throw new ModelFileException(where + " has an NPY header of " + headerLength + " bytes, more than the"
                    + " limit of " + ModelFile.MAX_NPY_HEADER_BYTES + " bytes");
        }
        long prefixBytes = MAGIC.length + 2 + lengthBytes + headerLength;
        if (prefixBytes > entrySize) {
            throw new ModelFileException(where + " is cut short: its NPY header claims " + headerLength
                    + " bytes but the entry has only " + entrySize + " bytes in all");
        }
        byte[] headerBytes = in.readNBytes((int) headerLength);
        if (headerBytes.length < headerLength) {
            throw new ModelFileException(where + " is cut short inside its NPY header");
        }
        String text = new String(headerBytes, major == 3 ? StandardCharsets.UTF_8 : StandardCharsets.ISO_8859_1);
        Map<String, Object> dict = new HeaderParser(text, where).parse();
        return check(dict, prefixBytes, entrySize, where);
    }

    private static Header check(Map<String, Object> dict, long prefixBytes, long entrySize, String where)
            throws ModelFileException {
        for (String key : List.of("descr", "fortran_order", "shape")) {
            if (!dict.containsKey(key)) {
                throw new ModelFileException(where + " has no '" + key + "' in its NPY header " + dict.keySet());
            }
        }
        if (!"<f8".equals(dict.get("descr"))) {
            throw new ModelFileException(where + " holds dtype '" + dict.get("descr") + "'; bp model files hold"
                    + " little-endian float64 arrays ('<f8')");
        }
        if (!(dict.get("fortran_order") instanceof Boolean fortran)) {
            throw new ModelFileException(where + " has fortran_order " + dict.get("fortran_order")
                    + " in its NPY header; expected True or False");
        }
        if (!(dict.get("shape") instanceof List<?> shape)) {
            throw new ModelFileException(
                    where + " has shape " + dict.get("shape") + " in its NPY header; expected a tuple of integers");
        }
        String shapeText = shapeText(shape);
        if (shape.size() < 1 || shape.size() > 2) {
            throw new ModelFileException(where + " has shape " + shapeText + "; bp model files hold 2-D arrays"
                    + " (rows, columns) or 1-D arrays (read as one row)");
        }
        long rows = shape.size() == 2 ? (Long) shape.get(0) : 1;
        long cols = (Long) shape.get(shape.size() - 1);
        if (rows > Integer.MAX_VALUE || cols > Integer.MAX_VALUE) {
            throw new ModelFileException(where + ": the NPY header claims shape " + shapeText
                    + ", with a dimension over " + Integer.MAX_VALUE);
        }
        // rows, cols < 2^31, so the product fits in a long
        long count = rows * cols;
        if (count > Integer.MAX_VALUE) {
            throw new ModelFileException(where + ": the NPY header claims shape " + shapeText + ", which is "
                    + rows + " × " + cols + " = " + count + " values; an array holds at most "
                    + Integer.MAX_VALUE);
        }
        long dataBytes = entrySize - prefixBytes;
        if (count * Double.BYTES != dataBytes) {
            throw new ModelFileException(where + ": the NPY header claims shape " + shapeText + ", which is "
                    + count + " values = " + count * Double.BYTES + " bytes, but the entry holds " + dataBytes
                    + " bytes after its header");
        }
        return new Header(prefixBytes, (int) rows, (int) cols, fortran, shapeText);
    }

    private static String shapeText(List<?> shape) {
        StringBuilder sb = new StringBuilder("(");
        for (int i = 0; i < shape.size(); i++) {
            sb.append(i == 0 ? "" : ", ").append(shape.get(i));
        }
        return sb.append(shape.size() == 1 ? ",)" : ")").toString();
    }

    /**
     * Reads the values after a header into a row-major array.
     *
     * @param target receives {@code header.count()} values from index 0. Modified.
     * @param buffer a scratch array of {@link #CHUNK_BYTES} bytes. Modified.
     */
    static void readData(InputStream in, Header header, double[] target, byte[] buffer, String where)
            throws IOException {
        int total = header.count();
        int perChunk = buffer.length / Double.BYTES;
        ByteBuffer bytes = ByteBuffer.wrap(buffer).order(ByteOrder.LITTLE_ENDIAN);
        for (int offset = 0; offset < total; offset += perChunk) {
            int n = Math.min(perChunk, total - offset);
            int got = in.readNBytes(buffer, 0, n * Double.BYTES);
            if (got < n * Double.BYTES) {
                throw new ModelFileException(where + " is cut short: it ends after " + (offset * 8L + got) + " of its "
                        + total * 8L + " bytes of values");
            }
            bytes.clear();
            if (!header.fortran()) {
                bytes.asDoubleBuffer().get(target, offset, n);
            } else {
                // column-major index k holds (r, c) = (k mod rows, k div rows), row-major index r·cols + c
                for (int i = 0; i < n; i++) {
                    int k = offset + i;
                    target[(k % header.rows()) * header.cols() + k / header.rows()] = bytes.getDouble(i * 8);
                }
            }
        }
        if (in.read() >= 0) {
            throw new ModelFileException(where + " has bytes after its " + total + " values");
        }
    }

    /** A parser for the Python dict literal of NPY headers: strings, True/False and tuples of integers. */
    private static final class HeaderParser {
        private final String text;
        private final String where;
        private int pos;

        HeaderParser(String text, String where) {
            this.text = text;
            this.where = where;
        }

        Map<String, Object> parse() throws ModelFileException {
            Map<String, Object> dict = new LinkedHashMap<>();
            expect('{');
            while (true) {
                skipSpaces();
                if (peek() == '}') {
                    pos++;
                    break;
                }
                String key = string();
                expect(':');
                if (dict.put(key, value()) != null) {
                    throw error("key '" + key + "' appears twice");
                }
                skipSpaces();
                if (peek() == ',') {
                    pos++;
                } else if (peek() != '}') {
                    throw error("expected ',' or '}'");
                }
            }
            skipSpaces();
            if (pos != text.length()) {
                throw error("text after the closing '}'");
            }
            return dict;
        }

        private Object value() throws ModelFileException {
            skipSpaces();
            char c = peek();
            if (c == '\'' || c == '"') {
                return string();
            }
            if (c == '(') {
                return tuple();
            }
            if (text.startsWith("True", pos)) {
                pos += 4;
                return Boolean.TRUE;
            }
            if (text.startsWith("False", pos)) {
                pos += 5;
                return Boolean.FALSE;
            }
            throw error("expected a string, True, False or a tuple");
        }

        private List<Long> tuple() throws ModelFileException {
            expect('(');
            List<Long> items = new ArrayList<>();
            while (true) {
                skipSpaces();
                if (peek() == ')') {
                    pos++;
                    return items;
                }
                items.add(integer());
                skipSpaces();
                if (peek() == ',') {
                    pos++;
                } else if (peek() != ')') {
                    throw error("expected ',' or ')' in the shape");
                }
            }
        }

        private long integer() throws ModelFileException {
            int start = pos;
            while (pos < text.length() && text.charAt(pos) >= '0' && text.charAt(pos) <= '9') {
                pos++;
            }
            if (start == pos) {
                throw error("expected a non-negative integer in the shape");
            }
            String digits = text.substring(start, pos);
            if (peek() == 'L') {
                pos++; // written by numpy under Python 2
            }
            if (digits.length() > 18) {
                throw new ModelFileException(
                        where + ": the NPY header claims a dimension of " + digits + ", over " + Integer.MAX_VALUE);
            }
            return Long.parseLong(digits);
        }

        private String string() throws ModelFileException {
            skipSpaces();
            char quote = peek();
            if (quote != '\'' && quote != '"') {
                throw error("expected a quoted string");
            }
            int end = text.indexOf(quote, pos + 1);
            if (end < 0) {
                throw error("unterminated string");
            }
            String s = text.substring(pos + 1, end);
            if (s.indexOf('\\') >= 0) {
                throw error("escapes in strings are not supported");
            }
            pos = end + 1;
            return s;
        }

        private void expect(char c) throws ModelFileException {
            skipSpaces();
            if (peek() != c) {
                throw error("expected '" + c + "'");
            }
            pos++;
        }

        private char peek() {
            return pos < text.length() ? text.charAt(pos) : '\0';
        }

        private void skipSpaces() {
            while (pos < text.length()
                    && (text.charAt(pos) == ' '
                            || text.charAt(pos) == '\n'
                            || text.charAt(pos) == '\t'
                            || text.charAt(pos) == '\r')) {
                pos++;
            }
        }

        private ModelFileException error(String problem) {
            String shown = text.length() > 200 ? text.substring(0, 200) + "..." : text.strip();
            return new ModelFileException(
                    where + " has an unreadable NPY header (" + problem + " at character " + pos + "): " + shown);
        }
    }
}
