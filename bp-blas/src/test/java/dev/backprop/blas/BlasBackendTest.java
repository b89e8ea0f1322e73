package dev.backprop.blas;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.assertj.core.api.Assertions.within;
import static org.junit.jupiter.api.Assumptions.assumeTrue;

import dev.backprop.core.backend.MatrixBackends;
import dev.backprop.core.internal.backend.EjmlBackend;
import dev.backprop.core.random.Rng;
import dev.backprop.core.spi.MatrixBackend;
import dev.backprop.core.spi.MatrixBackendProvider;
import java.lang.management.ManagementFactory;
import java.util.stream.Stream;
import org.ejml.data.DMatrixRMaj;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;

class BlasBackendTest {

    private static MatrixBackend blas() {
        BlasBackendProvider provider = new BlasBackendProvider();
        assumeTrue(provider.isAvailable(), () -> "no native BLAS here: " + provider.description());
        return provider.create();
    }

    private static DMatrixRMaj random(int rows, int cols, long seed) {
        Rng rng = new Rng(seed);
        DMatrixRMaj m = new DMatrixRMaj(rows, cols);
        for (int i = 0; i < m.data.length; i++) {
            m.data[i] = 2 * rng.nextDouble() - 1;
        }
        return m;
    }

    @Test
    void provider_isFoundByDiscovery_withAPriorityAboveTheDefault() {
        MatrixBackends backends = MatrixBackends.discover();

        assertThat(backends.names()).contains("blas", "ejml");
        MatrixBackendProvider provider = backends.find("BLAS");
        assertThat(provider).isInstanceOf(BlasBackendProvider.class);
        assertThat(provider.priority()).isGreaterThan(0);
    }

    @Test
    void automaticSelection_takesBlasWhenItLoads_andTheDefaultOtherwise() {
        MatrixBackend selected = MatrixBackends.discover().select(null);
        boolean native_ = new BlasBackendProvider().isAvailable();

        assertThat(selected.name()).isEqualTo(native_ ? "blas" : "ejml");
    }

    @Test
    void withoutNativeBlas_createSaysWhy_andSelectionFallsBackToTheDefault() {
        BlasBackendProvider provider = new BlasBackendProvider();
        assumeTrue(!provider.isAvailable(), "a native BLAS is installed here; the fallback is not exercised");

        assertThatThrownBy(provider::create)
                .isInstanceOf(IllegalStateException.class)
                .hasMessageContaining("cannot run");
        assertThat(MatrixBackends.discover().select("blas")).isInstanceOf(EjmlBackend.class);
    }

    @Test
    void products_ofATwoByTwoExample_matchHandComputedValues() {
        MatrixBackend backend = blas();
        // 40 × 40 blocks of the 2 × 2 example keep the products above the size that stays in Java
        DMatrixRMaj a = new DMatrixRMaj(new double[][] {{1, 2}, {3, 4}});
        DMatrixRMaj b = new DMatrixRMaj(new double[][] {{5, 6}, {7, 8}});
        DMatrixRMaj bigA = kron(a, 40);
        DMatrixRMaj bigB = kron(b, 40);
        DMatrixRMaj c = new DMatrixRMaj(1, 1);

        backend.mult(bigA, bigB, c);
        // by hand: kron(A, J) kron(B, J) = kron(A B, J J) = 40 · kron(A B, J), A B = [[19, 22], [43, 50]]
        assertThat(c.get(0, 0)).isEqualTo(40 * 19);
        assertThat(c.get(0, 79)).isEqualTo(40 * 22);
        assertThat(c.get(79, 0)).isEqualTo(40 * 43);
        assertThat(c.get(79, 79)).isEqualTo(40 * 50);
        backend.multTransA(bigA, bigB, c);
        // by hand: Aᵀ B = [[26, 30], [38, 44]]
        assertThat(new double[] {c.get(0, 0), c.get(0, 79), c.get(79, 0), c.get(79, 79)})
                .containsExactly(40 * 26, 40 * 30, 40 * 38, 40 * 44);
        backend.multTransB(bigA, bigB, c);
        // by hand: A Bᵀ = [[17, 23], [39, 53]]
        assertThat(new double[] {c.get(0, 0), c.get(0, 79), c.get(79, 0), c.get(79, 79)})
                .containsExactly(40 * 17, 40 * 23, 40 * 39, 40 * 53);
    }

    /** Each entry of m repeated as a block × block block of equal entries. */
    private static DMatrixRMaj kron(DMatrixRMaj m, int block) {
        DMatrixRMaj out = new DMatrixRMaj(m.numRows * block, m.numCols * block);
        for (int r = 0; r < out.numRows; r++) {
            for (int c = 0; c < out.numCols; c++) {
                out.set(r, c, m.get(r / block, c / block));
            }
        }
        return out;
    }

    static Stream<Arguments> shapes() {
        // m, k, n: 1 × n and n × 1 edge shapes above the Java threshold, odd sizes, and the MNIST layer shapes
        return Stream.of(
                Arguments.of(1, 784, 128),
                Arguments.of(100, 784, 1),
                Arguments.of(1, 4096, 1),
                Arguments.of(4096, 1, 1),
                Arguments.of(37, 53, 29),
                Arguments.of(100, 784, 128),
                Arguments.of(100, 128, 10),
                Arguments.of(3, 2, 2));
    }

    @ParameterizedTest(name = "{0}x{1} times {1}x{2}")
    @MethodSource("shapes")
    void everyProduct_equalsTheDefaultBackendTo1e12(int m, int k, int n) {
        MatrixBackend blas = blas();
        MatrixBackend ejml = new EjmlBackend(1);
        long seed = 31L * m + 7L * k + n;
        DMatrixRMaj a = random(m, k, seed);
        DMatrixRMaj b = random(k, n, seed + 1);
        DMatrixRMaj at = random(k, m, seed + 2);
        DMatrixRMaj bt = random(n, k, seed + 3);
        DMatrixRMaj expected = new DMatrixRMaj(1, 1);
        DMatrixRMaj actual = new DMatrixRMaj(1, 1);

        // reference: bp's pure-Java backend, itself checked against the definition in bp-core's tests
        ejml.mult(a, b, expected);
        blas.mult(a, b, actual);
        assertClose(actual, expected, m, n);
        ejml.multTransA(at, b, expected);
        blas.multTransA(at, b, actual);
        assertClose(actual, expected, m, n);
        ejml.multTransB(a, bt, expected);
        blas.multTransB(a, bt, actual);
        assertClose(actual, expected, m, n);
    }

    private static void assertClose(DMatrixRMaj actual, DMatrixRMaj expected, int rows, int cols) {
        assertThat(actual.numRows).isEqualTo(rows);
        assertThat(actual.numCols).isEqualTo(cols);
        for (int i = 0; i < rows * cols; i++) {
            assertThat(actual.data[i]).as("entry %d", i).isCloseTo(expected.data[i], within(1e-12));
        }
    }

    @Test
    void shapeErrorsAndAliasing_areRefused_beforeReachingTheLibrary() {
        MatrixBackend backend = blas();
        DMatrixRMaj a = random(64, 64, 1);

        assertThatThrownBy(() -> backend.mult(a, random(65, 64, 2), new DMatrixRMaj(1, 1)))
                .isInstanceOf(IllegalArgumentException.class)
                .hasMessageContaining("64x64")
                .hasMessageContaining("65x64");
        assertThatThrownBy(() -> backend.multTransA(a, a, a))
                .isInstanceOf(IllegalArgumentException.class)
                .hasMessageContaining("must not be one of the inputs");
    }

    @Test
    void steadyStateProducts_allocateNothing() {
        MatrixBackend backend = blas();
        DMatrixRMaj x = random(100, 784, 1);
        DMatrixRMaj w = random(784, 128, 2);
        DMatrixRMaj dz = random(100, 128, 3);
        DMatrixRMaj z = new DMatrixRMaj(1, 1);
        DMatrixRMaj dw = new DMatrixRMaj(1, 1);
        DMatrixRMaj dx = new DMatrixRMaj(1, 1);
        Runnable products = () -> {
            for (int i = 0; i < 20; i++) {
                backend.mult(x, w, z);
                backend.multTransA(x, dz, dw);
                backend.multTransB(dz, w, dx);
            }
        };
        for (int warmUp = 0; warmUp < 5; warmUp++) {
            products.run();
        }
        com.sun.management.ThreadMXBean threads = (com.sun.management.ThreadMXBean) ManagementFactory.getThreadMXBean();
        long id = Thread.currentThread().getId();
        long before = threads.getThreadAllocatedBytes(id);
        products.run();
        long allocated = threads.getThreadAllocatedBytes(id) - before;

        // 60 products; one new array or boxed value per product would be over 60 · 16 bytes
        assertThat(allocated).isLessThan(512);
    }
}
