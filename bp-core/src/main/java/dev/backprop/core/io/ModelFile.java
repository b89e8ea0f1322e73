package dev.backprop.core.io;

import dev.backprop.core.registry.Registries;
import java.io.IOException;
import java.io.OutputStream;
import java.nio.file.Path;
import java.util.Objects;
import java.util.function.UnaryOperator;

/**
 * Saves and loads bp model files: a network's architecture and weights, its loss, metadata and extra arrays
 * such as optimizer state, in the format described in the {@linkplain dev.backprop.core.io package
 * documentation} — a ZIP archive that numpy opens as an {@code .npz}.
 *
 * <pre>{@code
 * ModelFile.save(Path.of("model.bp"), ModelDocument.of(network).withMetadata("epoch", "12"));
 * Network again = ModelFile.load(Path.of("model.bp"), Registries.discover()).network();
 * }</pre>
 *
 * <p>Saving is atomic: the file is written under a temporary name in the same folder, forced to the device and
 * renamed over the target, so a crash or a killed process leaves the previous file intact. Loading checks
 * everything before trusting it — the limits below, every array's shape against its entry's size and the
 * architecture before allocating, every checksum — and refuses a bad file with a {@link ModelFileException}
 * naming the file, the entry or manifest line and the values involved.
 */
public final class ModelFile {

    /** The value of {@code format} in the manifest. */
    public static final String FORMAT = "bp-model";
    /** The format version this class writes and reads. */
    public static final int FORMAT_VERSION = 1;
    /** The largest manifest read or written: 1 MiB. */
    public static final int MAX_MANIFEST_BYTES = 1 << 20;
    /** The largest NPY header read: 64 KiB (numpy writes about 128 bytes). */
    public static final int MAX_NPY_HEADER_BYTES = 1 << 16;
    /** The most entries (manifest and arrays) an archive may have. */
    public static final int MAX_ENTRIES = 10_000;

    static final String KEY_FORMAT = "format";
    static final String KEY_FORMAT_VERSION = "format-version";
    static final String KEY_INPUT = "input";
    static final String KEY_LAYERS = "layers";
    static final String KEY_LOSS = "loss";
    static final String META_PREFIX = "meta.";
    static final String SHA256_PREFIX = "sha256.";

    private ModelFile() {}

    /**
     * Saves a document, atomically replacing the file if it exists. The folder must exist.
     *
     * @param file where to save; by convention named {@code *.bp}
     * @param doc  what to save. Not modified.
     * @throws IOException              if writing fails; the previous file, if any, is then unchanged
     * @throws IllegalArgumentException if the document is over a limit (manifest size, number of entries)
     */
    public static void save(Path file, ModelDocument doc) throws IOException {
        save(file, doc, UnaryOperator.identity());
    }

    /** As {@link #save(Path, ModelDocument)}, with the stream to the temporary file wrapped by {@code hook}. */
    static void save(Path file, ModelDocument doc, UnaryOperator<OutputStream> hook) throws IOException {
        Objects.requireNonNull(file, "file");
        Objects.requireNonNull(doc, "doc");
        ModelWriter.save(file, doc, hook);
    }

    /**
     * Loads a model file. The network is built with {@code NetworkBuilder.fromSpec(spec, registries, zeros, 0)}
     * and its parameters are then read from the file, bit for bit. Temporary files left by an interrupted save
     * are not looked at.
     *
     * <p>Every activation, and the loss if the file records one, must be provided by a plug-in in the
     * registries; the loss is created once to check its parameters, then only its name and parameters are
     * returned.
     *
     * @param file       the file
     * @param registries where activation and loss names are looked up
     * @return the document, with a new network and new matrices
     * @throws ModelFileException             if the file is not a valid bp model file of this version, is
     *                                        corrupted, or needs a plug-in the registries lack
     * @throws java.nio.file.NoSuchFileException if there is no such file
     * @throws IOException                    if reading fails
     */
    public static ModelDocument load(Path file, Registries registries) throws IOException {
        Objects.requireNonNull(file, "file");
        Objects.requireNonNull(registries, "registries");
        return ModelReader.load(file, registries);
    }
}
