package dev.backprop.core.internal.backend;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.assertj.core.api.Assertions.within;

import dev.backprop.core.random.Rng;
import dev.backprop.core.spi.MatrixBackend;
import java.lang.management.ManagementFactory;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.TimeUnit;
import java.util.stream.Stream;
import org.ejml.data.DMatrixRMaj;
import org.junit.jupiter.api.Assumptions;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.CsvSource;
import org.junit.jupiter.params.provider.MethodSource;
import org.junit.jupiter.params.provider.ValueSource;

class EjmlBackendTest {

    private static DMatrixRMaj random(int rows, int cols, long seed) {
        Rng rng = new Rng(seed);
        DMatrixRMaj m = new DMatrixRMaj(rows, cols);
        for (int i = 0; i < m.data.length; i++) {
            m.data[i] = 2 * rng.nextDouble() - 1;
        }
        return m;
    }

    /** The definition, summed one term at a time: C[i][j] = Σ_p op(A)[i][p] op(B)[p][j]. */
    private static DMatrixRMaj reference(DMatrixRMaj a, boolean transA, DMatrixRMaj b, boolean transB) {
        return definition(a, transA, b, transB, false);
    }

    /** C[i][j] = Σ_p op(A)[i][p] op(B)[p][j], p ascending, each term added (or fused) into the sum in turn. */
    private static DMatrixRMaj definition(DMatrixRMaj a, boolean transA, DMatrixRMaj b, boolean transB, boolean fused) {
        int m = transA ? a.numCols : a.numRows;
        int k = transA ? a.numRows : a.numCols;
        int n = transB ? b.numRows : b.numCols;
        DMatrixRMaj c = new DMatrixRMaj(m, n);
        for (int i = 0; i < m; i++) {
            for (int j = 0; j < n; j++) {
                double sum = 0;
                for (int p = 0; p < k; p++) {
                    double x = transA ? a.get(p, i) : a.get(i, p);
                    double y = transB ? b.get(j, p) : b.get(p, j);
                    sum = fused ? Math.fma(x, y, sum) : sum + x * y;
                }
                c.set(i, j, sum);
            }
        }
        return c;
    }

    @Test
    void products_ofATwoByTwoExample_matchHandComputedValues() {
        EjmlBackend backend = new EjmlBackend(1);
        DMatrixRMaj a = new DMatrixRMaj(new double[][] {{1, 2}, {3, 4}});
        DMatrixRMaj b = new DMatrixRMaj(new double[][] {{5, 6}, {7, 8}});
        DMatrixRMaj c = new DMatrixRMaj(1, 1);

        backend.mult(a, b, c);
        // by hand: [[1·5+2·7, 1·6+2·8], [3·5+4·7, 3·6+4·8]]
        assertThat(c.data).containsExactly(19, 22, 43, 50);
        backend.multTransA(a, b, c);
        // by hand: [[1·5+3·7, 1·6+3·8], [2·5+4·7, 2·6+4·8]]
        assertThat(c.data).containsExactly(26, 30, 38, 44);
        backend.multTransB(a, b, c);
        // by hand: [[1·5+2·6, 1·7+2·8], [3·5+4·6, 3·7+4·8]]
        assertThat(c.data).containsExactly(17, 23, 39, 53);
    }

    static Stream<Arguments> shapes() {
        // m, k, n: edge shapes (1 × n, n × 1, k below and around the unroll of 4, odd row counts) and one large
        // enough to be split between threads
        return Stream.of(
                Arguments.of(1, 1, 1),
                Arguments.of(1, 7, 5),
                Arguments.of(6, 3, 1),
                Arguments.of(5, 1, 9),
                Arguments.of(3, 4, 2),
                Arguments.of(7, 5, 6),
                Arguments.of(2, 9, 1),
                Arguments.of(1, 13, 1),
                Arguments.of(33, 17, 12),
                Arguments.of(67, 71, 65),
                Arguments.of(300, 101, 10));
    }

    @ParameterizedTest(name = "{0}x{1} times {1}x{2}")
    @MethodSource("shapes")
    void everyProduct_onEdgeAndLargeShapes_matchesTheDefinitionTo1e12(int m, int k, int n) {
        long seed = 31L * m + 7L * k + n;
        DMatrixRMaj a = random(m, k, seed);
        DMatrixRMaj b = random(k, n, seed + 1);
        DMatrixRMaj at = random(k, m, seed + 2);
        DMatrixRMaj bt = random(n, k, seed + 3);
        for (int threads = 1; threads <= 3; threads++) {
            EjmlBackend backend = new EjmlBackend(threads);
            DMatrixRMaj c = new DMatrixRMaj(2, 2);

            backend.mult(a, b, c);
            // reference: the definition C = A B summed term by term
            assertThat(c.numRows).isEqualTo(m);
            assertThat(c.numCols).isEqualTo(n);
            assertClose(c, reference(a, false, b, false));
            backend.multTransA(at, b, c);
            assertClose(c, reference(at, true, b, false));
            backend.multTransB(a, bt, c);
            assertClose(c, reference(a, false, bt, true));
        }
    }

    private static void assertClose(DMatrixRMaj actual, DMatrixRMaj expected) {
        assertThat(actual.numRows).isEqualTo(expected.numRows);
        assertThat(actual.numCols).isEqualTo(expected.numCols);
        assertThat(actual.getNumElements()).isEqualTo(expected.getNumElements());
        for (int i = 0; i < expected.getNumElements(); i++) {
            assertThat(actual.data[i]).as("entry %d", i).isCloseTo(expected.data[i], within(1e-12));
        }
    }

    /**
     * The order the kernels document, written out: {@code y = 0}, then {@code y = fma(a_p, b_p, y)} for
     * {@code p = 0 … k−1}.
     */
    private static DMatrixRMaj fmaChain(DMatrixRMaj a, boolean transA, DMatrixRMaj b, boolean transB) {
        return definition(a, transA, b, transB, true);
    }

    @ParameterizedTest(name = "Vector API {0}")
    @ValueSource(booleans = {false, true})
    void everyTileAndTailOfTheKernels_sumsEachEntryAsOneFusedMultiplyAddChain_bitForBit(boolean vectorApi) {
        Assumptions.assumeTrue(!vectorApi || EjmlBackend.vectorApiPresent(), "jdk.incubator.vector is absent");
        EjmlBackend backend = new EjmlBackend(1, vectorApi);
        // rows: in tiles of six, one of four, and up to three alone; columns: around one, four and eight vectors
        // of 4 (AVX2) or 8 (AVX-512) lanes, and the transposed orientation (fewer than 32 columns, more rows);
        // k = 130 crosses a block of 128 rows of R read in place, and two gathered panels of 64; k = 0 sums
        // nothing, so every entry is 0
        int[] rows = {1, 2, 3, 4, 5, 6, 7, 9, 10, 11, 12, 13, 17, 40};
        int[] cols = {1, 3, 4, 5, 8, 9, 12, 16, 17, 24, 31, 32, 33, 40, 48, 64, 65, 72, 100, 130};
        int[] inner = {0, 3, 130};
        for (int m : rows) {
            for (int n : cols) {
                for (int k : inner) {
                    long seed = 1000L * m + 10L * n + k;
                    DMatrixRMaj a = random(m, k, seed);
                    DMatrixRMaj b = random(k, n, seed + 1);
                    DMatrixRMaj at = random(k, m, seed + 2);
                    DMatrixRMaj bt = random(n, k, seed + 3);
                    DMatrixRMaj[] actual = products(backend, a, b, at, bt);
                    DMatrixRMaj[] expected = {
                        fmaChain(a, false, b, false), fmaChain(at, true, b, false), fmaChain(a, false, bt, true)
                    };
                    for (int i = 0; i < 3; i++) {
                        assertThat(actual[i].numRows).isEqualTo(expected[i].numRows);
                        assertThat(actual[i].numCols).isEqualTo(expected[i].numCols);
                        assertThat(actual[i].data)
                                .as("%dx%d times %dx%d, product %d", m, k, k, n, i)
                                .startsWith(expected[i].data);
                    }
                }
            }
        }
    }

    @ParameterizedTest(name = "{0}x{1} times {1}x{2}, Vector API {3}")
    @CsvSource({"96, 200, 130, false", "96, 200, 130, true", "1000, 200, 10, false", "1000, 200, 10, true"})
    void splittingAProductBetweenThreads_givesBitIdenticalResults(int m, int k, int n, boolean vectorApi) {
        // m·k·n = 2,496,000 and 2,000,000 multiply-adds, at least 3 times PARALLEL_WORK = 524,288, so each product
        // is split between 2 to 4 threads: by rows, except A Bᵀ with 130 columns on the Vector API kernel, whose
        // columns are split (in panels of four vectors); with 10 columns, the rows of Cᵀ are split
        DMatrixRMaj a = random(m, k, 1);
        DMatrixRMaj b = random(k, n, 2);
        DMatrixRMaj at = random(k, m, 3);
        DMatrixRMaj bt = random(n, k, 4);
        DMatrixRMaj[] single = products(new EjmlBackend(1, vectorApi), a, b, at, bt);
        // reference: the definition, summed term by term
        assertClose(single[0], reference(a, false, b, false));
        assertClose(single[1], reference(at, true, b, false));
        assertClose(single[2], reference(a, false, bt, true));
        for (int threads = 2; threads <= 4; threads++) {
            DMatrixRMaj[] split = products(new EjmlBackend(threads, vectorApi), a, b, at, bt);
            for (int i = 0; i < single.length; i++) {
                assertThat(split[i].data)
                        .as("%d threads, product %d", threads, i)
                        .containsExactly(single[i].data);
            }
        }
    }

    private static DMatrixRMaj[] products(
            EjmlBackend backend, DMatrixRMaj a, DMatrixRMaj b, DMatrixRMaj at, DMatrixRMaj bt) {
        // outputs that already hold numbers, as a network's reused workspaces do: every entry must be overwritten
        DMatrixRMaj[] out = {stale(a.numRows, b.numCols), stale(at.numCols, b.numCols), stale(a.numRows, bt.numRows)};
        backend.mult(a, b, out[0]);
        backend.multTransA(at, b, out[1]);
        backend.multTransB(a, bt, out[2]);
        return out;
    }

    /** A matrix of the given shape full of NaN. */
    private static DMatrixRMaj stale(int rows, int cols) {
        DMatrixRMaj m = new DMatrixRMaj(rows, cols);
        Arrays.fill(m.data, Double.NaN);
        return m;
    }

    @ParameterizedTest(name = "{0}x{1} times {1}x{2}")
    @MethodSource("shapes")
    void vectorApiAndPlainLoopKernels_giveBitIdenticalResults(int m, int k, int n) {
        // the build's tests run with --add-modules jdk.incubator.vector; elsewhere there is only one kernel
        Assumptions.assumeTrue(EjmlBackend.vectorApiPresent(), "jdk.incubator.vector is not in the boot layer");
        long seed = 17L * m + 5L * k + n;
        DMatrixRMaj a = random(m, k, seed);
        DMatrixRMaj b = random(k, n, seed + 1);
        DMatrixRMaj at = random(k, m, seed + 2);
        DMatrixRMaj bt = random(n, k, seed + 3);
        EjmlBackend plain = new EjmlBackend(1, false);
        assertThat(plain.usesVectorApi()).isFalse();
        // the plain loops are themselves checked against the definition above; both sum each entry in one order
        DMatrixRMaj[] expected = products(plain, a, b, at, bt);
        for (int threads = 1; threads <= 3; threads++) {
            EjmlBackend vector = new EjmlBackend(threads, true);
            assertThat(vector.usesVectorApi()).isTrue();
            DMatrixRMaj[] actual = products(vector, a, b, at, bt);
            for (int i = 0; i < expected.length; i++) {
                assertThat(actual[i].numRows).isEqualTo(expected[i].numRows);
                assertThat(actual[i].numCols).isEqualTo(expected[i].numCols);
                assertThat(actual[i].data)
                        .as("%d threads, product %d", threads, i)
                        .startsWith(Arrays.copyOf(expected[i].data, expected[i].getNumElements()));
            }
        }
    }

    @ParameterizedTest(name = "Vector API {0}")
    @ValueSource(booleans = {false, true})
    void scratchMemoryOfABatchOfOne_isBoundedByTheWidths_notTheWeights(boolean vectorApi) {
        int in = 1000;
        int out = 600;
        EjmlProducts products = (EjmlProducts) new EjmlBackend(1, vectorApi).confined();
        DMatrixRMaj x = random(1, in, 1);
        DMatrixRMaj w = random(in, out, 2);
        DMatrixRMaj z = new DMatrixRMaj(1, 1);
        DMatrixRMaj dz = random(1, out, 3);
        DMatrixRMaj dw = new DMatrixRMaj(1, 1);
        DMatrixRMaj dx = new DMatrixRMaj(1, 1);

        // Z = X W, dW = Xᵀ dZ, dX = dZ Wᵀ: one training step of a layer at batch 1
        products.mult(x, w, z);
        products.multTransA(x, dz, dw);
        products.multTransB(dz, w, dx);

        assertClose(z, reference(x, false, w, false));
        assertClose(dw, reference(x, true, dz, false));
        assertClose(dx, reference(dz, false, w, true));
        // by the kernels' design: a block of at most max(4, 2048/len) rows of R and a chunk of at most
        // max(1, 32768/len) accumulator rows, each of len ≤ max(in, out) entries: about 32768 + 2048 + 4·len
        // doubles, against in·out = 600,000 for a copy of W
        assertThat(products.scratchDoubles()).isLessThan(40_000L + 8L * Math.max(in, out));
        // exactly, by the same design, for the widest row (dX, len = 1000; Z and dW have 600): the plain loops
        // keep a block of max(4, (2048 / 1000) rounded down to a multiple of 4) = 4 rows and a chunk of
        // 32768 / 1000 = 32 accumulator rows, 36 · 1000 doubles; the Vector API kernel reads everything in place
        // when the output has fewer than 4 rows (dX's entries are dot products of dZ with the rows of W) and
        // keeps no scratch at all
        boolean vectors = new EjmlBackend(1, vectorApi).usesVectorApi();
        assertThat(products.scratchDoubles()).isEqualTo(vectors ? 0L : 36000L);
    }

    @Test
    void confinedView_isNamedAndDescribedAsItsBackend() {
        EjmlBackend backend = new EjmlBackend(2, false);
        MatrixBackend confined = backend.confined();

        assertThat(confined.name()).isEqualTo("ejml");
        assertThat(confined.description()).isEqualTo("pure Java on EJML matrices, 2 threads, plain loops");
        assertThat(confined.toString())
                .isEqualTo("ejml (pure Java on EJML matrices, 2 threads, plain loops), confined");
        assertThat(confined.confined()).isInstanceOf(EjmlProducts.class).isNotSameAs(confined);
    }

    @Test
    void oneBackendCalledFromFourThreadsAtOnce_givesEachTheDefinitionsResult() throws Exception {
        EjmlBackend shared = new EjmlBackend(2);
        int threads = 4;
        DMatrixRMaj[] a = new DMatrixRMaj[threads];
        DMatrixRMaj[] b = new DMatrixRMaj[threads];
        DMatrixRMaj[] expected = new DMatrixRMaj[threads];
        for (int t = 0; t < threads; t++) {
            // different shapes per thread, so that a shared workspace would corrupt them
            a[t] = random(40 + 7 * t, 90 + t, 10 + t);
            b[t] = random(90 + t, 60 - 5 * t, 20 + t);
            expected[t] = reference(a[t], false, b[t], false);
        }
        ExecutorService pool = Executors.newFixedThreadPool(threads);
        try {
            List<Future<DMatrixRMaj>> results = new ArrayList<>();
            for (int t = 0; t < threads; t++) {
                int i = t;
                results.add(pool.submit(() -> {
                    DMatrixRMaj c = new DMatrixRMaj(1, 1);
                    for (int rep = 0; rep < 200; rep++) {
                        shared.mult(a[i], b[i], c);
                    }
                    return c;
                }));
            }
            for (int t = 0; t < threads; t++) {
                assertClose(results.get(t).get(1, TimeUnit.MINUTES), expected[t]);
            }
        } finally {
            pool.shutdownNow();
        }
    }

    @Test
    void vectorApiModuleInTheBootLayer_isUsed_andDescribed() {
        // the build's tests run with --add-modules jdk.incubator.vector; elsewhere there is nothing to check
        Assumptions.assumeTrue(
                ModuleLayer.boot().findModule("jdk.incubator.vector").isPresent(),
                "jdk.incubator.vector is not in the boot layer");

        assertThat(EjmlBackend.vectorApiPresent()).isTrue();
        EjmlBackend backend = new EjmlBackend(1, true);
        assertThat(backend.usesVectorApi()).isTrue();
        // a vector holds a positive number of doubles
        assertThat(backend.description())
                .matches("pure Java on EJML matrices, 1 thread, Vector API \\([1-9][0-9]* lanes\\)");
        assertThat(new EjmlBackend(2, false).description())
                .isEqualTo("pure Java on EJML matrices, 2 threads, plain loops");
    }

    @Test
    void vectorProperty_false_keepsThePlainLoops_inAnyCase() {
        String saved = System.getProperty(EjmlBackend.VECTOR_PROPERTY);
        try {
            System.setProperty(EjmlBackend.VECTOR_PROPERTY, " False ");
            assertThat(new EjmlBackend(1).usesVectorApi()).isFalse();
            System.clearProperty(EjmlBackend.VECTOR_PROPERTY);
            assertThat(new EjmlBackend(1).usesVectorApi()).isEqualTo(EjmlBackend.vectorApiPresent());
        } finally {
            if (saved == null) {
                System.clearProperty(EjmlBackend.VECTOR_PROPERTY);
            } else {
                System.setProperty(EjmlBackend.VECTOR_PROPERTY, saved);
            }
        }
    }

    @Test
    void defaultBackend_usesTheCallerAndThePoolsWorkers_atMostOnePerProcessor() {
        int processors = Runtime.getRuntime().availableProcessors();
        int workers = java.util.concurrent.ForkJoinPool.getCommonPoolParallelism();

        // the caller plus each worker of the common pool, but no more threads than processors
        assertThat(new EjmlBackend().threads()).isEqualTo(Math.max(1, Math.min(processors, workers + 1)));
    }

    @Test
    void outputThatIsAnInput_isRefused_namingTheShapes() {
        EjmlBackend backend = new EjmlBackend(1);
        DMatrixRMaj a = random(3, 3, 1);
        DMatrixRMaj b = random(3, 3, 2);

        assertThatThrownBy(() -> backend.mult(a, b, a))
                .isInstanceOf(IllegalArgumentException.class)
                .hasMessageContaining("must not be one of the inputs")
                .hasMessageContaining("3x3");
        assertThatThrownBy(() -> backend.multTransB(a, b, b)).isInstanceOf(IllegalArgumentException.class);
    }

    @Test
    void mismatchedInnerDimensions_areRefused_namingBothShapes() {
        EjmlBackend backend = new EjmlBackend(1);
        DMatrixRMaj c = new DMatrixRMaj(1, 1);

        assertThatThrownBy(() -> backend.mult(random(2, 3, 1), random(4, 5, 2), c))
                .isInstanceOf(IllegalArgumentException.class)
                .hasMessageContaining("2x3")
                .hasMessageContaining("4x5");
        assertThatThrownBy(() -> backend.multTransA(random(2, 3, 1), random(4, 5, 2), c))
                .isInstanceOf(IllegalArgumentException.class)
                .hasMessageContaining("same number of rows");
        assertThatThrownBy(() -> backend.multTransB(random(2, 3, 1), random(4, 5, 2), c))
                .isInstanceOf(IllegalArgumentException.class)
                .hasMessageContaining("same number of columns");
    }

    @Test
    void threadsBelowOne_areRefused() {
        assertThatThrownBy(() -> new EjmlBackend(0))
                .isInstanceOf(IllegalArgumentException.class)
                .hasMessageContaining("got 0");
    }

    @Test
    void steadyStateSplitProducts_allocateNothing_onAnyThread() {
        EjmlBackend backend = new EjmlBackend(2);
        DMatrixRMaj a = random(100, 200, 1);
        DMatrixRMaj b = random(200, 64, 2);
        DMatrixRMaj at = random(200, 100, 3);
        DMatrixRMaj bt = random(64, 200, 4);
        DMatrixRMaj c = new DMatrixRMaj(1, 1);
        Runnable products = () -> {
            for (int i = 0; i < 50; i++) {
                backend.mult(a, b, c);
                backend.multTransA(at, b, c);
                backend.multTransB(a, bt, c);
            }
        };
        for (int warmUp = 0; warmUp < 10; warmUp++) {
            products.run(); // workspaces reach their size, the pool's worker starts, code is compiled
        }
        com.sun.management.ThreadMXBean threads = (com.sun.management.ThreadMXBean) ManagementFactory.getThreadMXBean();
        long[] ids = threads.getAllThreadIds();
        long[] before = threads.getThreadAllocatedBytes(ids);
        products.run();
        long[] after = threads.getThreadAllocatedBytes(ids);

        long allocated = 0;
        for (int i = 0; i < ids.length; i++) {
            allocated += Math.max(0, after[i] - before[i]);
        }
        // 150 products; a single new matrix or task per product would be over 150 · 16 bytes
        assertThat(allocated).isLessThan(1024);
    }
}
