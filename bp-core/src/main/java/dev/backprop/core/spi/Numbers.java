package dev.backprop.core.spi;

import java.util.regex.Pattern;

/**
 * The one number grammar of bp, for command-line options, component parameters ({@code adam(lr=0.001)}) and
 * model files. A real number is ASCII decimal: an optional sign, digits with an optional fraction (or a
 * fraction alone), and an optional exponent, e.g. {@code 0.001}, {@code -2}, {@code .5}, {@code 1e-3},
 * {@code 6.02E23}. The words {@code NaN}, {@code Infinity} and {@code -Infinity} are read too, because
 * {@link Double#toString(double)} writes them; components that need a finite value check it themselves. An
 * integer is an optional sign and ASCII digits. Nothing else is a number: no {@code d}/{@code f} suffixes, no
 * hexadecimal, no other scripts' digits, no NUL or other control characters, no thousands separators.
 * Surrounding spaces are ignored.
 */
public final class Numbers {

    private static final Pattern DECIMAL =
            Pattern.compile("[+-]?(?:[0-9]+(?:\\.[0-9]*)?|\\.[0-9]+)(?:[eE][+-]?[0-9]+)?");
    private static final Pattern WORD = Pattern.compile("[+-]?Infinity|NaN");
    private static final Pattern INTEGER = Pattern.compile("[+-]?[0-9]+");

    private Numbers() {}

    /**
     * Whether the text (without surrounding spaces) is an ASCII decimal number: the grammar without the words
     * {@code NaN} and {@code Infinity}, as data files hold them.
     */
    public static boolean isDecimal(String text) {
        return text != null && DECIMAL.matcher(strip(text)).matches();
    }

    /** Whether the text (without surrounding spaces) is a real number in bp's grammar. */
    public static boolean isReal(String text) {
        String s = strip(text);
        return DECIMAL.matcher(s).matches() || WORD.matcher(s).matches();
    }

    /**
     * Reads a real number.
     *
     * @param text the text
     * @param what what the number is, for the message, e.g. {@code "Parameter 'lr'"} or {@code "--lr"}
     * @throws IllegalArgumentException naming {@code what} and the text, cut to a readable length
     */
    public static double parseReal(String text, String what) {
        if (text == null || !isReal(text)) {
            throw new IllegalArgumentException(what + " must be a number, got " + Echo.quote(text));
        }
        return Double.parseDouble(strip(text));
    }

    /**
     * Reads an integer.
     *
     * @throws IllegalArgumentException naming {@code what}, the text and, past the int range, the limits
     */
    public static int parseInt(String text, String what) {
        long value = parseLong(text, what);
        if (value < Integer.MIN_VALUE || value > Integer.MAX_VALUE) {
            throw new IllegalArgumentException(what + " is out of range: " + Echo.quote(strip(text))
                    + " (an integer from " + Integer.MIN_VALUE + " to " + Integer.MAX_VALUE + ")");
        }
        return (int) value;
    }

    /**
     * Reads a long integer.
     *
     * @throws IllegalArgumentException naming {@code what}, the text and, past the long range, the limits
     */
    public static long parseLong(String text, String what) {
        String s = strip(text);
        if (text == null || !INTEGER.matcher(s).matches()) {
            throw new IllegalArgumentException(what + " must be an integer, got " + Echo.quote(text));
        }
        try {
            return Long.parseLong(s);
        } catch (NumberFormatException e) {
            throw new IllegalArgumentException(what + " is out of range: " + Echo.quote(s) + " (an integer from "
                    + Long.MIN_VALUE + " to " + Long.MAX_VALUE + ")");
        }
    }

    private static String strip(String text) {
        if (text == null) {
            return "";
        }
        // only spaces and tabs: String.strip would also take a NUL, which must stay and be refused
        int from = 0;
        int to = text.length();
        while (from < to && (text.charAt(from) == ' ' || text.charAt(from) == '\t')) {
            from++;
        }
        while (to > from && (text.charAt(to - 1) == ' ' || text.charAt(to - 1) == '\t')) {
            to--;
        }
        return text.substring(from, to);
    }
}
