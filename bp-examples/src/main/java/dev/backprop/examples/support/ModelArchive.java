package dev.backprop.examples.support;

import dev.backprop.core.io.ModelDocument;
import dev.backprop.core.io.ModelFile;
import dev.backprop.core.network.Network;
import dev.backprop.core.registry.Registries;
import dev.backprop.core.spi.ComponentSpec;
import dev.backprop.core.spi.Echo;
import dev.backprop.core.spi.Numbers;
import dev.backprop.data.scaling.FeatureScaler;
import dev.backprop.data.scaling.FeatureScalers;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.NoSuchFileException;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import org.ejml.data.DMatrixRMaj;

/**
 * Saves a trained network with what {@code bp predict} needs, in a bp model file ({@link ModelFile}), and reads it
 * back. Besides the network and its loss the file holds, as metadata, the command ({@code bp.command}), the task
 * ({@code bp.task}), the class names ({@code bp.classes} = k and {@code bp.class.0} … {@code bp.class.<k−1>}) and
 * the names of the input and target scalers ({@code bp.input-scaler}, {@code bp.target-scaler}); as extra arrays,
 * each scaler's state, one 1 × columns row per state entry ({@code input-scaler/mean}, {@code input-scaler/scale},
 * ...).
 *
 * <p>A model file saved by other code, without this metadata, is read too: a softmax output is taken as a
 * classifier of classes "0" … "k−1", a single sigmoid output as a binary classifier, anything else as regression.
 */
public final class ModelArchive {

    static final String COMMAND = "bp.command";
    static final String TASK = "bp.task";
    static final String CLASSES = "bp.classes";
    static final String CLASS_PREFIX = "bp.class.";
    static final String INPUT_SCALER = "bp.input-scaler";
    static final String TARGET_SCALER = "bp.target-scaler";
    static final String INPUT_ARRAYS = "input-scaler/";
    static final String TARGET_ARRAYS = "target-scaler/";

    private ModelArchive() {}

    /**
     * Saves, replacing a regular file at the path atomically and nothing else (a directory, symbolic link or device
     * is refused). The folder must exist: the program creates it only when asked ({@code --create-dirs}).
     *
     * @param loss the loss the network was trained with, by name and parameters
     * @throws UncheckedIOException     naming the file when it cannot be written
     * @throws IllegalArgumentException when a class name cannot be stored (it contains a line break)
     */
    public static void save(Path file, Network network, String loss, ModelInfo info) {
        ModelDocument doc = ModelDocument.of(network)
                .withLoss(ComponentSpec.parse(loss))
                .withMetadata(COMMAND, info.command())
                .withMetadata(TASK, info.task().name().toLowerCase(Locale.ROOT));
        if (!info.classNames().isEmpty()) {
            doc = doc.withMetadata(CLASSES, Integer.toString(info.classNames().size()));
            for (int i = 0; i < info.classNames().size(); i++) {
                doc = doc.withMetadata(CLASS_PREFIX + i, info.classNames().get(i));
            }
        }
        if (info.featureScaler().isPresent()) {
            doc = withScaler(
                    doc, INPUT_SCALER, INPUT_ARRAYS, info.featureScaler().get());
        }
        if (info.targetScaler().isPresent()) {
            doc = withScaler(
                    doc, TARGET_SCALER, TARGET_ARRAYS, info.targetScaler().get());
        }
        try {
            ModelFile.save(file, doc);
        } catch (IOException e) {
            throw new UncheckedIOException("cannot save the model to " + file + ": " + e.getMessage(), e);
        }
    }

    private static ModelDocument withScaler(ModelDocument doc, String nameKey, String prefix, FeatureScaler scaler) {
        ModelDocument d = doc.withMetadata(nameKey, scaler.name());
        for (Map.Entry<String, double[]> e : scaler.state().entrySet()) {
            double[] values = e.getValue();
            d = d.withArray(prefix + e.getKey(), new DMatrixRMaj(1, values.length, true, values));
        }
        return d;
    }

    /**
     * Loads a model.
     *
     * @throws UncheckedIOException     when the file is missing or cannot be read, with a one-line message
     * @throws IllegalArgumentException when the file is not a valid model file, is corrupted, needs a plug-in that
     *                                  is not installed, or its metadata do not fit its network; the message is one
     *                                  line naming the file and the problem
     */
    public static SavedModel load(Path file, Registries registries) {
        ModelDocument doc;
        try {
            doc = ModelFile.load(file, registries);
        } catch (NoSuchFileException e) {
            throw new UncheckedIOException("model file " + file + " does not exist", e);
        } catch (IOException e) {
            throw new UncheckedIOException(oneLine(e.getMessage()), e);
        } catch (RuntimeException e) {
            throw new IllegalArgumentException("cannot read model file " + file + ": " + oneLine(String.valueOf(e)), e);
        }
        try {
            return new SavedModel(doc.network(), doc.loss(), info(doc));
        } catch (IllegalArgumentException e) {
            throw new IllegalArgumentException("model file " + file + ": " + oneLine(e.getMessage()), e);
        }
    }

    private static ModelInfo info(ModelDocument doc) {
        Map<String, String> meta = doc.metadata();
        Network network = doc.network();
        String command = meta.getOrDefault(COMMAND, "unknown");
        ModelInfo.Task task = task(meta.get(TASK), network);
        List<String> classes = classNames(meta, task, network);
        return new ModelInfo(
                command,
                task,
                classes,
                scaler(doc, meta.get(INPUT_SCALER), INPUT_ARRAYS),
                scaler(doc, meta.get(TARGET_SCALER), TARGET_ARRAYS));
    }

    private static ModelInfo.Task task(String text, Network network) {
        if (text == null) {
            String out = network.outputActivation().name();
            if (out.equals("softmax")) {
                return ModelInfo.Task.CLASSIFICATION;
            }
            return out.equals("sigmoid") && network.outputSize() == 1
                    ? ModelInfo.Task.BINARY
                    : ModelInfo.Task.REGRESSION;
        }
        try {
            return ModelInfo.Task.valueOf(text.strip().toUpperCase(Locale.ROOT));
        } catch (IllegalArgumentException e) {
            throw new IllegalArgumentException(
                    "metadata " + TASK + " is " + Echo.quote(text) + ", not one of "
                            + Arrays.toString(ModelInfo.Task.values()).toLowerCase(Locale.ROOT),
                    e);
        }
    }

    private static List<String> classNames(Map<String, String> meta, ModelInfo.Task task, Network network) {
        if (task == ModelInfo.Task.REGRESSION) {
            return List.of();
        }
        String countText = meta.get(CLASSES);
        int count;
        if (countText == null) {
            count = task == ModelInfo.Task.BINARY ? 2 : network.outputSize();
        } else {
            try {
                count = Numbers.parseInt(countText, "metadata " + CLASSES);
            } catch (IllegalArgumentException e) {
                throw new IllegalArgumentException(
                        "metadata " + CLASSES + " is " + Echo.quote(countText) + ", not a number of classes", e);
            }
            if (count < 2 || count > 1_000_000) {
                throw new IllegalArgumentException(
                        "metadata " + CLASSES + " is " + count + "; a classifier has from 2 to 1,000,000 classes");
            }
        }
        List<String> names = new ArrayList<>(count);
        for (int i = 0; i < count; i++) {
            String name = meta.get(CLASS_PREFIX + i);
            if (name == null && countText != null) {
                throw new IllegalArgumentException(
                        "metadata " + CLASSES + " is " + count + " but " + CLASS_PREFIX + i + " is missing");
            }
            names.add(name == null ? Integer.toString(i) : name);
        }
        return names;
    }

    private static Optional<FeatureScaler> scaler(ModelDocument doc, String name, String prefix) {
        if (name == null) {
            return Optional.empty();
        }
        Map<String, double[]> state = new LinkedHashMap<>();
        doc.arrays().forEach((key, m) -> {
            if (key.startsWith(prefix)) {
                for (int i = 0; i < m.getNumElements(); i++) {
                    if (!Double.isFinite(m.data[i])) {
                        throw new IllegalArgumentException("entry " + key + " holds " + m.data[i] + " at index " + i
                                + "; a scaler's figures must be finite numbers");
                    }
                }
                state.put(key.substring(prefix.length()), Arrays.copyOf(m.data, m.getNumElements()));
            }
        });
        return Optional.of(FeatureScalers.fromState(name, state));
    }

    private static String oneLine(String message) {
        return message == null ? "" : message.replaceAll("\\s*[\\r\\n]+\\s*", " ");
    }
}
