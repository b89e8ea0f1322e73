package dev.backprop.examples.cli;

import dev.backprop.core.random.Rng;
import java.util.Arrays;
import java.util.Locale;
import org.ejml.data.DMatrixRMaj;
import picocli.CommandLine;

/** The random targets a gradient check or a benchmark can use, to suit the loss. */
enum TargetKind {

    /** Rows e_c of a uniformly drawn class c: for cross-entropies, and valid for MSE and KL divergence. */
    ONE_HOT("one-hot") {
        @Override
        void fill(DMatrixRMaj t, Rng rng) {
            t.zero();
            for (int r = 0; r < t.numRows; r++) {
                t.set(r, rng.nextInt(t.numCols), 1.0);
            }
        }
    },
    /** Entries drawn from U(0, 1): for regression losses and binary cross-entropy. */
    UNIFORM("uniform") {
        @Override
        void fill(DMatrixRMaj t, Rng rng) {
            for (int i = 0; i < t.getNumElements(); i++) {
                t.data[i] = rng.nextDouble();
            }
        }
    },
    /** Entries −1 or +1 with equal probability: for the hinge loss. */
    SIGNS("signs") {
        @Override
        void fill(DMatrixRMaj t, Rng rng) {
            for (int i = 0; i < t.getNumElements(); i++) {
                t.data[i] = rng.nextDouble() < 0.5 ? -1.0 : 1.0;
            }
        }
    };

    private final String label;

    TargetKind(String label) {
        this.label = label;
    }

    /** Fills the matrix with random targets of this kind. */
    abstract void fill(DMatrixRMaj targets, Rng rng);

    /** The name used on the command line. */
    @Override
    public String toString() {
        return label;
    }

    /** Reads the names used on the command line. */
    static final class Converter implements CommandLine.ITypeConverter<TargetKind> {

        /** A converter for picocli. */
        Converter() {}

        @Override
        public TargetKind convert(String value) {
            for (TargetKind kind : values()) {
                if (kind.label.equals(value.strip().toLowerCase(Locale.ROOT))) {
                    return kind;
                }
            }
            throw new CommandLine.TypeConversionException(
                    "'" + value + "' is not a kind of target; use one of " + Arrays.toString(values()));
        }
    }
}
