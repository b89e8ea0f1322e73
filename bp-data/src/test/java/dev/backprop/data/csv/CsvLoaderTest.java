package dev.backprop.data.csv;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.backprop.data.LabeledDataset;
import dev.backprop.data.encoding.LabelEncoder;
import java.io.ByteArrayInputStream;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.zip.GZIPOutputStream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class CsvLoaderTest {

    private static final String IRIS_HEAD = """
            150,4,setosa,versicolor,virginica
            5.1,3.5,1.4,0.2,0
            7.0,3.2,4.7,1.4,1
            6.3,3.3,6.0,2.5,2
            """;

    private static InputStream text(String s) {
        return new ByteArrayInputStream(s.getBytes(StandardCharsets.UTF_8));
    }

    @Test
    void load_headerAndTargetColumn_splitsFeaturesAndTargets() {
        CsvData data = CsvLoader.builder().header(true).targetColumns(4).build().load(text(IRIS_HEAD), "iris.csv");
        assertThat(data.header()).containsExactly("150", "4", "setosa", "versicolor", "virginica");
        assertThat(data.dataset().size()).isEqualTo(3);
        // by hand: the first four cells of each line, then the fifth
        assertThat(data.dataset().features().data)
                .containsExactly(5.1, 3.5, 1.4, 0.2, 7.0, 3.2, 4.7, 1.4, 6.3, 3.3, 6.0, 2.5);
        assertThat(data.dataset().targets().data).containsExactly(0.0, 1.0, 2.0);
        assertThat(data.labelEncoder()).isEmpty();
    }

    @Test
    void load_noHeaderSemicolonAndSeveralTargets_keepsTargetOrder() {
        String csv = "1;2;3;4\n5;6;7;8\n";
        CsvData data =
                CsvLoader.builder().delimiter(';').targetColumns(3, 0).build().load(text(csv), "t.csv");
        // by hand: features are columns 1, 2; targets columns 3 then 0
        assertThat(data.dataset().features().data).containsExactly(2, 3, 6, 7);
        assertThat(data.dataset().targets().data).containsExactly(4, 1, 8, 5);
        assertThat(data.header()).isEmpty();
    }

    @Test
    void load_numberForms_parsedWithoutLocale() {
        String csv = "-1.5,.5,2e-3,+4.,1E2,0\n";
        CsvData data = CsvLoader.builder().targetColumns(5).build().load(text(csv), "n.csv");
        // by hand: the decimal values of the cells
        assertThat(data.dataset().features().data).containsExactly(-1.5, 0.5, 0.002, 4.0, 100.0);
    }

    @Test
    void load_labelColumnOfNames_mapsToIndicesInOrderOfFirstAppearance() {
        String csv = "sepal,petal,species\n1,2,virginica\n3,4,setosa\n5,6,virginica\n";
        CsvData data = CsvLoader.builder().header(true).labelColumn(2).build().load(text(csv), "s.csv");
        // by hand: virginica appears first (0), then setosa (1)
        assertThat(data.dataset().targets().data).containsExactly(0, 1, 0);
        LabeledDataset labeled = data.labeled();
        assertThat(labeled.classNames()).containsExactly("virginica", "setosa");
    }

    @Test
    void load_labelColumnWithGivenEncoder_usesItsOrder() {
        String csv = "1,virginica\n2,setosa\n";
        CsvData data = CsvLoader.builder()
                .labelColumn(1)
                .labelEncoder(LabelEncoder.of("setosa", "versicolor", "virginica"))
                .build()
                .load(text(csv), "s.csv");
        // by hand: virginica = 2, setosa = 0 in the given order
        assertThat(data.dataset().targets().data).containsExactly(2, 0);
        assertThat(data.labeled().classCount()).isEqualTo(3);
    }

    @Test
    void load_unknownClassName_failsWithLineAndColumn() {
        String csv = "1,setosa\n2,virginca\n";
        CsvLoader loader = CsvLoader.builder()
                .labelColumn(1)
                .labelEncoder(LabelEncoder.of("setosa", "virginica"))
                .build();
        assertThatThrownBy(() -> loader.load(text(csv), "iris.csv"))
                .hasMessageContaining("iris.csv line 2, column 2: unknown class name 'virginca'");
    }

    @Test
    void load_nonNumericCell_failsWithFileLineAndColumn() {
        String csv = IRIS_HEAD + "5.0,abc,1.0,0.1,0\n";
        CsvLoader loader = CsvLoader.builder().header(true).targetColumns(4).build();
        assertThatThrownBy(() -> loader.load(text(csv), "iris.csv"))
                .isInstanceOf(IllegalArgumentException.class)
                .hasMessage("iris.csv line 5, column 2: 'abc' is not a number");
    }

    @Test
    void load_decimalComma_isNotANumber() {
        String csv = "1,5;2\n";
        CsvLoader loader = CsvLoader.builder().delimiter(';').targetColumns(1).build();
        assertThatThrownBy(() -> loader.load(text(csv), "de.csv"))
                .hasMessageContaining("de.csv line 1, column 1: '1,5' is not a number");
    }

    @Test
    void load_nanOrInfinity_isNotANumber() {
        CsvLoader loader = CsvLoader.builder().targetColumns(1).build();
        assertThatThrownBy(() -> loader.load(text("NaN,1\n"), "x.csv"))
                .hasMessageContaining("line 1, column 1: 'NaN' is not a number");
        assertThatThrownBy(() -> loader.load(text("1,Infinity\n"), "x.csv"))
                .hasMessageContaining("line 1, column 2: 'Infinity' is not a number");
    }

    @Test
    void load_missingValue_failsWithLineAndColumn() {
        CsvLoader loader = CsvLoader.builder().targetColumns(2).build();
        assertThatThrownBy(() -> loader.load(text("1,2,3\n4,,6\n"), "m.csv"))
                .hasMessageContaining("m.csv line 2, column 2: the value is missing");
    }

    @Test
    void load_raggedRow_failsNamingCounts() {
        String csv = IRIS_HEAD + "5.0,3.0,1.0,0\n";
        CsvLoader loader = CsvLoader.builder().header(true).targetColumns(4).build();
        assertThatThrownBy(() -> loader.load(text(csv), "iris.csv"))
                .hasMessageContaining("iris.csv line 5 has 4 columns, expected 5");
    }

    @Test
    void load_raggedRowWithoutHeader_namesTheFirstLine() {
        CsvLoader loader = CsvLoader.builder().targetColumns(0).build();
        assertThatThrownBy(() -> loader.load(text("1,2\n3,4\n5,6,7\n"), "r.csv"))
                .hasMessage("r.csv line 3 has 3 columns, expected 2 as in line 1");
    }

    @Test
    void load_targetColumnBeyondWidth_fails() {
        CsvLoader loader = CsvLoader.builder().targetColumns(7).build();
        assertThatThrownBy(() -> loader.load(text("1,2,3\n"), "w.csv"))
                .hasMessageContaining("target column index 7 is outside the 3 columns of w.csv");
    }

    @Test
    void load_blankLinesAndCrLf_areSkipped() {
        CsvData data = CsvLoader.builder().targetColumns(1).build().load(text("1,2\r\n\r\n3,4\r\n\n"), "b.csv");
        // by hand: two rows, (1 | 2) and (3 | 4)
        assertThat(data.dataset().features().data).containsExactly(1, 3);
        assertThat(data.dataset().targets().data).containsExactly(2, 4);
    }

    @Test
    void load_headerOnly_failsNoRows() {
        CsvLoader loader = CsvLoader.builder().header(true).targetColumns(0).build();
        assertThatThrownBy(() -> loader.load(text("a,b\n"), "h.csv")).hasMessageContaining("h.csv has no data rows");
    }

    @Test
    void load_gzipFile_detectedByMagicAndNamedInErrors(@TempDir Path dir) throws IOException {
        ByteArrayOutputStream bytes = new ByteArrayOutputStream();
        try (GZIPOutputStream gz = new GZIPOutputStream(bytes)) {
            gz.write("1,2,3\n4,5,x\n".getBytes(StandardCharsets.UTF_8));
        }
        Path good = dir.resolve("digits.csv.gz");
        Files.write(good, bytes.toByteArray());
        CsvLoader loader = CsvLoader.builder().targetColumns(2).build();
        assertThatThrownBy(() -> loader.load(good)).hasMessage("digits.csv.gz line 2, column 3: 'x' is not a number");
        Path plain = dir.resolve("plain.txt");
        Files.writeString(plain, "1,2,3\n");
        // by hand: one row, features (1, 2), target 3
        assertThat(loader.load(plain).dataset().targets().data).containsExactly(3.0);
    }

    @Test
    void builder_noTargets_fails() {
        assertThatThrownBy(() -> CsvLoader.builder().build()).hasMessageContaining("targetColumns");
    }

    @Test
    void builder_repeatedTargetColumn_fails() {
        assertThatThrownBy(() -> CsvLoader.builder().targetColumns(1, 1)).hasMessageContaining("1 is given twice");
    }

    @Test
    void load_quotedCellsBomAndAutoHeader_withALabelColumn() {
        String csv = "\uFEFFsl,sw,species\r\n\"5.1\",\"3.5\",\"setosa\"\r\n6.0,2.2,virginica\r\n";
        CsvData data = CsvLoader.builder()
                .header(HeaderMode.AUTO)
                .labelColumn(2)
                .build()
                .load(text(csv), "iris.csv");

        // by hand: the header is the first line (no cell a number), the BOM is not part of "sl"
        assertThat(data.header()).containsExactly("sl", "sw", "species");
        assertThat(data.dataset().features().data).containsExactly(5.1, 3.5, 6.0, 2.2);
        assertThat(data.dataset().targets().data).containsExactly(0.0, 1.0);
    }

    @Test
    void load_autoHeader_refusesAFirstRowWithATypo() {
        CsvLoader loader =
                CsvLoader.builder().header(HeaderMode.AUTO).targetColumns(3).build();

        assertThatThrownBy(() -> loader.load(text("5.1,3.5,abc,0.2\n4.9,3.0,1.4,0.2\n"), "t.csv"))
                .hasMessageStartingWith("t.csv line 1 is neither a header");
    }
}
