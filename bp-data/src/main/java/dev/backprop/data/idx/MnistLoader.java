package dev.backprop.data.idx;

import dev.backprop.data.LabeledDataset;
import java.io.InputStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import org.ejml.data.DMatrixRMaj;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * MNIST images and labels as a {@link LabeledDataset}: one row per image, its pixels in row-major order
 * (pixel (r, c) of a 28 × 28 image is feature 28·r + c) scaled from bytes to [0, 1] by {@code p / 255}, and its
 * digit 0 … 9 as the class index; the class names are "0" … "9".
 *
 * <p>The standard files are {@code train-images-idx3-ubyte}, {@code train-labels-idx1-ubyte},
 * {@code t10k-images-idx3-ubyte} and {@code t10k-labels-idx1-ubyte}, each optionally with {@code .gz}; a subset
 * or the full 60,000 + 10,000 set in these files loads the same way.
 */
public final class MnistLoader {

    private static final Logger LOG = LoggerFactory.getLogger(MnistLoader.class);

    /** The class names of the digits, "0" to "9". */
    public static final List<String> CLASS_NAMES = List.of("0", "1", "2", "3", "4", "5", "6", "7", "8", "9");

    private final IdxReader reader;

    /** A loader with a default {@link IdxReader}. */
    public MnistLoader() {
        this(new IdxReader());
    }

    /** A loader reading through {@code reader}, for instance one with a lower byte limit. */
    public MnistLoader(IdxReader reader) {
        this.reader = reader;
    }

    /**
     * The training set of a directory: {@code train-images-idx3-ubyte[.gz]} and {@code train-labels-idx1-ubyte[.gz]}.
     *
     * @throws IllegalArgumentException when a file is missing (naming the names tried) or invalid
     */
    public LabeledDataset loadTrain(Path directory) {
        return load(find(directory, "train-images-idx3-ubyte"), find(directory, "train-labels-idx1-ubyte"));
    }

    /**
     * The test set of a directory: {@code t10k-images-idx3-ubyte[.gz]} and {@code t10k-labels-idx1-ubyte[.gz]}.
     *
     * @throws IllegalArgumentException when a file is missing (naming the names tried) or invalid
     */
    public LabeledDataset loadTest(Path directory) {
        return load(find(directory, "t10k-images-idx3-ubyte"), find(directory, "t10k-labels-idx1-ubyte"));
    }

    /**
     * The training and the test set of a directory, as {@link #loadTrain} and {@link #loadTest}: all four files
     * are looked up before any is read, and the test images must have as many pixels as the training images.
     *
     * @throws IllegalArgumentException when the folder or a file is missing (naming the names tried), a file is
     *                                  invalid, or the two sets' images differ in size (naming both files and
     *                                  both shapes)
     */
    public MnistFolder loadFolder(Path directory) {
        Path trainImages = find(directory, "train-images-idx3-ubyte");
        Path trainLabels = find(directory, "train-labels-idx1-ubyte");
        Path testImages = find(directory, "t10k-images-idx3-ubyte");
        Path testLabels = find(directory, "t10k-labels-idx1-ubyte");
        IdxArray train = reader.readImages(trainImages);
        IdxArray test = reader.readImages(testImages);
        if (train.dimension(1) != test.dimension(1) || train.dimension(2) != test.dimension(2)) {
            throw new IllegalArgumentException(testImages + " has images of " + test.dimension(1) + " × "
                    + test.dimension(2) + " pixels but " + trainImages + " has images of " + train.dimension(1)
                    + " × " + train.dimension(2) + "; a network trained on one cannot be tested on the other");
        }
        return new MnistFolder(
                combine(
                        train,
                        trainImages.getFileName().toString(),
                        reader.readLabels(trainLabels),
                        trainLabels.getFileName().toString()),
                combine(
                        test,
                        testImages.getFileName().toString(),
                        reader.readLabels(testLabels),
                        testLabels.getFileName().toString()));
    }

    /**
     * An image file and its label file, raw or gzip-compressed.
     *
     * @throws java.io.UncheckedIOException when a file cannot be read
     * @throws IllegalArgumentException     naming the file and the values when a file is invalid, the counts
     *                                      differ or a label is not a digit
     */
    public LabeledDataset load(Path images, Path labels) {
        return combine(
                reader.readImages(images),
                images.getFileName().toString(),
                reader.readLabels(labels),
                labels.getFileName().toString());
    }

    /**
     * An image stream and its label stream, raw or gzip-compressed; neither is closed.
     *
     * @param imagesName the name of the image source in error messages
     * @param labelsName the name of the label source in error messages
     * @throws java.io.UncheckedIOException when reading fails
     * @throws IllegalArgumentException     as {@link #load(Path, Path)}
     */
    public LabeledDataset load(InputStream images, String imagesName, InputStream labels, String labelsName) {
        return combine(reader.read(images, imagesName, 3), imagesName, reader.read(labels, labelsName, 1), labelsName);
    }

    private static LabeledDataset combine(IdxArray images, String imagesName, IdxArray labels, String labelsName) {
        int n = images.dimension(0);
        if (labels.dimension(0) != n) {
            throw new IllegalArgumentException(imagesName + " has " + n + " images but " + labelsName + " has "
                    + labels.dimension(0) + " labels; they must be a matching pair");
        }
        if (n == 0) {
            throw new IllegalArgumentException(imagesName + " holds no images");
        }
        int pixels = images.dimension(1) * images.dimension(2);
        if (pixels == 0) {
            throw new IllegalArgumentException(
                    imagesName + " has images of " + images.dimension(1) + " × " + images.dimension(2) + " pixels");
        }
        byte[] bytes = images.bytes();
        DMatrixRMaj features = new DMatrixRMaj(n, pixels);
        for (int i = 0; i < bytes.length; i++) {
            // x = p / 255, p the unsigned pixel byte
            features.data[i] = (bytes[i] & 0xFF) / 255.0;
        }
        int[] digits = new int[n];
        for (int i = 0; i < n; i++) {
            int label = labels.unsigned(i);
            if (label > 9) {
                throw new IllegalArgumentException(
                        labelsName + " label " + i + " is " + label + "; MNIST labels are digits 0 to 9");
            }
            digits[i] = label;
        }
        LOG.debug(
                "Read {} MNIST images of {} × {} from {} and {}",
                n,
                images.dimension(1),
                images.dimension(2),
                imagesName,
                labelsName);
        return LabeledDataset.of(features, digits, CLASS_NAMES);
    }

    private static Path find(Path directory, String baseName) {
        if (!Files.exists(directory)) {
            throw new IllegalArgumentException("the MNIST folder " + directory + " does not exist");
        }
        if (!Files.isDirectory(directory)) {
            throw new IllegalArgumentException(directory + " is not a folder; give the folder that holds the MNIST"
                    + " files (" + baseName + "[.gz], ...)");
        }
        Path gz = directory.resolve(baseName + ".gz");
        if (Files.isRegularFile(gz)) {
            return gz;
        }
        Path raw = directory.resolve(baseName);
        if (Files.isRegularFile(raw)) {
            return raw;
        }
        throw new IllegalArgumentException(
                "neither " + gz.getFileName() + " nor " + raw.getFileName() + " is in " + directory);
    }
}
