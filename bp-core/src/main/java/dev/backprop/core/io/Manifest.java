package dev.backprop.core.io;

import java.nio.ByteBuffer;
import java.nio.charset.CharacterCodingException;
import java.nio.charset.CodingErrorAction;
import java.nio.charset.StandardCharsets;
import java.util.Collection;
import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Optional;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * The text entry {@code manifest.txt}: UTF-8, one {@code key = value} per line, parsed strictly and remembered
 * with line numbers for messages.
 *
 * <p>A line is a key of letters, digits, {@code . _ / -}, then exactly {@code " = "}, then the value: the rest
 * of the line, verbatim, with no escaping — it may hold spaces, {@code =} and {@code #}, but never a line
 * break, which is why values with CR or LF are refused on save. Lines end with LF (a CR before it is
 * tolerated). Empty lines and lines starting with {@code #} are ignored. A key may appear only once.
 */
final class Manifest {

    /** The archive entry's name. */
    static final String ENTRY = "manifest.txt";

    private static final Pattern LINE = Pattern.compile("([A-Za-z0-9._/-]+) =(?: (.*))?", Pattern.DOTALL);

    /**
     * One line.
     *
     * @param number the line number, from 1
     * @param key    the key
     * @param value  the value, verbatim
     */
    record Line(int number, String key, String value) {}

    private final String file;
    private final Map<String, Line> lines;

    private Manifest(String file, Map<String, Line> lines) {
        this.file = file;
        this.lines = Collections.unmodifiableMap(lines);
    }

    /**
     * Parses the entry's bytes.
     *
     * @param file the file's name, for messages
     * @throws ModelFileException naming the line that is not UTF-8, not {@code key = value}, or a repeated key
     */
    static Manifest parse(byte[] bytes, String file) throws ModelFileException {
        String text;
        try {
            text = StandardCharsets.UTF_8
                    .newDecoder()
                    .onMalformedInput(CodingErrorAction.REPORT)
                    .onUnmappableCharacter(CodingErrorAction.REPORT)
                    .decode(ByteBuffer.wrap(bytes))
                    .toString();
        } catch (CharacterCodingException e) {
            throw new ModelFileException(file + ": " + ENTRY + " is not valid UTF-8 text (" + e + ")", e);
        }
        Map<String, Line> lines = new LinkedHashMap<>();
        String[] raw = text.split("\n", -1);
        for (int i = 0; i < raw.length; i++) {
            int number = i + 1;
            String line = raw[i].endsWith("\r") ? raw[i].substring(0, raw[i].length() - 1) : raw[i];
            if (line.isEmpty() || line.startsWith("#")) {
                continue;
            }
            Matcher m = LINE.matcher(line);
            if (!m.matches()) {
                String shown = line.length() > 100 ? line.substring(0, 100) + "..." : line;
                throw new ModelFileException(file + ": " + ENTRY + " line " + number + ": expected 'key = value'"
                        + " (key of letters, digits, '.', '_', '/', '-'), got '" + shown + "'");
            }
            String key = m.group(1);
            String value = m.group(2) == null ? "" : m.group(2);
            if (!Keys.isStorableValue(value)) {
                throw new ModelFileException(
                        file + ": " + ENTRY + " line " + number + ": a lone CR inside the" + " value of '" + key + "'");
            }
            Line previous = lines.put(key, new Line(number, key, value));
            if (previous != null) {
                throw new ModelFileException(file + ": " + ENTRY + " line " + number + ": key '" + key
                        + "' repeated (first on line " + previous.number() + ")");
            }
        }
        return new Manifest(file, lines);
    }

    /** The line with this key, if present. */
    Optional<Line> get(String key) {
        return Optional.ofNullable(lines.get(key));
    }

    /**
     * The line with this key.
     *
     * @param why what needs it, appended to the message, e.g. {@code " (the file declares layers = 2)"}
     * @throws ModelFileException naming the missing key
     */
    Line require(String key, String why) throws ModelFileException {
        Line line = lines.get(key);
        if (line == null) {
            throw new ModelFileException(file + ": " + ENTRY + " has no '" + key + "' line" + why);
        }
        return line;
    }

    /** Every line in file order. */
    Collection<Line> lines() {
        return lines.values();
    }

    /** An exception naming the file, the manifest line and the problem. */
    ModelFileException error(Line line, String problem) {
        return new ModelFileException(file + ": " + ENTRY + " line " + line.number() + ": " + problem);
    }

    /** Writes manifests: lines in the order added. */
    static final class Writer {
        private final StringBuilder text = new StringBuilder();

        /**
         * Adds a line.
         *
         * @throws IllegalArgumentException if the key is not a manifest key or the value holds a line break
         */
        Writer add(String key, String value) {
            if (!Keys.KEY.matcher(key).matches() || !Keys.isStorableValue(value)) {
                throw new IllegalArgumentException("Cannot write manifest line '" + key + " = " + value + "'");
            }
            text.append(key).append(" = ").append(value).append('\n');
            return this;
        }

        /** The manifest's text. */
        String text() {
            return text.toString();
        }
    }
}
