package dev.backprop.core.io;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.backprop.core.network.Network;
import dev.backprop.core.registry.Registries;
import dev.backprop.core.spi.ComponentSpec;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.nio.ByteBuffer;
import java.nio.ByteOrder;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.NoSuchFileException;
import java.nio.file.Path;
import java.nio.file.attribute.FileTime;
import java.time.Instant;
import java.util.Map;
import java.util.stream.Stream;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** Reads bounded by the file's size, non-finite weights refused, and writes that replace only regular files. */
class SafeModelIoTest {

    @TempDir
    Path dir;

    private final Registries registries = IoTestRegistries.standard();
    private Path file;
    private Network net;

    @BeforeEach
    void saveAModel() throws IOException {
        net = Network.builder(registries)
                .input(2)
                .dense(2, "tanh")
                .dense(2, "identity")
                .seed(5)
                .build();
        file = dir.resolve("model.bp");
        ModelFile.save(file, ModelDocument.of(net).withLoss(ComponentSpec.of("mse")));
    }

    /**
     * The archive with {@code copies} more central-directory records that all point at the data of
     * {@code entry}: a forged file whose entries overlap, each claiming the same bytes.
     */
    private static byte[] withOverlappingCopies(byte[] zip, String entry, int copies) {
        ByteBuffer b = ByteBuffer.wrap(zip).order(ByteOrder.LITTLE_ENDIAN);
        int eocd = zip.length - 22; // no archive comment: the end record is the last 22 bytes
        assertThat(b.getInt(eocd)).isEqualTo(0x06054b50);
        int entries = Short.toUnsignedInt(b.getShort(eocd + 10));
        int cdSize = b.getInt(eocd + 12);
        int cdOffset = b.getInt(eocd + 16);
        ByteArrayOutputStream copiesOut = new ByteArrayOutputStream();
        int at = cdOffset;
        for (int i = 0; i < entries; i++) {
            int nameLength = Short.toUnsignedInt(b.getShort(at + 28));
            int recordLength = 46
                    + nameLength
                    + Short.toUnsignedInt(b.getShort(at + 30))
                    + Short.toUnsignedInt(b.getShort(at + 32));
            String name = new String(zip, at + 46, nameLength, StandardCharsets.UTF_8);
            if (name.equals(entry)) {
                for (int c = 0; c < copies; c++) {
                    byte[] record = java.util.Arrays.copyOfRange(zip, at, at + recordLength);
                    // same length as the original name, so every field stays valid: x00000001.npy, ...
                    String alias = String.format("x%0" + (nameLength - 5) + "d.npy", c);
                    System.arraycopy(alias.getBytes(StandardCharsets.US_ASCII), 0, record, 46, nameLength);
                    copiesOut.writeBytes(record);
                }
            }
            at += recordLength;
        }
        byte[] extra = copiesOut.toByteArray();
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        out.write(zip, 0, cdOffset + cdSize);
        out.writeBytes(extra);
        ByteBuffer end = ByteBuffer.allocate(22).order(ByteOrder.LITTLE_ENDIAN);
        end.put(zip, eocd, 22);
        end.putShort(8, (short) (entries + copies));
        end.putShort(10, (short) (entries + copies));
        end.putInt(12, cdSize + extra.length);
        out.writeBytes(end.array());
        return out.toByteArray();
    }

    @Test
    void archiveWhoseEntriesOverlap_isRefusedBeforeReadingAnyArray() throws IOException {
        byte[] forged = withOverlappingCopies(Files.readAllBytes(file), "layer0.W.npy", 500);
        Files.write(file, forged);

        // every copy starts where layer0.W.npy does: the first two records at that offset overlap
        assertThatThrownBy(() -> ModelFile.load(file, registries))
                .isInstanceOf(ModelFileException.class)
                .hasMessageStartingWith(file + " is not a readable bp model file: entry ")
                .hasMessageContaining(") overlaps entry ")
                .hasMessageContaining("entries of a bp model file never share bytes");
    }

    @Test
    void sizeBound_refusesEntriesClaimingMoreThanTheFile_evenWithoutTheLayoutCheck() throws IOException {
        byte[] forged = withOverlappingCopies(Files.readAllBytes(file), "layer0.W.npy", 500);
        Files.write(file, forged);

        // 500 copies of a 160-byte entry (128-byte header, 4 doubles) claim 80,000 bytes, far more than the file
        // (the layout check comes first in ModelFile.load; the bound is what protects ZIP64 archives)
        assertThatThrownBy(() -> {
                    try (java.util.zip.ZipFile zip = new java.util.zip.ZipFile(file.toFile())) {
                        ModelReader.listEntries(file.toString(), forged.length, zip, registries);
                    }
                })
                .isInstanceOf(ModelFileException.class)
                .hasMessageContaining("more than the file's " + forged.length + " bytes: entries overlap");
    }

    @Test
    void validFile_passesTheLayoutCheck() throws IOException {
        ZipLayout.requireDisjointEntries(file, file.toString());
        assertThat(ModelFile.load(file, registries).network().layers()).hasSize(2);
    }

    @Test
    void nanWeight_isRefusedNamingEntryAndIndex() throws IOException {
        Map<String, byte[]> entries = Archives.read(file);
        byte[] w = entries.get("layer0.W.npy").clone();
        // values start after numpy's 128-byte header; index 3 of the 2×2 matrix is row 1, column 1
        ByteBuffer.wrap(w).order(ByteOrder.LITTLE_ENDIAN).putDouble(128 + 8 * 3, Double.NaN);
        Archives.replaceArray(entries, "layer0.W.npy", w);
        Archives.write(file, entries);

        assertThatThrownBy(() -> ModelFile.load(file, registries))
                .isInstanceOf(ModelFileException.class)
                .hasMessageStartingWith(file + ": entry layer0.W.npy holds NaN at index 3 (row 1, column 1)");
    }

    @Test
    void infiniteBias_isRefusedNamingEntryAndIndex() throws IOException {
        Map<String, byte[]> entries = Archives.read(file);
        byte[] b = entries.get("layer1.b.npy").clone();
        ByteBuffer.wrap(b).order(ByteOrder.LITTLE_ENDIAN).putDouble(128, Double.NEGATIVE_INFINITY);
        Archives.replaceArray(entries, "layer1.b.npy", b);
        Archives.write(file, entries);

        assertThatThrownBy(() -> ModelFile.load(file, registries))
                .hasMessageStartingWith(file + ": entry layer1.b.npy holds -Infinity at index 0 (row 0, column 0)");
    }

    @Test
    void megabyteActivationName_givesAShortMessage() throws IOException {
        Map<String, byte[]> entries = Archives.read(file);
        String huge = "a".repeat(900_000); // under the 1 MiB manifest limit
        Archives.setManifest(entries, Archives.withLine(Archives.manifest(entries), "layer.0.activation", huge));
        Archives.write(file, entries);

        assertThatThrownBy(() -> ModelFile.load(file, registries))
                .isInstanceOf(ModelFileException.class)
                .satisfies(e -> assertThat(e.getMessage())
                        .contains("(900000 characters)")
                        .hasSizeLessThan(1000));
    }

    @Test
    void saveOverASymbolicLink_isRefusedAndTheLinkAndItsTargetStay() throws IOException {
        Path real = Files.writeString(dir.resolve("notes.txt"), "keep me");
        Path link = Files.createSymbolicLink(dir.resolve("link.bp"), real);

        assertThatThrownBy(() -> ModelFile.save(link, ModelDocument.of(net)))
                .hasMessage("Cannot save to " + link + ": it is a symbolic link, and bp replaces only regular files."
                        + " Choose another path.");
        assertThat(Files.isSymbolicLink(link)).isTrue();
        assertThat(Files.readString(real)).isEqualTo("keep me");
    }

    @Test
    void checkOfADevice_refusesItWithoutWriting() {
        // /dev/null is only looked at: the check comes before any write
        Path device = Path.of("/dev/null");
        org.junit.jupiter.api.Assumptions.assumeTrue(Files.exists(device));

        assertThatThrownBy(() -> OutputFiles.check(device))
                .hasMessage("Cannot save to /dev/null: it is a device or other special file, and bp replaces only"
                        + " regular files. Choose another path.");
        assertThatThrownBy(() -> ModelFile.save(device, ModelDocument.of(net)))
                .hasMessageContaining("a device or other special file");
    }

    @Test
    void checkOfAPathInAMissingFolder_namesTheFolder() {
        Path target = dir.resolve("missing").resolve("m.bp");

        assertThatThrownBy(() -> OutputFiles.check(target))
                .isInstanceOf(NoSuchFileException.class)
                .hasMessageContaining("the folder " + dir.resolve("missing") + " does not exist");
    }

    @Test
    void nextSave_removesStaleTemporaryFilesOfTheSameTarget_only() throws IOException {
        Path stale = Files.writeString(dir.resolve(".model.bp.123456789.tmp"), "left by a killed save");
        Path recent = Files.writeString(dir.resolve(".model.bp.987654321.tmp"), "a save in progress");
        Path other = Files.writeString(dir.resolve(".other.bp.5.tmp"), "another target's");
        FileTime old = FileTime.from(Instant.now().minusSeconds(AtomicWrite.STALE_SECONDS + 60));
        Files.setLastModifiedTime(stale, old);
        Files.setLastModifiedTime(other, old);

        ModelFile.save(file, ModelDocument.of(net));

        assertThat(stale).doesNotExist();
        assertThat(recent).exists();
        assertThat(other).exists();
        try (Stream<Path> files = Files.list(dir)) {
            assertThat(files.map(p -> p.getFileName().toString()))
                    .containsExactlyInAnyOrder("model.bp", ".model.bp.987654321.tmp", ".other.bp.5.tmp");
        }
    }

    @Test
    void outputFilesWrite_replacesARegularFileAtomically() throws IOException {
        Path target = Files.writeString(dir.resolve("history.csv"), "old");

        OutputFiles.write(target, out -> out.write("new".getBytes(StandardCharsets.UTF_8)));

        assertThat(Files.readString(target)).isEqualTo("new");
    }
    /** Where an entry's local header is and what it spans, read from the archive by the ZIP format. */
    private record Placed(String name, int record, int local, long end) {}

    /** The entries in central-directory order; the archive has no comment, so the end record is its last 22 bytes. */
    private static java.util.List<Placed> placed(byte[] zip) {
        ByteBuffer b = ByteBuffer.wrap(zip).order(ByteOrder.LITTLE_ENDIAN);
        int eocd = zip.length - 22;
        int entries = Short.toUnsignedInt(b.getShort(eocd + 10));
        int at = b.getInt(eocd + 16);
        java.util.List<Placed> out = new java.util.ArrayList<>();
        for (int i = 0; i < entries; i++) {
            int nameLength = Short.toUnsignedInt(b.getShort(at + 28));
            int local = b.getInt(at + 42);
            long compressed = Integer.toUnsignedLong(b.getInt(at + 20));
            // the local header: 30 bytes, then the name and the extra field, whose lengths it gives at 26 and 28
            long end = local
                    + 30L
                    + Short.toUnsignedInt(b.getShort(local + 26))
                    + Short.toUnsignedInt(b.getShort(local + 28))
                    + compressed;
            out.add(new Placed(new String(zip, at + 46, nameLength, StandardCharsets.UTF_8), at, local, end));
            at += 46 + nameLength + Short.toUnsignedInt(b.getShort(at + 30)) + Short.toUnsignedInt(b.getShort(at + 32));
        }
        return out;
    }

    @Test
    void overlappingEntries_areNamedWithTheirByteRanges() throws IOException {
        byte[] original = Files.readAllBytes(file);
        Placed w = placed(original).stream()
                .filter(p -> p.name().equals("layer0.W.npy"))
                .findFirst()
                .orElseThrow();
        Files.write(file, withOverlappingCopies(original, "layer0.W.npy", 1));

        // the copy (named x0000000.npy, as long as layer0.W.npy) starts where layer0.W.npy does
        assertThatThrownBy(() -> ZipLayout.requireDisjointEntries(file, "model.bp"))
                .isInstanceOf(ModelFileException.class)
                .hasMessageStartingWith("model.bp is not a readable bp model file: entry 'layer0.W.npy' (bytes "
                        + w.local() + " to " + w.end() + ") overlaps entry 'x0000000.npy' (from byte " + w.local()
                        + ")");
    }

    @Test
    void entryReachingIntoTheCentralDirectory_isNamedWithTheDirectorysStart() throws IOException {
        byte[] zip = Files.readAllBytes(file);
        ByteBuffer b = ByteBuffer.wrap(zip).order(ByteOrder.LITTLE_ENDIAN);
        int directory = b.getInt(zip.length - 22 + 16);
        java.util.List<Placed> entries = placed(zip);
        Placed last = entries.stream()
                .max(java.util.Comparator.comparingInt(Placed::local))
                .orElseThrow();
        // the entry nearest the directory claims 100 bytes more than it has
        b.putInt(last.record() + 20, b.getInt(last.record() + 20) + 100);
        Files.write(file, zip);

        assertThat(last.end()).isLessThanOrEqualTo(directory);
        assertThatThrownBy(() -> ZipLayout.requireDisjointEntries(file, "model.bp"))
                .isInstanceOf(ModelFileException.class)
                .hasMessageStartingWith("model.bp is not a readable bp model file: entry '" + last.name() + "' (bytes "
                        + last.local() + " to " + (last.end() + 100) + ") overlaps the central directory (from byte "
                        + directory + ")");
    }
}
