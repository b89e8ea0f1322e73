package dev.backprop.datasets;

import dev.backprop.data.LabeledDataset;
import dev.backprop.data.TabularDataset;
import dev.backprop.data.csv.CsvData;
import dev.backprop.data.csv.CsvLoader;
import dev.backprop.data.idx.MnistLoader;
import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.util.List;
import org.ejml.data.DMatrixRMaj;

/**
 * The data sets embedded in this module, read from its resources; each call loads afresh and returns a new data
 * set. Every result is a {@link LabeledDataset}: its {@code data()} has one class index per sample (n × 1),
 * {@code oneHot()} gives n × k one-hot targets, {@code classNames()} the names.
 *
 * <p>Origins and licences are in the resource {@code ATTRIBUTION.md} ({@link #attribution()}); keep them with any
 * copy of the data.
 */
public final class EmbeddedDatasets {

    /** The class names of the two digit data sets. */
    private static final List<String> DIGITS = MnistLoader.CLASS_NAMES;

    private static final int DIGITS_FEATURES = 64;
    private static final double DIGITS_MAX = 16.0;

    private EmbeddedDatasets() {}

    /**
     * The 8,000 MNIST training digits: 784 features per image (pixel (r, c) of 28 × 28 is feature 28·r + c),
     * scaled from bytes to [0, 1] by {@code p / 255}; classes "0" … "9".
     */
    public static LabeledDataset mnistTrain() {
        return mnist("train-images-idx3-ubyte.gz", "train-labels-idx1-ubyte.gz");
    }

    /** The 2,000 MNIST test digits, disjoint from {@link #mnistTrain()}, in the same form. */
    public static LabeledDataset mnistTest() {
        return mnist("t10k-images-idx3-ubyte.gz", "t10k-labels-idx1-ubyte.gz");
    }

    /**
     * Fisher's iris: 150 samples, 4 features in centimetres (sepal length, sepal width, petal length, petal
     * width), unscaled (fit a scaler on the training part); classes setosa, versicolor, virginica, 50 each, in
     * that order in the file.
     */
    public static LabeledDataset iris() {
        String name = "iris.csv";
        CsvData csv;
        try (InputStream in = open(name)) {
            csv = CsvLoader.builder().header(true).targetColumns(4).build().load(in, name);
        } catch (IOException e) {
            throw new UncheckedIOException("cannot read the resource " + name, e);
        }
        // header: rows, features, then the class names
        List<String> header = csv.header();
        TabularDataset data = csv.dataset();
        if (header.size() < 3
                || !header.get(0).equals(String.valueOf(data.size()))
                || !header.get(1).equals(String.valueOf(data.featureCount()))) {
            throw new IllegalStateException(name + " header " + header + " does not describe its " + data.size()
                    + " rows of " + data.featureCount() + " features");
        }
        return new LabeledDataset(data, header.subList(2, header.size()));
    }

    /**
     * The 8 × 8 handwritten digits: 1,797 samples, 64 features (pixel counts 0 … 16, row-major) scaled to [0, 1]
     * by {@code count / 16}; classes "0" … "9".
     */
    public static LabeledDataset digits() {
        String name = "digits.csv.gz";
        CsvData csv;
        try (InputStream in = open(name)) {
            csv = CsvLoader.builder().targetColumns(DIGITS_FEATURES).build().load(in, name);
        } catch (IOException e) {
            throw new UncheckedIOException("cannot read the resource " + name, e);
        }
        DMatrixRMaj counts = csv.dataset().features();
        DMatrixRMaj scaled = new DMatrixRMaj(counts.numRows, counts.numCols);
        int size = counts.numRows * counts.numCols;
        for (int i = 0; i < size; i++) {
            // x = count / 16
            scaled.data[i] = counts.data[i] / DIGITS_MAX;
        }
        return new LabeledDataset(csv.dataset().withFeatures(scaled), DIGITS);
    }

    /** The origins and licences of the embedded data sets (the resource {@code ATTRIBUTION.md}), as Markdown. */
    public static String attribution() {
        String name = "ATTRIBUTION.md";
        try (InputStream in = open(name)) {
            return new String(in.readAllBytes(), StandardCharsets.UTF_8);
        } catch (IOException e) {
            throw new UncheckedIOException("cannot read the resource " + name, e);
        }
    }

    private static LabeledDataset mnist(String images, String labels) {
        try (InputStream imageStream = open(images);
                InputStream labelStream = open(labels)) {
            return new MnistLoader().load(imageStream, images, labelStream, labels);
        } catch (IOException e) {
            throw new UncheckedIOException("cannot read the resources " + images + " and " + labels, e);
        }
    }

    /** A resource of this package; present in every build of the module. */
    private static InputStream open(String name) {
        InputStream in = EmbeddedDatasets.class.getResourceAsStream(name);
        if (in == null) {
            throw new IllegalStateException("resource " + name + " is missing from the bp-datasets jar (package "
                    + EmbeddedDatasets.class.getPackageName() + ")");
        }
        return in;
    }
}
