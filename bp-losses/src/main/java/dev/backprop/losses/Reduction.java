package dev.backprop.losses;

import java.util.Locale;

/**
 * How an element-wise loss reduces its n × k per-entry values to the one number {@link
 * dev.backprop.core.spi.Loss#value} returns. The parameter {@code reduction} takes the lower-case names.
 */
public enum Reduction {

    /** The mean over all n·k entries, PyTorch's convention; the gradient carries the factor 1/(n·k). */
    MEAN,
    /** The sum over all entries. */
    SUM,
    /**
     * No reduction: the per-entry values are available from the loss (e.g. {@link Mse#perEntry}); since
     * {@code value()} must still be one number, it returns their sum, and the gradient is that of the sum.
     */
    NONE;

    /** The parameter name. */
    public static final String PARAMETER = "reduction";

    /** The name used in configurations: {@code mean}, {@code sum} or {@code none}. */
    public String configName() {
        return name().toLowerCase(Locale.ROOT);
    }

    /**
     * The factor the summed loss and its gradient are multiplied by for a batch of {@code entries} entries:
     * {@code 1/entries} for the mean, 1 otherwise.
     */
    double scale(int entries) {
        return this == MEAN ? 1.0 / entries : 1.0;
    }

    /**
     * Reads a reduction by its configuration name.
     *
     * @param loss the loss's name, for the message
     * @throws IllegalArgumentException naming the value and the choices
     */
    public static Reduction parse(String loss, String text) {
        String t = text.strip().toLowerCase(Locale.ROOT);
        for (Reduction r : values()) {
            if (r.configName().equals(t)) {
                return r;
            }
        }
        throw new IllegalArgumentException(loss + " " + PARAMETER + " must be mean, sum or none, got '" + text + "'");
    }
}
