package dev.backprop.core.internal.backend;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;
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
    void everyRowIsComputedOnce_inChunksOfWholeTiles() {
        List<String> seen = Collections.synchronizedList(new ArrayList<>());
        AtomicInteger[] rowCounts = new AtomicInteger[100];
        for (int i = 0; i < rowCounts.length; i++) {
            rowCounts[i] = new AtomicInteger();
        }
        RowSplitter splitter = new RowSplitter(3);
        splitter.run(
                (from, to, part) -> {
                    assertThat(part).isBetween(0, 2);
                    seen.add(from + ".." + to);
                    for (int i = from; i < to; i++) {
                        rowCounts[i].incrementAndGet();
                    }
                },
                100,
                3,
                6);

        assertThat(rowCounts).allSatisfy(c -> assertThat(c.get()).isOne());
        // 3 threads × 4 = 12 chunks of 100 / 12 = 8.33 rows, each boundary the nearest multiple of 6 (by hand:
        // 8.33 → 6, 16.67 → 18, 25 → 24, 33.3 → 36, 41.7 → 42, 50 → 48, 58.3 → 60, 66.7 → 66, 75 → 78 (half
        // up), 83.3 → 84, 91.7 → 90)
        assertThat(seen)
                .containsExactlyInAnyOrder(
                        "0..6", "6..18", "18..24", "24..36", "36..42", "42..48", "48..60", "60..66", "66..78", "78..84",
                        "84..90", "90..100");
    }

    @Test
    void aWorkerHeldUpInItsFirstChunk_leavesTheOtherChunksToTheCaller() {
        CountDownLatch release = new CountDownLatch(1);
        AtomicInteger byCaller = new AtomicInteger();
        AtomicInteger byWorker = new AtomicInteger();
        RowSplitter splitter = new RowSplitter(2);
        // 2 threads × 4 = 8 chunks of 96 rows, 12 each with granule 6
        splitter.run(
                (from, to, part) -> {
                    if (part == 0) {
                        if (byCaller.incrementAndGet() == 7 || to == 96) {
                            release.countDown();
                        }
                    } else {
                        byWorker.incrementAndGet();
                        try {
                            // held until the caller has taken every other chunk (bounded, should it never come)
                            release.await(10, TimeUnit.SECONDS);
                        } catch (InterruptedException e) {
                            Thread.currentThread().interrupt();
                        }
                    }
                },
                96,
                2,
                6);

        assertThat(byWorker.get()).isLessThanOrEqualTo(1);
        assertThat(byCaller.get() + byWorker.get()).isEqualTo(8);
    }
}
