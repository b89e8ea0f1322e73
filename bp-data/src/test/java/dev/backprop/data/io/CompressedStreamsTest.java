package dev.backprop.data.io;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.ByteArrayInputStream;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.InputStream;
import java.util.zip.GZIPOutputStream;
import org.junit.jupiter.api.Test;

class CompressedStreamsTest {

    @Test
    void decompressIfGzip_gzipBytes_areDecompressed() throws IOException {
        ByteArrayOutputStream bytes = new ByteArrayOutputStream();
        try (GZIPOutputStream gz = new GZIPOutputStream(bytes)) {
            gz.write(new byte[] {1, 2, 3});
        }
        // RFC 1952: a gzip member starts with 0x1f 0x8b
        assertThat(bytes.toByteArray()[0]).isEqualTo((byte) 0x1f);
        try (InputStream in = CompressedStreams.decompressIfGzip(new ByteArrayInputStream(bytes.toByteArray()))) {
            assertThat(in.readAllBytes()).containsExactly(1, 2, 3);
        }
    }

    @Test
    void decompressIfGzip_plainBytes_passThrough() throws IOException {
        byte[] plain = {0x1f, 0x00, 5};
        try (InputStream in = CompressedStreams.decompressIfGzip(new ByteArrayInputStream(plain))) {
            assertThat(in.readAllBytes()).containsExactly(0x1f, 0x00, 5);
        }
    }
}
