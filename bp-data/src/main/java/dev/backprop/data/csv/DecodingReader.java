package dev.backprop.data.csv;

import java.io.IOException;
import java.io.InputStream;
import java.io.Reader;
import java.nio.ByteBuffer;
import java.nio.CharBuffer;
import java.nio.charset.Charset;
import java.nio.charset.CharsetDecoder;
import java.nio.charset.CoderResult;
import java.nio.charset.CodingErrorAction;
import java.nio.charset.StandardCharsets;
import java.util.ArrayDeque;
import java.util.Locale;

/**
 * Decodes bytes strictly — a byte sequence the charset does not allow is an error naming the line and byte, not
 * a replacement character or "Input length = 1" — drops a leading byte-order mark, and remembers where lines
 * start so that a record's character position can be turned into its line number.
 */
final class DecodingReader extends Reader {

    private final InputStream in;
    private final Charset charset;
    private final String source;
    private final CharsetDecoder decoder;
    private final ByteBuffer bytes = ByteBuffer.allocate(1 << 14);
    /**
     * The line breaks decoded but not yet passed by {@link #lineAt}: {@code 2 × position + 1} when the line the
     * break ends held only white space, {@code 2 × position} otherwise.
     */
    private final ArrayDeque<Long> breaks = new ArrayDeque<>();

    private boolean lineBlank = true;

    private long bytesConsumed;
    private long charsProduced;
    private long linesDecoded = 1;
    private long linesPassed;
    private boolean endOfInput;
    private boolean first = true;
    private IOException pending;

    DecodingReader(InputStream in, Charset charset, String source) {
        this.in = in;
        this.charset = charset;
        this.source = source;
        this.decoder = charset.newDecoder()
                .onMalformedInput(CodingErrorAction.REPORT)
                .onUnmappableCharacter(CodingErrorAction.REPORT);
        bytes.flip();
    }

    /**
     * The line, from 1, of the first non-blank line at or after this character position (positions only increase
     * between calls): a CSV record's position can point at blank lines its parser skipped before it.
     */
    long lineAt(long charPosition) {
        while (!breaks.isEmpty() && breaks.peekFirst() / 2 < charPosition) {
            breaks.pollFirst();
            linesPassed++;
        }
        while (!breaks.isEmpty() && breaks.peekFirst() % 2 == 1) {
            breaks.pollFirst();
            linesPassed++;
        }
        return linesPassed + 1;
    }

    @Override
    public int read(char[] target, int off, int len) throws IOException {
        if (pending != null) {
            throw pending;
        }
        if (len == 0) {
            return 0;
        }
        CharBuffer out = CharBuffer.wrap(target, off, len);
        while (out.position() == off) {
            if (!bytes.hasRemaining() && endOfInput) {
                return -1;
            }
            if (!endOfInput && bytes.remaining() < 8) {
                fill();
            }
            int before = bytes.position();
            int scanned = out.position();
            CoderResult result = decoder.decode(bytes, out, endOfInput);
            bytesConsumed += bytes.position() - before;
            for (int i = scanned; i < out.position(); i++) {
                if (target[i] == '\n') {
                    linesDecoded++;
                }
            }
            if (result.isError()) {
                pending = problem(result);
                break;
            }
            if (endOfInput && !bytes.hasRemaining()) {
                CoderResult flushed = decoder.flush(out);
                if (flushed.isError()) {
                    pending = problem(flushed);
                }
                if (out.position() == off) {
                    if (pending != null) {
                        throw pending;
                    }
                    return -1;
                }
            }
        }
        int produced = out.position() - off;
        int from = off;
        if (first && produced > 0) {
            first = false;
            if (target[off] == '\uFEFF') {
                // a byte-order mark is not content: drop it
                System.arraycopy(target, off + 1, target, off, produced - 1);
                produced--;
                if (produced == 0) {
                    return read(target, off, len);
                }
            }
        }
        for (int i = from; i < from + produced; i++) {
            char c = target[i];
            if (c == '\n') {
                breaks.addLast(2 * (charsProduced + (i - from)) + (lineBlank ? 1 : 0));
                lineBlank = true;
            } else if (c != '\r' && c != ' ' && c != '\t') {
                lineBlank = false;
            }
        }
        charsProduced += produced;
        return produced;
    }

    private void fill() throws IOException {
        bytes.compact();
        int n = in.read(bytes.array(), bytes.position(), bytes.remaining());
        if (n < 0) {
            endOfInput = true;
        } else {
            bytes.position(bytes.position() + n);
        }
        bytes.flip();
    }

    private IOException problem(CoderResult result) {
        int at = bytes.position();
        StringBuilder shown = new StringBuilder();
        for (int i = 0; i < Math.max(1, result.length()) && at + i < bytes.limit(); i++) {
            shown.append(String.format(Locale.ROOT, "%s0x%02X", i == 0 ? "" : " ", bytes.get(at + i) & 0xff));
        }
        String hint = "";
        if (bytesConsumed == 0 && charset.equals(StandardCharsets.UTF_8) && bytes.limit() >= 2) {
            int b0 = bytes.get(0) & 0xff;
            int b1 = bytes.get(1) & 0xff;
            if ((b0 == 0xFF && b1 == 0xFE) || (b0 == 0xFE && b1 == 0xFF)) {
                hint = " The file starts with a UTF-16 byte-order mark: save it as UTF-8.";
            }
        }
        return new IOException(source + " line " + linesDecoded + ": "
                + (result.isMalformed() ? "bytes " : "a character ")
                + shown + " at byte " + (bytesConsumed + 1) + " are not valid " + charset.name() + ", the encoding"
                + " expected; the file is binary or in another encoding (convert it to " + charset.name()
                + ", e.g. with iconv)." + hint);
    }

    @Override
    public void close() throws IOException {
        in.close();
    }
}
