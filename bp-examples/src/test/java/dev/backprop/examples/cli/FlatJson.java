package dev.backprop.examples.cli;

import java.util.LinkedHashMap;
import java.util.Map;

/**
 * A reader for the flat JSON objects of {@code --json}: string, number, boolean and null values, no nesting.
 * Written for the tests from RFC 8259's grammar, so that the program's JSON is checked by a reader other than the
 * writer.
 */
final class FlatJson {

    private final String text;
    private int pos;

    private FlatJson(String text) {
        this.text = text;
    }

    /** The fields of one object, in order; numbers as Double, booleans as Boolean, null as null. */
    static Map<String, Object> parse(String text) {
        FlatJson p = new FlatJson(text.strip());
        Map<String, Object> fields = new LinkedHashMap<>();
        p.expect('{');
        if (p.peek() == '}') {
            p.pos++;
        } else {
            do {
                String key = p.string();
                p.expect(':');
                if (fields.containsKey(key)) {
                    throw new IllegalArgumentException("duplicate key " + key);
                }
                fields.put(key, p.value());
            } while (p.consume(','));
            p.expect('}');
        }
        p.skipSpaces();
        if (p.pos != p.text.length()) {
            throw new IllegalArgumentException("text after the object at " + p.pos + ": " + text);
        }
        return fields;
    }

    private Object value() {
        char c = peek();
        if (c == '"') {
            return string();
        }
        if (text.startsWith("true", pos)) {
            pos += 4;
            return true;
        }
        if (text.startsWith("false", pos)) {
            pos += 5;
            return false;
        }
        if (text.startsWith("null", pos)) {
            pos += 4;
            return null;
        }
        int start = pos;
        while (pos < text.length() && "+-0123456789.eE".indexOf(text.charAt(pos)) >= 0) {
            pos++;
        }
        String number = text.substring(start, pos);
        if (!number.matches("-?(0|[1-9][0-9]*)(\\.[0-9]+)?([eE][+-]?[0-9]+)?")) {
            throw new IllegalArgumentException("not a JSON number at " + start + ": '" + number + "'");
        }
        return Double.parseDouble(number);
    }

    private String string() {
        expect('"');
        StringBuilder sb = new StringBuilder();
        while (true) {
            char c = text.charAt(pos++);
            if (c == '"') {
                return sb.toString();
            }
            if (c == '\\') {
                char e = text.charAt(pos++);
                switch (e) {
                    case 'n' -> sb.append('\n');
                    case 't' -> sb.append('\t');
                    case 'r' -> sb.append('\r');
                    case 'u' -> {
                        sb.append((char) Integer.parseInt(text.substring(pos, pos + 4), 16));
                        pos += 4;
                    }
                    default -> sb.append(e);
                }
            } else {
                sb.append(c);
            }
        }
    }

    private char peek() {
        skipSpaces();
        return text.charAt(pos);
    }

    private boolean consume(char c) {
        if (peek() == c) {
            pos++;
            return true;
        }
        return false;
    }

    private void expect(char c) {
        if (peek() != c) {
            throw new IllegalArgumentException("expected '" + c + "' at " + pos + " in " + text);
        }
        pos++;
    }

    private void skipSpaces() {
        while (pos < text.length() && Character.isWhitespace(text.charAt(pos))) {
            pos++;
        }
    }
}
