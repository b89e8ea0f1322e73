package dev.backprop.examples.support;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import org.ejml.data.DMatrixRMaj;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class InputRowsTest {

    @Test
    void headerAndBlankLines_areSkipped(@TempDir Path dir) throws IOException {
        Path csv = dir.resolve("in.csv");
        Files.writeString(csv, "a,b\n1,2\n\n 3.5 , -4e-1\n");
        DMatrixRMaj x = InputRows.read(csv, 2).values();
        assertThat(x.numRows).isEqualTo(2);
        assertThat(x.data).startsWith(1, 2, 3.5, -0.4);
        // the header is line 1, a blank line 3: the rows are lines 2 and 4
        assertThat(InputRows.read(csv, 2).lines()).containsExactly(2, 4);
    }

    @Test
    void badValue_namesLineColumnAndText(@TempDir Path dir) throws IOException {
        Path csv = dir.resolve("in.csv");
        Files.writeString(csv, "1,2\n3,x\n");
        assertThatThrownBy(() -> InputRows.read(csv, 2))
                .isInstanceOf(IllegalArgumentException.class)
                .hasMessage(csv + " line 2, column 2: 'x' is not a number");
        Files.writeString(csv, "1,NaN\n");
        assertThatThrownBy(() -> InputRows.read(csv, 2))
                .hasMessage(csv + " line 1, column 2: NaN is not a finite" + " number");
    }

    @Test
    void wrongCountEmptyFileAndMissingFile_areRefused(@TempDir Path dir) throws IOException {
        Path csv = dir.resolve("in.csv");
        Files.writeString(csv, "1,2,3\n");
        assertThatThrownBy(() -> InputRows.read(csv, 2))
                .hasMessageStartingWith(csv + " line 1 has 3 values but the model" + " takes 2 inputs; leave out");
        Files.writeString(csv, "x,y\n\n");
        assertThatThrownBy(() -> InputRows.read(csv, 2)).hasMessage(csv + " has no rows to predict after its header");
        assertThatThrownBy(() -> InputRows.read(dir.resolve("none.csv"), 2))
                .isInstanceOf(UncheckedIOException.class)
                .hasMessage("input file " + dir.resolve("none.csv") + " does not exist");
    }
}
