package dev.backprop.examples.cli;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.within;

import dev.backprop.core.io.ModelDocument;
import dev.backprop.core.io.ModelFile;
import dev.backprop.core.registry.Registries;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Arrays;
import java.util.List;
import org.ejml.data.DMatrixRMaj;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class PredictCommandTest {

    /** Three flowers of Fisher's table, one per species, in centimetres. */
    private static final double[][] FLOWERS = {{5.1, 3.5, 1.4, 0.2}, {6.4, 3.2, 4.5, 1.5}, {6.3, 3.3, 6.0, 2.5}};

    private static Path input(Path dir) throws IOException {
        Path csv = dir.resolve("flowers.csv");
        StringBuilder sb = new StringBuilder("sepal length,sepal width,petal length,petal width\n");
        for (double[] f : FLOWERS) {
            sb.append(f[0])
                    .append(',')
                    .append(f[1])
                    .append(',')
                    .append(f[2])
                    .append(',')
                    .append(f[3])
                    .append('\n');
        }
        Files.writeString(csv, sb);
        return csv;
    }

    @Test
    void savedIrisModel_predictsWhatItsWeightsComputeByHand(@TempDir Path dir) throws IOException {
        Path model = dir.resolve("models/iris.bp");
        CommandRun train = CommandRun.of("iris", "--epochs", "40", "--save", model.toString(), "--create-dirs");
        assertThat(train.exitCode()).as(train.toString()).isZero();
        assertThat(train.out()).contains("model saved to " + model);

        CommandRun run = CommandRun.of(
                "predict", "--model", model.toString(), "--input", input(dir).toString(), "--json");
        assertThat(run.exitCode()).as(run.toString()).isZero();
        List<String> lines = run.lines();
        assertThat(lines.get(0)).isEqualTo("line,class,p_setosa,p_versicolor,p_virginica");

        // by hand from the file's arrays: x' = (x − mean) / scale, h = tanh(x' W0 + b0), p = softmax(h W1 + b1)
        ModelDocument doc = ModelFile.load(model, Registries.discover());
        DMatrixRMaj mean = doc.arrays().get("input-scaler/mean");
        DMatrixRMaj scale = doc.arrays().get("input-scaler/scale");
        DMatrixRMaj w0 = doc.network().layer(0).weights();
        DMatrixRMaj b0 = doc.network().layer(0).bias();
        DMatrixRMaj w1 = doc.network().layer(1).weights();
        DMatrixRMaj b1 = doc.network().layer(1).bias();
        List<String> species = List.of("setosa", "versicolor", "virginica");
        for (int r = 0; r < FLOWERS.length; r++) {
            double[] x = new double[4];
            for (int j = 0; j < 4; j++) {
                x[j] = (FLOWERS[r][j] - mean.get(0, j)) / scale.get(0, j);
            }
            double[] h = new double[w0.numCols];
            for (int k = 0; k < h.length; k++) {
                double z = b0.get(0, k);
                for (int j = 0; j < 4; j++) {
                    z += x[j] * w0.get(j, k);
                }
                h[k] = Math.tanh(z);
            }
            double[] p = new double[3];
            double sum = 0;
            for (int c = 0; c < 3; c++) {
                double z = b1.get(0, c);
                for (int k = 0; k < h.length; k++) {
                    z += h[k] * w1.get(k, c);
                }
                p[c] = Math.exp(z);
                sum += p[c];
            }
            int best = 0;
            for (int c = 0; c < 3; c++) {
                p[c] /= sum;
                best = p[c] > p[best] ? c : best;
            }
            String[] cells = lines.get(1 + r).split(",", 0);
            // the file's line: the header is line 1, so flower r is on line r + 2
            assertThat(cells[0]).isEqualTo(Integer.toString(r + 2));
            assertThat(cells[1]).isEqualTo(species.get(best));
            for (int c = 0; c < 3; c++) {
                // printed with 6 decimals
                assertThat(Double.parseDouble(cells[2 + c])).isCloseTo(p[c], within(5e-7));
            }
        }
        // the three flowers are the species of their rows in Fisher's table
        assertThat(lines.subList(1, 4))
                .extracting(l -> l.split(",", 0)[1])
                .containsExactly("setosa", "versicolor", "virginica");
        assertThat(run.json())
                .containsEntry("model_command", "iris")
                .containsEntry("rows", 3.0)
                .containsEntry("task", "classification");
    }

    @Test
    void corruptedModel_failsWithOneLineAndExitThree(@TempDir Path dir) throws IOException {
        Path model = dir.resolve("iris.bp");
        assertThat(CommandRun.of("iris", "--epochs", "1", "--save", model.toString())
                        .exitCode())
                .isZero();
        byte[] bytes = Files.readAllBytes(model);
        Path truncated = dir.resolve("truncated.bp");
        Files.write(truncated, Arrays.copyOf(bytes, bytes.length / 2));
        Path flipped = dir.resolve("flipped.bp");
        byte[] changed = bytes.clone();
        changed[bytes.length / 3] ^= 0x5A;
        Files.write(flipped, changed);
        Path text = dir.resolve("text.bp");
        Files.writeString(text, "not a model\n");
        for (Path bad : List.of(truncated, flipped, text)) {
            CommandRun run = CommandRun.of(
                    "predict", "--model", bad.toString(), "--input", input(dir).toString());
            assertThat(run.exitCode()).as(run.toString()).isEqualTo(BpCommand.BAD_INPUT);
            assertThat(run.err())
                    .startsWith("bp predict: ")
                    .doesNotContain("\tat ")
                    .doesNotContain("Exception");
            assertThat(run.err().strip()).doesNotContain("\n");
            assertThat(run.out()).isEmpty();
        }
    }

    @Test
    void missingModelOrWrongColumns_failWithOneLine(@TempDir Path dir) throws IOException {
        CommandRun missing = CommandRun.of(
                "predict",
                "--model",
                dir.resolve("none.bp").toString(),
                "--input",
                input(dir).toString());
        assertThat(missing.exitCode()).isEqualTo(BpCommand.BAD_INPUT);
        assertThat(missing.err().strip())
                .isEqualTo("bp predict: model file " + dir.resolve("none.bp") + " does not exist");

        Path model = dir.resolve("iris.bp");
        assertThat(CommandRun.of("iris", "--epochs", "1", "--save", model.toString())
                        .exitCode())
                .isZero();
        Path three = dir.resolve("three.csv");
        Files.writeString(three, "5.1,3.5,1.4\n");
        CommandRun wrong = CommandRun.of("predict", "--model", model.toString(), "--input", three.toString());
        assertThat(wrong.exitCode()).isEqualTo(BpCommand.BAD_INPUT);
        assertThat(wrong.err().strip())
                .isEqualTo("bp predict: " + three + " line 1 has 3 values but the model takes 4 inputs");
    }

    @Test
    void regressionModel_predictsInCentimetres(@TempDir Path dir) throws IOException {
        Path model = dir.resolve("r.bp");
        assertThat(CommandRun.of("regression", "--save", model.toString()).exitCode())
                .isZero();
        Path csv = dir.resolve("in.csv");
        // the first flower of each species in Fisher's table, without the petal width (0.2, 1.4, 2.5 cm there)
        Files.writeString(csv, "5.1,3.5,1.4\n7.0,3.2,4.7\n6.3,3.3,6.0\n");
        CommandRun run = CommandRun.of("predict", "--model", model.toString(), "--input", csv.toString());
        assertThat(run.exitCode()).as(run.toString()).isZero();
        assertThat(run.lines().get(0)).isEqualTo("line,value");
        double[] expected = {0.2, 1.4, 2.5};
        for (int r = 0; r < 3; r++) {
            double value = Double.parseDouble(run.lines().get(1 + r).split(",", 0)[1]);
            // a fit with R^2 about 0.93 has residuals of about 0.2 cm; allow 0.5 cm
            assertThat(value).isCloseTo(expected[r], within(0.5));
        }
    }

    @Test
    void logisticModel_printsTheProbabilityOfVirginica(@TempDir Path dir) throws IOException {
        Path model = dir.resolve("l.bp");
        assertThat(CommandRun.of("logistic", "--save", model.toString()).exitCode())
                .isZero();
        Path csv = dir.resolve("in.csv");
        // the first versicolor and the first virginica of Fisher's table
        Files.writeString(csv, "7.0,3.2,4.7,1.4\n6.3,3.3,6.0,2.5\n");
        CommandRun run = CommandRun.of("predict", "--model", model.toString(), "--input", csv.toString());
        assertThat(run.exitCode()).as(run.toString()).isZero();
        assertThat(run.lines().get(0)).isEqualTo("line,class,p_virginica");
        assertThat(run.lines().get(1)).startsWith("1,versicolor,");
        assertThat(run.lines().get(2)).startsWith("2,virginica,");
    }

    /** An iris model trained for one epoch, saved in the folder. */
    private static Path irisModel(Path dir) {
        Path model = dir.resolve("iris.bp");
        CommandRun train = CommandRun.of("iris", "--epochs", "1", "--save", model.toString());
        assertThat(train.exitCode()).as(train.toString()).isZero();
        return model;
    }

    private static CommandRun predict(Path model, Path csv, String... more) {
        String[] args = new String[4 + more.length];
        args[0] = "predict";
        args[1] = "--model";
        args[2] = model.toString();
        args[3] = "--input=" + csv;
        System.arraycopy(more, 0, args, 4, more.length);
        return CommandRun.of(args);
    }

    @Test
    void typoInTheFirstRow_isRefusedNamingTheLine_notDroppedAsAHeader(@TempDir Path dir) throws IOException {
        Path model = irisModel(dir);
        Path csv = Files.writeString(dir.resolve("typo.csv"), "5.1,3.5,abc,0.2\n6.4,3.2,4.5,1.5\n");

        CommandRun run = predict(model, csv);

        assertThat(run.exitCode()).as(run.toString()).isEqualTo(BpCommand.BAD_INPUT);
        assertThat(run.err().strip())
                .startsWith("bp predict: " + csv + " line 1 is neither a header (no cell a number) nor a data row")
                .contains("column 3 is not a number, 'abc'");
        CommandRun asData = predict(model, csv, "--header", "no");
        assertThat(asData.err().strip()).isEqualTo("bp predict: " + csv + " line 1, column 3: 'abc' is not a number");
    }

    @Test
    void byteOrderMarkAndQuotes_keepEveryRow_andLinesMatchTheFile(@TempDir Path dir) throws IOException {
        Path model = irisModel(dir);
        Path csv = Files.writeString(
                dir.resolve("bom.csv"),
                "\uFEFF5.1,3.5,1.4,0.2\r\n\r\n\"6.4\",\"3.2\",\"4.5\",\"1.5\"\r\n6.3,3.3,6.0,2.5\r\n");

        CommandRun run = predict(model, csv);

        assertThat(run.exitCode()).as(run.toString()).isZero();
        // lines 1, 3 and 4 hold the rows (line 2 is blank)
        assertThat(run.lines().subList(1, 4))
                .extracting(l -> l.split(",", 0)[0])
                .containsExactly("1", "3", "4");
    }

    @Test
    void labelColumn_isSkippedByName_orByPosition(@TempDir Path dir) throws IOException {
        Path model = irisModel(dir);
        Path csv = Files.writeString(dir.resolve("labelled.csv"), """
                sepal length,sepal width,petal length,petal width,species
                5.1,3.5,1.4,0.2,setosa
                6.3,3.3,6.0,2.5,virginica
                """);

        CommandRun refused = predict(model, csv);
        assertThat(refused.exitCode()).isEqualTo(BpCommand.BAD_INPUT);
        assertThat(refused.err()).contains("line 2 has 5 values but the model takes 4 inputs; leave out");

        CommandRun byName = predict(model, csv, "--skip", "species");
        CommandRun byPosition = predict(model, csv, "--skip", "5");
        assertThat(byName.exitCode()).as(byName.toString()).isZero();
        // the header is line 1, the rows lines 2 and 3
        assertThat(byName.lines().subList(1, 3))
                .extracting(l -> l.split(",", 0)[0])
                .containsExactly("2", "3");
        assertThat(byPosition.out()).isEqualTo(byName.out());
        CommandRun selected = predict(model, csv, "--select", "1,2,3,4", "--header", "yes");
        assertThat(selected.out()).isEqualTo(byName.out());
    }

    @Test
    void headerWiderThanTheData_isAnError(@TempDir Path dir) throws IOException {
        Path model = irisModel(dir);
        Path csv = Files.writeString(dir.resolve("wide.csv"), "a,b,c,d,e\n5.1,3.5,1.4,0.2\n");

        CommandRun run = predict(model, csv);

        assertThat(run.exitCode()).isEqualTo(BpCommand.BAD_INPUT);
        assertThat(run.err().strip())
                .isEqualTo("bp predict: " + csv + " line 2 has 4 columns, expected 5 as in the header (line 1)");
    }

    @Test
    void latin1Input_namesFileLineAndTheEncodingExpected(@TempDir Path dir) throws IOException {
        Path model = irisModel(dir);
        Path csv = dir.resolve("latin1.csv");
        Files.write(
                csv, "a,b,c,d\n5.1,3.5,1.4,0.2\n\u00e9,1,1,1\n".getBytes(java.nio.charset.StandardCharsets.ISO_8859_1));

        CommandRun run = predict(model, csv);

        assertThat(run.exitCode()).isEqualTo(BpCommand.BAD_INPUT);
        assertThat(run.err())
                .startsWith("bp predict: " + csv + " line 3: bytes 0xE9")
                .contains("not valid UTF-8");
    }

    @Test
    void badHeaderMode_isABadOption(@TempDir Path dir) throws IOException {
        CommandRun run = CommandRun.of(
                "predict",
                "--model",
                dir.resolve("m.bp").toString(),
                "--input",
                input(dir).toString(),
                "--header",
                "maybe");

        assertThat(run.exitCode()).isEqualTo(2);
        assertThat(run.err()).startsWith("bp predict: --header takes auto, yes or no, got 'maybe'");
    }
}
