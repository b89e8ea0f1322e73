package dev.backprop.data.csv;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.io.ByteArrayInputStream;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** Every expected row and line number here was read off the test's own input text by hand. */
class CsvReaderTest {

    private static InputStream utf8(String s) {
        return new ByteArrayInputStream(s.getBytes(StandardCharsets.UTF_8));
    }

    private static CsvReader auto() {
        return CsvReader.builder().build();
    }

    private static List<List<String>> cells(CsvTable table) {
        return table.rows().stream().map(CsvRow::cells).toList();
    }

    private static List<Long> lines(CsvTable table) {
        return table.rows().stream().map(CsvRow::line).toList();
    }

    @Test
    void quotedFields_areUnquoted_asRfc4180Says() {
        CsvTable t = auto().read(utf8("\"5.1\",\"3.5\"\n\"1,5\",\"say \"\"hi\"\"\"\n"), "q.csv");

        assertThat(cells(t)).containsExactly(List.of("5.1", "3.5"), List.of("1,5", "say \"hi\""));
    }

    @Test
    void byteOrderMark_isDropped_andTheFirstRowStaysData() {
        CsvTable t = auto().read(utf8("\uFEFF5.1,3.5\n4.9,3.0\n"), "bom.csv");

        assertThat(cells(t)).containsExactly(List.of("5.1", "3.5"), List.of("4.9", "3.0"));
        assertThat(lines(t)).containsExactly(1L, 2L);
    }

    @Test
    void crlfAndBlankLines_keepTheFileLineNumbers() {
        CsvTable t = auto().read(utf8("a,b\r\n\r\n1,2\r\n   \r\n3,4\r\n"), "crlf.csv");

        assertThat(t.header()).containsExactly("a", "b");
        // line 1 header, 2 blank, 3 data, 4 spaces, 5 data
        assertThat(lines(t)).containsExactly(3L, 5L);
    }

    @Test
    void quotedLineBreak_rowKeepsTheLineItStartsOn() {
        CsvTable t = CsvReader.builder().header(HeaderMode.NO).build().read(utf8("1,\"two\nlines\"\n3,x\n"), "ml.csv");

        assertThat(lines(t)).containsExactly(1L, 3L);
    }

    @Test
    void autoHeader_firstRowMixingNumbersAndWords_isRefusedNamingIt() {
        // the typo: 5.1,3.5,abc,0.2 must not be dropped as a "header"
        assertThatThrownBy(() -> auto().read(utf8("5.1,3.5,abc,0.2\n4.9,3.0,1.4,0.2\n"), "typo.csv"))
                .isInstanceOf(IllegalArgumentException.class)
                .hasMessage("typo.csv line 1 is neither a header (no cell a number) nor a data row (every cell a"
                        + " number): column 3 is not a number, 'abc'. Say whether the file has a header (header yes"
                        + " or no), or correct the row.");
    }

    @Test
    void autoHeader_textColumnsDoNotCount() {
        CsvTable t = CsvReader.builder()
                .textColumns(2)
                .build()
                .read(utf8("5.1,3.5,setosa\n6.0,2.2,virginica\n"), "iris.csv");

        assertThat(t.header()).isEmpty();
        assertThat(t.rows()).hasSize(2);
    }

    @Test
    void headerWiderThanTheData_isRefusedNamingBothLines() {
        assertThatThrownBy(() -> auto().read(utf8("a,b,c\n1,2\n"), "w.csv"))
                .hasMessage("w.csv line 2 has 2 columns, expected 3 as in the header (line 1)");
    }

    @Test
    void skipByName_dropsTheLabelColumn() {
        CsvTable t = CsvReader.builder()
                .skip(List.of("species"))
                .build()
                .read(utf8("sl,sw,species\n5.1,3.5,setosa\n"), "l.csv");

        assertThat(t.header()).containsExactly("sl", "sw");
        assertThat(t.columns()).containsExactly(1, 2);
        assertThat(cells(t)).containsExactly(List.of("5.1", "3.5"));
    }

    @Test
    void selectByPosition_keepsTheGivenOrder_withoutAHeader() {
        CsvTable t = CsvReader.builder().select(List.of("3", "1")).build().read(utf8("1,x,3\n4,y,6\n"), "p.csv");

        assertThat(t.columns()).containsExactly(3, 1);
        assertThat(cells(t)).containsExactly(List.of("3", "1"), List.of("6", "4"));
    }

    @Test
    void unknownColumnName_isRefusedShowingTheHeader() {
        assertThatThrownBy(
                        () -> CsvReader.builder().skip(List.of("label")).build().read(utf8("a,b\n1,2\n"), "n.csv"))
                .hasMessage("column 'label' is not in the header of n.csv (line 1): 'a,b'");
        assertThatThrownBy(() -> CsvReader.builder().skip(List.of("4")).build().read(utf8("1,2\n"), "n.csv"))
                .hasMessage("column 4 is not in n.csv, whose line 1 has columns 1 to 2");
    }

    @Test
    void latin1Bytes_inAUtf8File_nameFileLineAndEncoding() {
        byte[] bytes = "a,b\n1,2\ncaf\u00e9,3\n".getBytes(StandardCharsets.ISO_8859_1);

        // é is the single byte 0xE9 in Latin-1, at byte 12 of the file (a,b\n = 4, 1,2\n = 4, caf = 3, then é)
        assertThatThrownBy(() -> CsvReader.builder()
                        .header(HeaderMode.YES)
                        .build()
                        .read(new ByteArrayInputStream(bytes), "latin1.csv"))
                .isInstanceOf(IllegalArgumentException.class)
                .hasMessageStartingWith(
                        "latin1.csv line 3: bytes 0xE9 at byte 12 are not valid UTF-8, the encoding" + " expected");
    }

    @Test
    void utf16File_isNamedAsSuch() {
        byte[] bytes = "\uFEFF1,2\n".getBytes(StandardCharsets.UTF_16LE);

        assertThatThrownBy(() -> auto().read(new ByteArrayInputStream(bytes), "u16.csv"))
                .hasMessageStartingWith("u16.csv line 1: bytes 0xFF at byte 1 are not valid UTF-8")
                .hasMessageEndingWith("The file starts with a UTF-16 byte-order mark: save it as UTF-8.");
    }

    @Test
    void latin1File_readsWhenTheCharsetIsGiven(@TempDir Path dir) throws Exception {
        Path file = dir.resolve("l1.csv");
        Files.write(file, "name,x\ncaf\u00e9,1\n".getBytes(StandardCharsets.ISO_8859_1));

        CsvTable t = CsvReader.builder()
                .charset(StandardCharsets.ISO_8859_1)
                .header(HeaderMode.YES)
                .build()
                .read(file);

        assertThat(cells(t)).containsExactly(List.of("caf\u00e9", "1"));
    }

    @Test
    void missingFile_isNamed(@TempDir Path dir) {
        Path file = dir.resolve("none.csv");

        assertThatThrownBy(() -> auto().read(file)).hasMessage("input file " + file + " does not exist");
    }

    @Test
    void largeFile_withMultiByteCharactersAcrossBuffers_keepsValuesAndLineNumbers() {
        StringBuilder text = new StringBuilder("name,x\n");
        for (int i = 0; i < 5000; i++) {
            text.append("caf\u00e9,").append(i).append('\n');
        }
        // 5000 rows of 2-byte é: 45 KB of UTF-8, several 16 KB decoding buffers
        CsvTable t = CsvReader.builder().header(HeaderMode.YES).build().read(utf8(text.toString()), "big.csv");

        assertThat(t.rows()).hasSize(5000);
        assertThat(t.rows().get(4999).cells()).containsExactly("caf\u00e9", "4999");
        // the header is line 1, so row i is on line i + 2
        assertThat(t.rows().get(4999).line()).isEqualTo(5001L);
        assertThat(t.rows().get(2500).line()).isEqualTo(2502L);
    }

    @Test
    void badByteDeepInALargeFile_isNamedWithItsLine() {
        StringBuilder text = new StringBuilder();
        for (int i = 0; i < 4000; i++) {
            text.append(i).append(",1\n");
        }
        byte[] good = text.toString().getBytes(StandardCharsets.UTF_8);
        byte[] bytes = java.util.Arrays.copyOf(good, good.length + 3);
        bytes[good.length] = '7';
        bytes[good.length + 1] = (byte) 0xFF; // never valid in UTF-8
        bytes[good.length + 2] = '\n';

        // 4000 good lines, so the bad byte is on line 4001, right after its '7'
        assertThatThrownBy(() -> auto().read(new ByteArrayInputStream(bytes), "deep.csv"))
                .hasMessageStartingWith("deep.csv line 4001: bytes 0xFF at byte " + (good.length + 2));
    }
}
