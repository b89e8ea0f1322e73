package dev.backprop.core.internal.backend;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import org.junit.jupiter.api.Test;

class RowSplitterTest {

    private static int[] boundaries(int count, int rows, int granule) {
        int[] b = new int[count + 1];
        for (int t = 0; t <= count; t++) {
            b[t] = RowSplitter.boundary(t, count, rows, granule);
        }
        return b;
    }

    @Test
    void boundaries_areTheNearestMultiplesOfTheGranule_toEqualShares() {
        // by hand: 100 rows / 2 = 50, nearest multiple of 6 is 48; 784 / 2 = 392, nearest multiple of 6 is 390
        assertThat(boundaries(2, 100, 6)).containsExactly(0, 48, 100);
        assertThat(boundaries(2, 784, 6)).containsExactly(0, 390, 784);
        // 128 / 3 = 42.67 and 85.33: nearest multiples of 6 are 42 and 84
        assertThat(boundaries(3, 128, 6)).containsExactly(0, 42, 84, 128);
        // granule 1: the nearest whole rows, 10 / 3 = 3.33 and 6.67
        assertThat(boundaries(3, 10, 1)).containsExactly(0, 3, 7, 10);
        // fewer rows than a granule per part: shares may be empty, never past the last row
        assertThat(boundaries(4, 7, 6)).containsExactly(0, 0, 6, 6, 7);
    }

    @Test
    void everyRowIsComputedOnce_byOneOfThePartsInOrder() {
        List<int[]> seen = Collections.synchronizedList(new ArrayList<>());
        RowSplitter splitter = new RowSplitter(3);
        splitter.run((from, to, part) -> seen.add(new int[] {from, to, part}), 100, 3, 6);

        int[] covered = new int[100];
        for (int[] range : seen) {
            for (int i = range[0]; i < range[1]; i++) {
                covered[i]++;
            }
        }
        assertThat(covered).containsOnly(1);
        // 100 / 3 = 33.3 and 66.7: nearest multiples of 6 are 36 and 66
        assertThat(seen)
                .extracting(r -> r[0] + ".." + r[1] + " part " + r[2])
                .containsExactlyInAnyOrder("0..36 part 0", "36..66 part 1", "66..100 part 2");
    }
}
