package dev.backprop.data.idx;

import static dev.backprop.data.idx.IdxFiles.counting;
import static dev.backprop.data.idx.IdxFiles.gzip;
import static dev.backprop.data.idx.IdxFiles.idx;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.io.ByteArrayInputStream;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class IdxReaderTest {

    private final IdxReader reader = new IdxReader();

    @Test
    void readImages_rawFile_readsDimensionsAndUnsignedBytes(@TempDir Path dir) throws IOException {
        byte[] pixels = {0, 1, (byte) 200, (byte) 255, 7, 8, 9, 10, 11, 12, 13, 14};
        Path file = dir.resolve("images-idx3-ubyte");
        Files.write(file, idx(0x00000803, new long[] {2, 2, 3}, pixels));
        IdxArray a = reader.readImages(file);
        assertThat(a.dimensions()).containsExactly(2, 2, 3);
        assertThat(a.elementCount()).isEqualTo(12);
        // by hand: bytes are unsigned, (byte) 200 reads as 200 and (byte) 255 as 255
        assertThat(a.unsigned(2)).isEqualTo(200);
        assertThat(a.unsigned(3)).isEqualTo(255);
        assertThat(a.unsigned(11)).isEqualTo(14);
    }

    @Test
    void readLabels_gzipFile_detectedByMagicBytes(@TempDir Path dir) throws IOException {
        Path file = dir.resolve("labels.bin");
        Files.write(file, gzip(idx(0x00000801, new long[] {3}, new byte[] {7, 0, 9})));
        IdxArray a = reader.readLabels(file);
        assertThat(a.dimensions()).containsExactly(3);
        assertThat(new int[] {a.unsigned(0), a.unsigned(1), a.unsigned(2)}).containsExactly(7, 0, 9);
    }

    @Test
    void readImages_labelMagic_failsNamingBothMagics(@TempDir Path dir) throws IOException {
        Path file = dir.resolve("t10k-labels-idx1-ubyte");
        Files.write(file, idx(0x00000801, new long[] {3}, new byte[3]));
        assertThatThrownBy(() -> reader.readImages(file))
                .isInstanceOf(IllegalArgumentException.class)
                .hasMessageContaining("t10k-labels-idx1-ubyte has magic number 0x00000801")
                .hasMessageContaining("expected 0x00000803 for images")
                .hasMessageContaining("1 dimensions");
    }

    @Test
    void read_wrongMagic_notIdx_fails() {
        byte[] bytes = "hello world, not idx".getBytes(java.nio.charset.StandardCharsets.US_ASCII);
        assertThatThrownBy(() -> reader.read(new ByteArrayInputStream(bytes), "x.bin", 3))
                .hasMessageContaining("x.bin has magic number 0x68656c6c")
                .hasMessageContaining("two zero bytes");
    }

    @Test
    void read_unsupportedElementType_failsNamingType() {
        byte[] bytes = idx(0x00000D01, new long[] {1}, new byte[4]);
        assertThatThrownBy(() -> reader.read(new ByteArrayInputStream(bytes), "f.idx", 1))
                .hasMessageContaining("element type 0x0d is not supported");
    }

    @Test
    void readImages_hugeClaimedCountInRawFile_failsFastWithTheClaim(@TempDir Path dir) throws IOException {
        Path file = dir.resolve("train-images-idx3-ubyte");
        // 2^31 images of 28 × 28 claimed, 100 bytes present
        Files.write(file, idx(0x00000803, new long[] {1L << 31, 28, 28}, new byte[100]));
        // by hand: 2147483648 * 28 * 28 = 1683627180032
        assertThatThrownBy(() -> reader.readImages(file))
                .hasMessageContaining("claims 2147483648 × 28 × 28 = 1683627180032 bytes")
                .hasMessageContaining("limit of 2147483639");
    }

    @Test
    void read_hugeClaimedCountInGzipStream_failsFastWithTheClaim() {
        byte[] bytes = gzip(idx(0x00000803, new long[] {1L << 31, 28, 28}, new byte[100]));
        assertThatThrownBy(() -> reader.read(new ByteArrayInputStream(bytes), "train.gz", 3))
                .hasMessageContaining("train.gz claims 2147483648 × 28 × 28 = 1683627180032 bytes");
    }

    @Test
    void readImages_claimLargerThanRawFile_failsBeforeAllocating(@TempDir Path dir) throws IOException {
        Path file = dir.resolve("images");
        // within the limit (2 * 10^9 bytes) but the file holds 10
        Files.write(file, idx(0x00000803, new long[] {2_000_000, 1000, 1}, new byte[10]));
        assertThatThrownBy(() -> reader.readImages(file))
                .hasMessageContaining("claims 2000000 × 1000 × 1 = 2000000000 bytes of data")
                .hasMessageContaining("the file has 10 bytes after its 16-byte header");
    }

    @Test
    void read_truncatedGzipStream_failsWithByteOffset() {
        // 100 images of 28 × 28 = 78400 bytes claimed, 1000 present
        byte[] bytes = gzip(idx(0x00000803, new long[] {100, 28, 28}, new byte[1000]));
        // by hand: the data ends after 1000 bytes, at offset 16 + 1000 = 1016
        assertThatThrownBy(() -> reader.read(new ByteArrayInputStream(bytes), "images.gz", 3))
                .hasMessageContaining("images.gz is truncated")
                .hasMessageContaining("78400 bytes")
                .hasMessageContaining("ends after 1000 of them, at byte offset 1016");
    }

    @Test
    void read_truncatedGzipHugeLabelClaim_failsWithoutAllocatingTheClaim() {
        // 2147483000 one-byte labels claimed (under the limit), 5 present: the buffer grows with the data only
        byte[] bytes = gzip(idx(0x00000801, new long[] {2_147_483_000L}, new byte[5]));
        assertThatThrownBy(() -> reader.read(new ByteArrayInputStream(bytes), "labels.gz", 1))
                .hasMessageContaining("ends after 5 of them, at byte offset 13");
    }

    @Test
    void read_truncatedHeader_fails() {
        byte[] bytes = {0, 0, 8, 3, 0, 0, 0, 5, 0};
        assertThatThrownBy(() -> reader.read(new ByteArrayInputStream(bytes), "h.idx", 3))
                .hasMessageContaining("h.idx is truncated: its header needs 16 bytes for 3 dimensions")
                .hasMessageContaining("ends after 9");
    }

    @Test
    void read_tooShortForMagic_fails() {
        assertThatThrownBy(() -> reader.read(new ByteArrayInputStream(new byte[] {0, 0}), "e.idx", 0))
                .hasMessageContaining("e.idx is truncated: 2 bytes");
    }

    @Test
    void read_extraBytesAfterData_fail() {
        byte[] bytes = idx(0x00000801, new long[] {3}, new byte[5]);
        assertThatThrownBy(() -> reader.read(new ByteArrayInputStream(bytes), "l.idx", 1))
                .hasMessageContaining("more bytes after offset 11");
    }

    @Test
    void read_claimOverCallersLimit_fails() {
        IdxReader small = new IdxReader(100);
        byte[] bytes = idx(0x00000803, new long[] {1, 28, 28}, counting(784));
        assertThatThrownBy(() -> small.read(new ByteArrayInputStream(bytes), "one.idx", 3))
                .hasMessageContaining("1 × 28 × 28 = 784 bytes of data, more than the limit of 100 bytes");
    }
}
