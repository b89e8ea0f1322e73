package dev.backprop.examples.cli;

import dev.backprop.core.eval.Classes;
import dev.backprop.core.spi.Echo;
import dev.backprop.data.csv.HeaderMode;
import dev.backprop.examples.support.InputRows;
import dev.backprop.examples.support.JsonLine;
import dev.backprop.examples.support.ModelArchive;
import dev.backprop.examples.support.ModelInfo;
import dev.backprop.examples.support.SavedModel;
import java.io.PrintWriter;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import org.ejml.data.DMatrixRMaj;
import picocli.CommandLine;
import picocli.CommandLine.Command;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Option;
import picocli.CommandLine.Spec;

/**
 * Loads a model saved by a training command's {@code --save} and prints one prediction per row of a CSV file, as
 * CSV: for a classifier the class and the probability of every class, for a regression the value in the target's
 * units. Rows are scaled with the scaler saved with the model, so they are given in the original units.
 */
@Command(
        name = "predict",
        mixinStandardHelpOptions = true,
        description = {
            "Predictions of a saved model for the rows of a CSV file.",
            "Loads a model saved with --save by any training command and prints one prediction per input"
                    + " row, as CSV: the class and the class probabilities, or the predicted values.",
            "Input rows are raw measurements (the model's saved scaler is applied). The CSV is read as RFC 4180"
                    + " (quotes, BOM, CRLF); --header says whether its first row names the columns, and --skip or"
                    + " --select choose columns (e.g. skip a label column). The 'line' column of the output is the"
                    + " input row's line in the file."
        })
public final class PredictCommand implements Runnable {

    @Spec
    private CommandSpec spec;

    @Option(names = "--model", paramLabel = "FILE", required = true, description = "A model file written by --save.")
    private Path model;

    @Option(
            names = "--input",
            paramLabel = "CSV",
            required = true,
            description = "Rows to predict, one per line," + " values separated by commas.")
    private Path input;

    @Option(
            names = "--header",
            paramLabel = "auto|yes|no",
            defaultValue = "auto",
            description = "Whether the first row is a header; auto decides and refuses a first row that is"
                    + " neither (default: ${DEFAULT-VALUE}).")
    private String header;

    @Option(
            names = "--skip",
            paramLabel = "COLUMNS",
            split = ",",
            description = "Columns to leave out, by header name or position from 1, e.g. species or 5.")
    private List<String> skip = new ArrayList<>();

    @Option(
            names = "--select",
            paramLabel = "COLUMNS",
            split = ",",
            description = "The columns to read, in the model's input order, by header name or position from 1.")
    private List<String> select = new ArrayList<>();

    @Option(names = "--json", description = "Print a summary as one JSON object on the last line.")
    private boolean json;

    /** A command for picocli. */
    public PredictCommand() {}

    @Override
    public void run() {
        long started = System.nanoTime();
        PrintWriter out = spec.commandLine().getOut();
        HeaderMode headerMode = headerMode();
        if (!skip.isEmpty() && !select.isEmpty()) {
            throw new CommandLine.ParameterException(
                    spec.commandLine(), "give --skip " + skip + " or --select " + select + ", not both");
        }
        SavedModel saved = ModelArchive.load(model, BpCommand.registries(spec));
        ModelInfo info = saved.info();
        InputRows rows = InputRows.read(input, saved.network().inputSize(), headerMode, select, skip);
        DMatrixRMaj x = rows.values();
        long[] lines = rows.lines();
        DMatrixRMaj scaled = info.featureScaler().map(s -> s.transform(x)).orElse(x);
        DMatrixRMaj y = saved.network().forward(scaled).copy();
        for (int i = 0; i < y.getNumElements(); i++) {
            if (!Double.isFinite(y.data[i])) {
                throw new IllegalArgumentException("the model gives " + y.data[i] + " for the row on line "
                        + lines[i / y.numCols] + " of " + input + "; no prediction is printed from a non-finite"
                        + " output");
            }
        }
        List<String> names = info.classNames();
        switch (info.task()) {
            case CLASSIFICATION -> {
                StringBuilder header = new StringBuilder("line,class");
                names.forEach(n -> header.append(",p_").append(n));
                out.println(header);
                for (int r = 0; r < y.numRows; r++) {
                    StringBuilder line =
                            new StringBuilder().append(lines[r]).append(',').append(names.get(Classes.argmax(y, r)));
                    for (int c = 0; c < y.numCols; c++) {
                        line.append(',').append(format(y.get(r, c)));
                    }
                    out.println(line);
                }
            }
            case BINARY -> {
                out.println("line,class,p_" + names.get(1));
                for (int r = 0; r < y.numRows; r++) {
                    double p = y.get(r, 0);
                    out.println(lines[r] + "," + names.get(p >= 0.5 ? 1 : 0) + "," + format(p));
                }
            }
            case REGRESSION -> {
                DMatrixRMaj values = info.targetScaler()
                        .map(s -> {
                            DMatrixRMaj v = new DMatrixRMaj(y.numRows, y.numCols);
                            s.inverseTransform(y, v);
                            return v;
                        })
                        .orElse(y);
                StringBuilder header = new StringBuilder("line");
                for (int c = 0; c < values.numCols; c++) {
                    header.append(values.numCols == 1 ? ",value" : ",value_" + (c + 1));
                }
                out.println(header);
                for (int r = 0; r < values.numRows; r++) {
                    StringBuilder line = new StringBuilder().append(lines[r]);
                    for (int c = 0; c < values.numCols; c++) {
                        line.append(',').append(format(values.get(r, c)));
                    }
                    out.println(line);
                }
            }
            default -> throw new IllegalStateException("unhandled task " + info.task());
        }
        if (json) {
            out.println(new JsonLine()
                    .put("command", "predict")
                    .put("model_command", info.command())
                    .put("task", info.task().name().toLowerCase(Locale.ROOT))
                    .put("rows", (long) y.numRows)
                    .put("seconds", (System.nanoTime() - started) / 1e9));
        }
        out.flush();
    }

    private HeaderMode headerMode() {
        for (HeaderMode mode : HeaderMode.values()) {
            if (mode.name().equalsIgnoreCase(header.strip())) {
                return mode;
            }
        }
        throw new CommandLine.ParameterException(
                spec.commandLine(), "--header takes auto, yes or no, got " + Echo.quote(header));
    }

    private static String format(double v) {
        return String.format(Locale.ROOT, "%.6f", v);
    }
}
