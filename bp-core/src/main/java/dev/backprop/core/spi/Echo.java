package dev.backprop.core.spi;

/**
 * Quotes user input for an error message, cut to a readable length. A message that repeats a 10 MB cell or a
 * megabyte-long name is no help; the first {@value #LIMIT} characters and the full length are. Control
 * characters (a NUL byte, a line break) are shown as {@code \u0000}-style escapes so the message stays on one
 * line and shows what was really there.
 */
public final class Echo {

    /** The most characters of the input a message repeats. */
    public static final int LIMIT = 80;

    private Echo() {}

    /**
     * The text in single quotes, e.g. {@code 'abc'}; longer than {@value #LIMIT} characters, its start followed by
     * {@code …' (N characters)}.
     */
    public static String quote(String text) {
        if (text == null) {
            return "null";
        }
        int shown = Math.min(text.length(), LIMIT);
        StringBuilder sb = new StringBuilder(shown + 32).append('\'');
        for (int i = 0; i < shown; i++) {
            char c = text.charAt(i);
            if (Character.isISOControl(c)) {
                sb.append(String.format("\\u%04x", (int) c));
            } else {
                sb.append(c);
            }
        }
        if (text.length() > LIMIT) {
            sb.append("…' (").append(text.length()).append(" characters)");
        } else {
            sb.append('\'');
        }
        return sb.toString();
    }
}
