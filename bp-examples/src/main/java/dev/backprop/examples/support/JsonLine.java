package dev.backprop.examples.support;

import java.util.LinkedHashMap;
import java.util.Locale;
import java.util.Map;

/**
 * One flat JSON object, written on one line: the {@code --json} summary every command prints last. Numbers are
 * written in round-trip precision; non-finite numbers become {@code null}.
 */
public final class JsonLine {

    private final Map<String, Object> fields = new LinkedHashMap<>();

    /** Adds a text field. */
    public JsonLine put(String key, String value) {
        fields.put(key, value);
        return this;
    }

    /** Adds a number. */
    public JsonLine put(String key, double value) {
        fields.put(key, value);
        return this;
    }

    /** Adds an integer. */
    public JsonLine put(String key, long value) {
        fields.put(key, value);
        return this;
    }

    /** Adds a flag. */
    public JsonLine put(String key, boolean value) {
        fields.put(key, value);
        return this;
    }

    @Override
    public String toString() {
        StringBuilder sb = new StringBuilder("{");
        for (Map.Entry<String, Object> e : fields.entrySet()) {
            if (sb.length() > 1) {
                sb.append(',');
            }
            quote(sb, e.getKey());
            sb.append(':');
            Object v = e.getValue();
            if (v instanceof String s) {
                quote(sb, s);
            } else if (v instanceof Double d) {
                sb.append(Double.isFinite(d) ? Double.toString(d) : "null");
            } else {
                sb.append(v);
            }
        }
        return sb.append('}').toString();
    }

    private static void quote(StringBuilder sb, String s) {
        sb.append('"');
        for (int i = 0; i < s.length(); i++) {
            char c = s.charAt(i);
            switch (c) {
                case '"' -> sb.append("\\\"");
                case '\\' -> sb.append("\\\\");
                case '\n' -> sb.append("\\n");
                case '\r' -> sb.append("\\r");
                case '\t' -> sb.append("\\t");
                default -> {
                    if (c < 0x20) {
                        sb.append(String.format(Locale.ROOT, "\\u%04x", (int) c));
                    } else {
                        sb.append(c);
                    }
                }
            }
        }
        sb.append('"');
    }
}
