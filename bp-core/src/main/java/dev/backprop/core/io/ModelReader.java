package dev.backprop.core.io;

import dev.backprop.core.init.Initializers;
import dev.backprop.core.network.DenseLayer;
import dev.backprop.core.network.LayerSpec;
import dev.backprop.core.network.Network;
import dev.backprop.core.network.NetworkBuilder;
import dev.backprop.core.network.NetworkSpec;
import dev.backprop.core.registry.Registries;
import dev.backprop.core.registry.Registry;
import dev.backprop.core.registry.UnknownComponentException;
import dev.backprop.core.spi.ComponentSpec;
import dev.backprop.core.spi.Echo;
import java.io.EOFException;
import java.io.IOException;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.NoSuchFileException;
import java.nio.file.Path;
import java.security.DigestInputStream;
import java.security.MessageDigest;
import java.util.ArrayList;
import java.util.Enumeration;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.zip.CRC32;
import java.util.zip.CheckedInputStream;
import java.util.zip.ZipEntry;
import java.util.zip.ZipException;
import java.util.zip.ZipFile;
import org.ejml.data.DMatrixRMaj;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Reads a model file, trusting nothing: the archive's central directory first (entry count, names, sizes), then
 * the manifest (size, format, version, every key), then the architecture against the entries' sizes and the
 * registries' plug-ins, and only then the arrays, each header checked before its values are allocated and each
 * entry's CRC-32 and SHA-256 verified after.
 *
 * <p>Allocation is bounded by the file's real size: every entry occupies its data, a local header (30 bytes and
 * its name) and a central-directory record (46 bytes and its name), so entries whose claimed sizes add up to
 * more than the file can hold must share bytes — a forged archive whose entries overlap — and are refused
 * before any is read. The values of the network's parameters must be finite: a NaN or infinite weight is
 * refused naming its entry and index.
 */
final class ModelReader {

    private static final Logger LOG = LoggerFactory.getLogger(ModelReader.class);

    private static final Pattern NATURAL = Pattern.compile("0|[1-9][0-9]{0,17}");
    private static final Pattern DECIMAL = Pattern.compile("[0-9]+(\\.[0-9]+)?([eE][-+]?[0-9]+)?");
    private static final Pattern LAYER_KEY = Pattern.compile("layer\\.(0|[1-9][0-9]{0,17})(\\.activation)?");
    private static final Pattern LAYER_VALUE = Pattern.compile("in=(\\S*) out=(\\S*) bias=(\\S*) dropout=(\\S*)");
    private static final Pattern SHA256 = Pattern.compile("[0-9a-f]{64}");

    private final String file;
    private final long fileSize;
    private final ZipFile zip;
    private final Registries registries;
    private final byte[] buffer = new byte[Npy.CHUNK_BYTES];

    private ModelReader(String file, long fileSize, ZipFile zip, Registries registries) {
        this.file = file;
        this.fileSize = fileSize;
        this.zip = zip;
        this.registries = registries;
    }

    static ModelDocument load(Path path, Registries registries) throws IOException {
        String file = path.toString();
        if (Files.isDirectory(path)) {
            throw new ModelFileException(file + " is a directory, not a bp model file");
        }
        if (!Files.exists(path)) {
            throw new NoSuchFileException(file, null, "no bp model file there");
        }
        long size = Files.size(path);
        ZipLayout.requireDisjointEntries(path, file);
        ZipFile zip;
        try {
            zip = new ZipFile(path.toFile(), StandardCharsets.UTF_8);
        } catch (ZipException | EOFException e) {
            throw unreadable(file, e.getMessage(), e);
        }
        try (zip) {
            ModelDocument doc = new ModelReader(file, size, zip, registries).read();
            LOG.debug(
                    "Loaded {}: {} network, {} extra arrays",
                    file,
                    doc.network().spec().shape(),
                    doc.arrays().size());
            return doc;
        } catch (ZipException | EOFException e) {
            throw unreadable(file, e.getMessage(), e);
        }
    }

    private static ModelFileException unreadable(String file, String problem, Throwable cause) {
        return new ModelFileException(file + " is not a readable bp model file: " + problem, cause);
    }

    private ModelDocument read() throws IOException {
        Map<String, ZipEntry> arrays = listArrayEntries();
        Manifest manifest = readManifest();
        checkFormat(manifest);
        int layerCount = checkKeys(manifest);
        NetworkSpec spec = architecture(manifest, layerCount);
        Map<String, Manifest.Line> checksums = checksums(manifest, arrays);
        checkParameterEntries(spec, manifest, arrays);
        for (int i = 0; i < layerCount; i++) {
            requirePlugin(
                    registries.activations(),
                    spec.layers().get(i).activation(),
                    manifest.require("layer." + i + ".activation", ""));
        }
        Optional<ComponentSpec> loss = Optional.empty();
        Optional<Manifest.Line> lossLine = manifest.get(ModelFile.KEY_LOSS);
        if (lossLine.isPresent()) {
            loss = Optional.of(component(manifest, lossLine.get()));
            requirePlugin(registries.losses(), loss.get(), lossLine.get());
        }
        Network network = NetworkBuilder.fromSpec(spec, registries, Initializers.zeros(), 0);
        Map<String, DMatrixRMaj> extras = new LinkedHashMap<>();
        for (Map.Entry<String, ZipEntry> entry : arrays.entrySet()) {
            readArray(entry.getKey(), entry.getValue(), checksums.get(entry.getKey()), network, extras);
        }
        Map<String, String> metadata = new LinkedHashMap<>();
        for (Manifest.Line line : manifest.lines()) {
            if (line.key().startsWith(ModelFile.META_PREFIX)) {
                metadata.put(line.key().substring(ModelFile.META_PREFIX.length()), line.value());
            }
        }
        try {
            return new ModelDocument(network, loss, metadata, extras);
        } catch (IllegalArgumentException e) {
            throw new ModelFileException(file + ": " + e.getMessage(), e);
        }
    }

    /** The directory checks of {@link #listArrayEntries} alone, as tests of the size bound run them. */
    static Map<String, ZipEntry> listEntries(String file, long fileSize, ZipFile zip, Registries registries)
            throws ModelFileException {
        return new ModelReader(file, fileSize, zip, registries).listArrayEntries();
    }

    /** The array entries by name in archive order, after checking the count, names, sizes and compression. */
    private Map<String, ZipEntry> listArrayEntries() throws ModelFileException {
        if (zip.size() > ModelFile.MAX_ENTRIES) {
            throw new ModelFileException(
                    file + " has " + zip.size() + " entries, more than the limit of " + ModelFile.MAX_ENTRIES);
        }
        Map<String, ZipEntry> arrays = new LinkedHashMap<>();
        boolean manifestSeen = false;
        // the end-of-central-directory record: 22 bytes
        long occupied = 22;
        for (Enumeration<? extends ZipEntry> it = zip.entries(); it.hasMoreElements(); ) {
            ZipEntry entry = it.nextElement();
            String name = entry.getName();
            int nameBytes = name.getBytes(StandardCharsets.UTF_8).length;
            occupied += 30 + 46 + 2L * nameBytes + Math.max(0, entry.getCompressedSize());
            if (occupied > fileSize) {
                throw unreadable(
                        file,
                        "its entries claim at least " + occupied + " bytes (data, local headers and directory"
                                + " records, up to entry " + Echo.quote(name) + "), more than the file's " + fileSize
                                + " bytes: entries overlap, which a forged archive does to make a reader allocate"
                                + " more than the file holds",
                        null);
            }
            if (name.equals(Manifest.ENTRY)) {
                if (manifestSeen) {
                    throw new ModelFileException(file + " has the entry " + name + " twice");
                }
                manifestSeen = true;
                continue;
            }
            if (!name.endsWith(Keys.NPY_SUFFIX)
                    || entry.isDirectory()
                    || Keys.arrayKeyProblem(name.substring(0, name.length() - Keys.NPY_SUFFIX.length())) != null) {
                throw new ModelFileException(file + " has an unexpected entry " + Echo.quote(name)
                        + ": a bp model file holds"
                        + " only " + Manifest.ENTRY + " and arrays named <key>.npy, keys of letters, digits, '.',"
                        + " '_', '/' and '-'");
            }
            if (arrays.put(name, entry) != null) {
                throw new ModelFileException(file + " has the entry " + name + " twice");
            }
            if (entry.getMethod() != ZipEntry.STORED) {
                throw new ModelFileException(file + ": entry " + name + " is compressed; bp model files store arrays"
                        + " uncompressed, as numpy.savez does (not numpy.savez_compressed)");
            }
            if (entry.getSize() < 0 || entry.getSize() > fileSize || entry.getCompressedSize() != entry.getSize()) {
                throw unreadable(
                        file,
                        "entry " + name + " claims " + entry.getSize() + " bytes (stored as "
                                + entry.getCompressedSize() + ") in a file of " + fileSize + " bytes",
                        null);
            }
        }
        return arrays;
    }

    private Manifest readManifest() throws IOException {
        ZipEntry entry = zip.getEntry(Manifest.ENTRY);
        if (entry == null) {
            throw new ModelFileException(file + " is not a bp model file: it has no " + Manifest.ENTRY + " entry"
                    + " (a plain numpy .npz archive has only arrays)");
        }
        if (entry.getSize() > ModelFile.MAX_MANIFEST_BYTES) {
            throw new ModelFileException(file + ": " + Manifest.ENTRY + " is " + entry.getSize() + " bytes, more"
                    + " than the limit of " + ModelFile.MAX_MANIFEST_BYTES + " bytes (1 MiB)");
        }
        byte[] bytes;
        try (InputStream in = zip.getInputStream(entry)) {
            bytes = in.readNBytes(ModelFile.MAX_MANIFEST_BYTES + 1);
        }
        if (bytes.length > ModelFile.MAX_MANIFEST_BYTES) {
            throw new ModelFileException(file + ": " + Manifest.ENTRY + " is more than the limit of "
                    + ModelFile.MAX_MANIFEST_BYTES + " bytes (1 MiB)");
        }
        long crc = Checksums.crc32(bytes);
        if (entry.getCrc() != -1 && crc != entry.getCrc()) {
            throw crcMismatch(Manifest.ENTRY, entry.getCrc(), crc);
        }
        return Manifest.parse(bytes, file);
    }

    private ModelFileException crcMismatch(String entry, long recorded, long computed) {
        return unreadable(
                file,
                "entry " + entry + " fails its CRC-32 check (the archive records "
                        + String.format(Locale.ROOT, "%08x", recorded) + ", the data gives "
                        + String.format(Locale.ROOT, "%08x", computed) + "); the file is corrupted",
                null);
    }

    private void checkFormat(Manifest manifest) throws ModelFileException {
        Manifest.Line format = manifest.get(ModelFile.KEY_FORMAT)
                .orElseThrow(() -> new ModelFileException(file
                        + " is not a bp model file: " + Manifest.ENTRY + " has no '" + ModelFile.KEY_FORMAT + " = "
                        + ModelFile.FORMAT + "' line"));
        if (!format.value().equals(ModelFile.FORMAT)) {
            throw new ModelFileException(file + " is not a bp model file: " + Manifest.ENTRY + " line "
                    + format.number() + " says format = " + format.value() + ", expected " + ModelFile.FORMAT);
        }
        Manifest.Line version = manifest.require(ModelFile.KEY_FORMAT_VERSION, "");
        if (!NATURAL.matcher(version.value()).matches()) {
            throw manifest.error(version, "format-version must be a whole number, got " + Echo.quote(version.value()));
        }
        if (!version.value().equals(Integer.toString(ModelFile.FORMAT_VERSION))) {
            throw new ModelFileException(file + " has format-version " + version.value() + "; this bp reads version "
                    + ModelFile.FORMAT_VERSION
                    + (version.value().equals("0")
                            ? ""
                            : " (the file was written by a newer" + " bp: update bp to read it)"));
        }
    }

    /** Refuses unknown keys and malformed values of the keys every version-1 file has; gives the layer count. */
    private int checkKeys(Manifest manifest) throws ModelFileException {
        Manifest.Line layersLine = manifest.require(ModelFile.KEY_LAYERS, "");
        long layers = natural(manifest, layersLine);
        if (layers < 1 || layers >= ModelFile.MAX_ENTRIES) {
            throw manifest.error(
                    layersLine,
                    "layers = " + layers + "; a network has between 1 and "
                            + (ModelFile.MAX_ENTRIES - 1) + " layers (each needs an entry, and a file has at most "
                            + ModelFile.MAX_ENTRIES + ")");
        }
        for (Manifest.Line line : manifest.lines()) {
            String key = line.key();
            if (key.equals(ModelFile.KEY_FORMAT)
                    || key.equals(ModelFile.KEY_FORMAT_VERSION)
                    || key.equals(ModelFile.KEY_INPUT)
                    || key.equals(ModelFile.KEY_LAYERS)
                    || key.equals(ModelFile.KEY_LOSS)) {
                continue;
            }
            Matcher layer = LAYER_KEY.matcher(key);
            if (layer.matches()) {
                if (Long.parseLong(layer.group(1)) >= layers) {
                    throw manifest.error(
                            line,
                            Echo.quote(key) + " but the file declares layers = " + layers + " (line "
                                    + layersLine.number() + ")");
                }
            } else if (key.startsWith(ModelFile.META_PREFIX) && key.length() > ModelFile.META_PREFIX.length()) {
                continue;
            } else if (key.startsWith(ModelFile.SHA256_PREFIX)) {
                if (!SHA256.matcher(line.value()).matches()) {
                    throw manifest.error(
                            line,
                            Echo.quote(key) + " must be 64 lower-case hexadecimal digits, got "
                                    + Echo.quote(line.value()));
                }
            } else {
                throw manifest.error(
                        line,
                        "unknown key " + Echo.quote(key) + "; a version-" + ModelFile.FORMAT_VERSION
                                + " manifest has format, format-version, input, layers, layer.<i>, layer.<i>.activation,"
                                + " loss, meta.<key> and sha256.<entry>");
            }
        }
        return (int) layers;
    }

    private NetworkSpec architecture(Manifest manifest, int layerCount) throws ModelFileException {
        String declared = " (the file declares layers = " + layerCount + ")";
        List<LayerSpec> layers = new ArrayList<>();
        for (int i = 0; i < layerCount; i++) {
            Manifest.Line line = manifest.require("layer." + i, declared);
            Matcher m = LAYER_VALUE.matcher(line.value());
            if (!m.matches()) {
                throw manifest.error(
                        line,
                        "expected 'in=<n> out=<n> bias=<true|false> dropout=<rate>', got " + Echo.quote(line.value()));
            }
            int in = size(manifest, line, "in", m.group(1));
            int out = size(manifest, line, "out", m.group(2));
            if (!m.group(3).equals("true") && !m.group(3).equals("false")) {
                throw manifest.error(line, "bias must be true or false, got '" + m.group(3) + "'");
            }
            if (!DECIMAL.matcher(m.group(4)).matches()) {
                throw manifest.error(line, "dropout must be a decimal number, got '" + m.group(4) + "'");
            }
            Manifest.Line activation = manifest.require("layer." + i + ".activation", declared);
            try {
                layers.add(new LayerSpec(
                        in,
                        out,
                        m.group(3).equals("true"),
                        component(manifest, activation),
                        Double.parseDouble(m.group(4))));
            } catch (IllegalArgumentException e) {
                throw manifest.error(line, e.getMessage());
            }
        }
        NetworkSpec spec;
        try {
            spec = new NetworkSpec(layers);
        } catch (IllegalArgumentException e) {
            throw new ModelFileException(file + ": " + Manifest.ENTRY + ": " + e.getMessage(), e);
        }
        Manifest.Line input = manifest.require(ModelFile.KEY_INPUT, "");
        if (natural(manifest, input) != spec.inputSize()) {
            throw manifest.error(input, "input = " + input.value() + " but layer 0 takes in=" + spec.inputSize());
        }
        return spec;
    }

    private ComponentSpec component(Manifest manifest, Manifest.Line line) throws ModelFileException {
        try {
            return ComponentSpec.parse(line.value());
        } catch (IllegalArgumentException e) {
            throw manifest.error(line, e.getMessage());
        }
    }

    private static long natural(Manifest manifest, Manifest.Line line) throws ModelFileException {
        if (!NATURAL.matcher(line.value()).matches()) {
            throw manifest.error(line, line.key() + " must be a whole number, got " + Echo.quote(line.value()));
        }
        return Long.parseLong(line.value());
    }

    private static int size(Manifest manifest, Manifest.Line line, String name, String text) throws ModelFileException {
        if (!NATURAL.matcher(text).matches() || Long.parseLong(text) > Integer.MAX_VALUE) {
            throw manifest.error(
                    line, name + " must be a whole number up to " + Integer.MAX_VALUE + ", got " + Echo.quote(text));
        }
        return Integer.parseInt(text);
    }

    /** The manifest's checksum line of every array entry, after checking the two lists agree. */
    private Map<String, Manifest.Line> checksums(Manifest manifest, Map<String, ZipEntry> arrays)
            throws ModelFileException {
        Map<String, Manifest.Line> sums = new LinkedHashMap<>();
        for (Manifest.Line line : manifest.lines()) {
            if (line.key().startsWith(ModelFile.SHA256_PREFIX)) {
                String entry = line.key().substring(ModelFile.SHA256_PREFIX.length());
                if (!arrays.containsKey(entry)) {
                    throw manifest.error(
                            line,
                            "the checksum of entry " + Echo.quote(entry) + ", which the archive does not"
                                    + " contain; the file is incomplete");
                }
                sums.put(entry, line);
            }
        }
        for (String entry : arrays.keySet()) {
            if (!sums.containsKey(entry)) {
                throw new ModelFileException(file + ": entry " + entry + " has no '" + ModelFile.SHA256_PREFIX + entry
                        + "' line in " + Manifest.ENTRY);
            }
        }
        return sums;
    }

    /**
     * Checks that each layer's W and b entries are there (and no others), and big enough for the layer's
     * shape, before the network allocates its matrices.
     */
    private void checkParameterEntries(NetworkSpec spec, Manifest manifest, Map<String, ZipEntry> arrays)
            throws ModelFileException {
        for (String name : arrays.keySet()) {
            Matcher m = Keys.PARAMETER.matcher(name.substring(0, name.length() - Keys.NPY_SUFFIX.length()));
            if (!m.matches()) {
                continue;
            }
            long index = m.group(1).length() > 9 ? Long.MAX_VALUE : Long.parseLong(m.group(1));
            if (index >= spec.layers().size()) {
                throw new ModelFileException(file + " has entry " + name + " but its network has layers 0.."
                        + (spec.layers().size() - 1));
            }
            if (m.group(2).equals("b") && !spec.layers().get((int) index).bias()) {
                throw new ModelFileException(file + " has entry " + name + " but layer " + index
                        + " has bias=false (" + Manifest.ENTRY + " line "
                        + manifest.require("layer." + index, "").number() + ")");
            }
        }
        for (int i = 0; i < spec.layers().size(); i++) {
            LayerSpec layer = spec.layers().get(i);
            String where = " (" + Manifest.ENTRY + " line "
                    + manifest.require("layer." + i, "").number() + ")";
            long weights = (long) layer.in() * layer.out();
            if (weights > Integer.MAX_VALUE) {
                throw new ModelFileException(file + ": layer " + i + " is in=" + layer.in() + " out=" + layer.out()
                        + where + ", " + weights + " weights; an array holds at most " + Integer.MAX_VALUE);
            }
            requireEntry(Keys.entry(Keys.weight(i)), i, "W", layer.in(), layer.out(), where, arrays);
            if (layer.bias()) {
                requireEntry(Keys.entry(Keys.bias(i)), i, "b", 1, layer.out(), where, arrays);
            }
        }
    }

    private void requireEntry(
            String name, int layer, String what, int rows, int cols, String where, Map<String, ZipEntry> arrays)
            throws ModelFileException {
        ZipEntry entry = arrays.get(name);
        if (entry == null) {
            throw new ModelFileException(file + " has no entry " + name + " for layer " + layer + "'s " + what + where
                    + "; the file is incomplete");
        }
        long needed = 8L * rows * cols;
        if (entry.getSize() < needed) {
            throw new ModelFileException(file + ": entry " + name + " has " + entry.getSize() + " bytes, too few"
                    + " for layer " + layer + "'s " + what + " of shape (" + rows + ", " + cols + "), which needs "
                    + needed + " bytes of values" + where);
        }
    }

    /** Creates the component once, so that a missing plug-in or a bad parameter is reported now, by name. */
    private void requirePlugin(Registry<?, ?> registry, ComponentSpec spec, Manifest.Line line)
            throws ModelFileException {
        try {
            registry.create(spec);
        } catch (UnknownComponentException e) {
            String requested = e.requestedName();
            String cut = Echo.quote(requested);
            throw new ModelFileException(
                    file + " needs " + e.kind() + " " + cut + ", which no"
                            + " plug-in on the class path or module path provides. "
                            + e.getMessage().replace("'" + requested + "'", cut),
                    e);
        } catch (RuntimeException e) {
            throw new ModelFileException(
                    file + ": the " + registry.kind() + " " + Echo.quote(spec.toString()) + " (" + Manifest.ENTRY
                            + " line " + line.number() + ") cannot be created: " + e.getMessage(),
                    e);
        }
    }

    /** Refuses a NaN or infinite parameter value, naming the entry, the index and its row and column. */
    private static void requireFinite(DMatrixRMaj values, String where) throws ModelFileException {
        for (int i = 0; i < values.getNumElements(); i++) {
            if (!Double.isFinite(values.data[i])) {
                throw new ModelFileException(where + " holds " + values.data[i] + " at index " + i + " (row "
                        + i / values.numCols + ", column " + i % values.numCols + "); a network's weights and"
                        + " biases must be finite numbers (the file was saved from a run that diverged, or edited)");
            }
        }
    }

    private void readArray(
            String name, ZipEntry entry, Manifest.Line checksum, Network network, Map<String, DMatrixRMaj> extras)
            throws IOException {
        String where = file + ": entry " + name;
        String key = name.substring(0, name.length() - Keys.NPY_SUFFIX.length());
        CRC32 crc = new CRC32();
        MessageDigest sha = Checksums.sha256();
        try (InputStream in = new DigestInputStream(new CheckedInputStream(zip.getInputStream(entry), crc), sha)) {
            Npy.Header header = Npy.readHeader(in, entry.getSize(), where);
            DMatrixRMaj target;
            Matcher m = Keys.PARAMETER.matcher(key);
            if (m.matches()) {
                int index = Integer.parseInt(m.group(1));
                DenseLayer layer = network.layer(index);
                boolean weights = m.group(2).equals("W");
                target = weights ? layer.weights() : layer.bias();
                if (header.rows() != target.numRows || header.cols() != target.numCols) {
                    LayerSpec s = layer.spec();
                    throw new ModelFileException(where + " has shape " + header.shapeText() + ", but layer " + index
                            + " is in=" + s.in() + " out=" + s.out() + ", so its " + m.group(2) + " must be ("
                            + target.numRows + ", " + target.numCols + ")");
                }
            } else {
                target = new DMatrixRMaj(header.rows(), header.cols());
                extras.put(key, target);
            }
            Npy.readData(in, header, target.data, buffer, where);
            if (m.matches()) {
                requireFinite(target, where);
            }
        }
        if (entry.getCrc() != -1 && crc.getValue() != entry.getCrc()) {
            throw crcMismatch(name, entry.getCrc(), crc.getValue());
        }
        String actual = Checksums.hex(sha.digest());
        if (!actual.equals(checksum.value())) {
            throw new ModelFileException(where + " does not match its checksum: " + Manifest.ENTRY + " line "
                    + checksum.number() + " records SHA-256 " + checksum.value() + " but the entry's bytes give "
                    + actual + "; the file is corrupted or was edited");
        }
    }
}
