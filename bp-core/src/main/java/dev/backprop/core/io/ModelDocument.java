package dev.backprop.core.io;

import dev.backprop.core.network.LayerSpec;
import dev.backprop.core.network.Network;
import dev.backprop.core.spi.ComponentSpec;
import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;
import java.util.TreeMap;
import org.ejml.data.DMatrixRMaj;

/**
 * Everything a model file holds: a network (architecture and weights), the loss it was trained with, free
 * metadata and extra named arrays. A checkpoint stores the optimizer's state as extra arrays (for example
 * {@code optimizer/layer0.W/m}) and the training position as metadata (for example {@code epoch = 12}).
 *
 * <p>The maps keep their iteration order, which is the order of the file. They are unmodifiable copies, but the
 * network and the matrices are the caller's objects, not copies: the document is a view for saving, and
 * {@link ModelFile#load} gives a document whose network and matrices are new. Records compare networks and
 * matrices by identity, so compare their contents, not documents.
 *
 * <p>A value that may be absent is an {@link Optional} wherever the API hands it out, as {@link #loss()} here
 * and {@code Trainer.schedule()}; it is never null. (The record component is the accessor, so it is an
 * {@code Optional} too; the constructor refuses null for it.)
 *
 * <p>The constructor refuses what a model file cannot store, so every document can be saved (within the
 * manifest's size limit).
 *
 * @param network  the network; its layers' activations are stored by registered name and parameters
 * @param loss     the loss's registered name and parameters, if the file should record it
 * @param metadata free text, e.g. {@code epoch -> 12}; keys match {@code [A-Za-z0-9._/-]+}, values contain no
 *                 line break (CR or LF)
 * @param arrays   extra named arrays, e.g. optimizer moments, scaler statistics or the best weights so far;
 *                 keys match {@code [A-Za-z0-9._/-]+} with no empty, {@code .} or {@code ..} segment between
 *                 slashes and are not a parameter name such as {@code layer0.W}
 */
public record ModelDocument(
        Network network, Optional<ComponentSpec> loss, Map<String, String> metadata, Map<String, DMatrixRMaj> arrays) {

    /**
     * Checks that the file can store everything.
     *
     * @throws IllegalArgumentException naming the key or layer and the value that cannot be stored
     */
    public ModelDocument {
        Objects.requireNonNull(network, "network");
        Objects.requireNonNull(loss, "loss (use Optional.empty() for none)");
        Objects.requireNonNull(metadata, "metadata");
        Objects.requireNonNull(arrays, "arrays");
        List<LayerSpec> layers = network.spec().layers();
        for (int i = 0; i < layers.size(); i++) {
            requireStorable("layer " + i + " activation", layers.get(i).activation());
        }
        loss.ifPresent(spec -> requireStorable("loss", spec));
        // sorted, so that the same document gives the same bytes whatever map the caller passed
        Map<String, String> meta = new TreeMap<>();
        metadata.forEach((key, value) -> {
            Objects.requireNonNull(key, "metadata key");
            Objects.requireNonNull(value, () -> "metadata value of '" + key + "'");
            if (!Keys.KEY.matcher(key).matches()) {
                throw new IllegalArgumentException("Metadata key '" + key
                        + "' cannot be stored in a model file: keys may contain only letters, digits, '.', '_',"
                        + " '/' and '-'");
            }
            if (!Keys.isStorableValue(value)) {
                throw new IllegalArgumentException("Metadata '" + key + "' cannot be stored in a model file: its"
                        + " value contains a line break (" + escape(value) + "); store one line, or an array");
            }
            meta.put(key, value);
        });
        Map<String, DMatrixRMaj> extra = new TreeMap<>();
        arrays.forEach((key, matrix) -> {
            Objects.requireNonNull(key, "array key");
            Objects.requireNonNull(matrix, () -> "array '" + key + "'");
            String problem = Keys.arrayKeyProblem(key);
            if (problem != null) {
                throw new IllegalArgumentException(
                        "Array key '" + key + "' cannot be stored in a model file: it " + problem);
            }
            if (Keys.PARAMETER.matcher(key).matches()) {
                throw new IllegalArgumentException("Array key '" + key + "' is reserved for the network's"
                        + " parameters; store extra arrays under another key, e.g. 'best/" + key + "'");
            }
            extra.put(key, matrix);
        });
        metadata = Collections.unmodifiableMap(meta);
        arrays = Collections.unmodifiableMap(extra);
    }

    /**
     * A document holding only a network.
     *
     * @param network the network
     * @return a document without loss, metadata or extra arrays
     */
    public static ModelDocument of(Network network) {
        return new ModelDocument(network, Optional.empty(), Map.of(), Map.of());
    }

    /**
     * This document with the loss recorded.
     *
     * @param loss the loss's registered name and parameters
     * @return a new document
     */
    public ModelDocument withLoss(ComponentSpec loss) {
        return new ModelDocument(network, Optional.of(loss), metadata, arrays);
    }

    /**
     * This document with one metadata entry added or replaced.
     *
     * @param key   the key, of letters, digits, {@code . _ / -}
     * @param value the value, without line breaks
     * @return a new document
     * @throws IllegalArgumentException if the key or value cannot be stored
     */
    public ModelDocument withMetadata(String key, String value) {
        Map<String, String> copy = new LinkedHashMap<>(metadata);
        copy.put(key, value);
        return new ModelDocument(network, loss, copy, arrays);
    }

    /**
     * This document with one extra array added or replaced.
     *
     * @param key   the key, e.g. {@code optimizer/layer0.W/m}
     * @param array the array; kept by reference, not copied
     * @return a new document
     * @throws IllegalArgumentException if the key cannot be stored or is a parameter name
     */
    public ModelDocument withArray(String key, DMatrixRMaj array) {
        Map<String, DMatrixRMaj> copy = new LinkedHashMap<>(arrays);
        copy.put(key, array);
        return new ModelDocument(network, loss, metadata, copy);
    }

    /**
     * A component is stored as the text {@link ComponentSpec#toString()} on one manifest line, and read back with
     * {@link ComponentSpec#parse}; refuse what would not read back equal.
     */
    private static void requireStorable(String what, ComponentSpec spec) {
        String text = spec.toString();
        if (!Keys.isStorableValue(text)) {
            throw new IllegalArgumentException("The " + what + " '" + escape(text) + "' cannot be stored in a model"
                    + " file: it contains a line break");
        }
        ComponentSpec back;
        try {
            back = ComponentSpec.parse(text);
        } catch (IllegalArgumentException e) {
            back = null;
        }
        if (!spec.equals(back)) {
            throw new IllegalArgumentException("The " + what + " '" + text + "' cannot be stored in a model file:"
                    + " its text form does not read back to the same name and parameters (names and values"
                    + " must not contain '(', ')', ',' or '=' or surrounding spaces)");
        }
    }

    private static String escape(String value) {
        return value.replace("\r", "\\r").replace("\n", "\\n");
    }
}
