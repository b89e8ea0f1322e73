package dev.backprop.core.io;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.io.ByteArrayInputStream;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.util.Arrays;
import org.ejml.data.DMatrixRMaj;
import org.junit.jupiter.api.Test;

/** NPY entries on their own: chunked reading and writing, and what a header may and may not hold. */
class NpyTest {

    /** 64 bytes: eight values a chunk, so that a few hundred values take many chunks and end in a partial one. */
    private static final int SMALL_BUFFER = 64;

    /** numpy: np.save("numpy-100x3.npy", np.arange(300.0).reshape(100, 3) / 8), a 128-byte header. */
    private static DMatrixRMaj tall() {
        DMatrixRMaj tall = new DMatrixRMaj(100, 3);
        for (int i = 0; i < 300; i++) {
            tall.data[i] = i / 8.0;
        }
        return tall;
    }

    /** An NPY entry of version 1.0 (2-byte header length) or 2.0 / 3.0 (4 bytes), with the header text given. */
    private static byte[] entry(int major, int minor, String header, byte[] header3Bytes, int dataBytes) {
        byte[] text = header3Bytes != null ? header3Bytes : header.getBytes(StandardCharsets.ISO_8859_1);
        int lengthBytes = major == 1 ? 2 : 4;
        byte[] out = new byte[8 + lengthBytes + text.length + dataBytes];
        byte[] magic = {(byte) 0x93, 'N', 'U', 'M', 'P', 'Y', (byte) major, (byte) minor};
        System.arraycopy(magic, 0, out, 0, 8);
        out[8] = (byte) text.length;
        out[9] = (byte) (text.length >>> 8);
        System.arraycopy(text, 0, out, 8 + lengthBytes, text.length);
        return out;
    }

    private static Npy.Header header(byte[] entry) throws IOException {
        return Npy.readHeader(new ByteArrayInputStream(entry), entry.length, "x.npy");
    }

    private static Npy.Header header(String text) throws IOException {
        return header(entry(1, 0, text, null, 0));
    }

    @Test
    void entrySize_isTheHeaderAndEightBytesAValue() {
        // numpy: len of np.save of a 2x3 float64 array is 176 = 128 + 6 · 8
        assertThat(Npy.entrySize(new DMatrixRMaj(2, 3))).isEqualTo(176);
    }

    @Test
    void writingInSmallChunks_givesExactlyWhatNumpyWrites() throws IOException {
        ByteArrayOutputStream out = new ByteArrayOutputStream();

        Npy.write(tall(), out, new byte[SMALL_BUFFER]);

        assertThat(out.toByteArray()).isEqualTo(ModelFileRoundTripTest.resource("numpy-100x3.npy"));
    }

    @Test
    void readingInSmallChunks_givesNumpysValues() throws IOException {
        byte[] npy = ModelFileRoundTripTest.resource("numpy-100x3.npy");
        ByteArrayInputStream in = new ByteArrayInputStream(npy);
        Npy.Header header = Npy.readHeader(in, npy.length, "tall.npy");
        double[] values = new double[300];

        Npy.readData(in, header, values, new byte[SMALL_BUFFER], "tall.npy");

        assertThat(header.rows()).isEqualTo(100);
        assertThat(header.cols()).isEqualTo(3);
        assertThat(values).containsExactly(tall().data);
    }

    @Test
    void valuesCutShort_areRefused_namingHowManyBytesThereAre() throws IOException {
        byte[] npy = ModelFileRoundTripTest.resource("numpy-100x3.npy");
        // the 128-byte header, then 100 of the 2400 bytes of values: the 13th chunk of 8 values is cut short
        byte[] cut = Arrays.copyOf(npy, 128 + 100);
        ByteArrayInputStream in = new ByteArrayInputStream(cut);
        Npy.Header header = Npy.readHeader(in, npy.length, "tall.npy");

        assertThatThrownBy(() -> Npy.readData(in, header, new double[300], new byte[SMALL_BUFFER], "tall.npy"))
                .isInstanceOf(ModelFileException.class)
                .hasMessage("tall.npy is cut short: it ends after 100 of its 2400 bytes of values");
    }

    @Test
    void aZeroByteAfterTheValues_isRefused() throws IOException {
        byte[] npy = ModelFileRoundTripTest.resource("numpy-100x3.npy");
        byte[] longer = Arrays.copyOf(npy, npy.length + 1);
        ByteArrayInputStream in = new ByteArrayInputStream(longer);
        Npy.Header header = Npy.readHeader(in, npy.length, "tall.npy");

        assertThatThrownBy(() -> Npy.readData(in, header, new double[300], new byte[SMALL_BUFFER], "tall.npy"))
                .isInstanceOf(ModelFileException.class)
                .hasMessage("tall.npy has bytes after its 300 values");
    }

    @Test
    void theMagicWithoutAVersion_isNotAnNpyArray() {
        byte[] magicOnly = {(byte) 0x93, 'N', 'U', 'M', 'P', 'Y'};

        assertThatThrownBy(() -> header(magicOnly))
                .isInstanceOf(ModelFileException.class)
                .hasMessageStartingWith("x.npy is not an NPY array");
    }

    @Test
    void versions2And3_areRead_withAFourByteHeaderLength_version4IsRefused() throws IOException {
        String dict = "{'descr': '<f8', 'fortran_order': False, 'shape': (2, 3), }";

        // 10 bytes of prefix, 2 more for the longer length field
        assertThat(header(entry(2, 0, dict, null, 48)).prefixBytes()).isEqualTo(12 + dict.length());
        assertThat(header(entry(3, 0, dict, null, 48)).shapeText()).isEqualTo("(2, 3)");
        assertThatThrownBy(() -> header(entry(4, 0, dict, null, 48)))
                .isInstanceOf(ModelFileException.class)
                .hasMessage("x.npy has NPY version 4.0; bp reads versions 1.0, 2.0 and 3.0");
        assertThatThrownBy(() -> header(entry(1, 1, dict, null, 48))).hasMessageContaining("NPY version 1.1;");
    }

    @Test
    void version3Headers_areUtf8_version1HeadersLatin1() {
        // "é" is C3 A9 in UTF-8, which Latin-1 reads as the two characters "Ã©"
        String dict = "{'descr': 'é', 'fortran_order': False, 'shape': (1,), }";

        assertThatThrownBy(() -> header(entry(3, 0, null, dict.getBytes(StandardCharsets.UTF_8), 8)))
                .hasMessageStartingWith("x.npy holds dtype 'é';");
        assertThatThrownBy(() -> header(entry(1, 0, null, dict.getBytes(StandardCharsets.UTF_8), 8)))
                .hasMessageStartingWith("x.npy holds dtype 'Ã©';");
    }

    @Test
    void spacesAroundEveryToken_areAllowed_asPythonAllows() throws IOException {
        Npy.Header header = header(
                entry(1, 0, " { 'descr' : '<f8' , 'fortran_order' : True , 'shape' : ( 109 , 2 ) } ", null, 1744));

        // 109 · 2 values of 8 bytes: 1744 bytes
        assertThat(header.rows()).isEqualTo(109);
        assertThat(header.cols()).isEqualTo(2);
        assertThat(header.fortran()).isTrue();
    }

    @Test
    void python2LongSuffixes_areRead() throws IOException {
        Npy.Header header =
                header(entry(1, 0, "{'descr': '<f8', 'fortran_order': False, 'shape': (2L, 3L), }", null, 48));

        assertThat(header.shapeText()).isEqualTo("(2, 3)");
    }

    @Test
    void dimensionsOf18Digits_reachTheShapeCheck_andOf19_areRefusedWhileParsing() {
        String eighteen = "100000000000000000";
        String nineteen = "1000000000000000000";

        assertThatThrownBy(() -> header("{'descr': '<f8', 'fortran_order': False, 'shape': (" + eighteen + ",), }"))
                .hasMessage("x.npy: the NPY header claims shape (" + eighteen + ",), with a dimension over 2147483647");
        assertThatThrownBy(() -> header("{'descr': '<f8', 'fortran_order': False, 'shape': (" + nineteen + ",), }"))
                .hasMessage("x.npy: the NPY header claims a dimension of " + nineteen + ", over 2147483647");
    }

    @Test
    void missingCommaBetweenEntries_isNamedWithItsPosition() {
        // the second quote of 'shape' would follow '<f8' at index 16
        assertThatThrownBy(() -> header("{'descr': '<f8' 'shape': (2, 3)}"))
                .isInstanceOf(ModelFileException.class)
                .hasMessage("x.npy has an unreadable NPY header (expected ',' or '}' at character 16):"
                        + " {'descr': '<f8' 'shape': (2, 3)}");
    }

    @Test
    void aBackslashAtTheStartOfAString_isRefusedAsAnEscape() {
        assertThatThrownBy(() -> header("{'descr': '\\x3cf8', 'fortran_order': False, 'shape': (1,), }"))
                .hasMessageContaining("(escapes in strings are not supported at character 10)");
    }

    @Test
    void aHeaderThatEndsInsideTheDict_isRefused() {
        assertThatThrownBy(() -> header("{'descr': '<f8'"))
                .isInstanceOf(ModelFileException.class)
                .hasMessage(
                        "x.npy has an unreadable NPY header (expected ',' or '}' at character 15): {'descr': '<f8'");
    }

    @Test
    void headersOver200Characters_areShownCut() {
        // an unreadable header of exactly 200 characters is shown whole; one of 201 is cut to its first 200
        String at200 = "{'descr' '<f8'" + "x".repeat(186);
        String at201 = at200 + "y";

        assertThat(at200).hasSize(200);
        assertThatThrownBy(() -> header(at200)).hasMessageEndingWith("): " + at200);
        assertThatThrownBy(() -> header(at201)).hasMessageEndingWith("): " + at200 + "...");
    }
}
