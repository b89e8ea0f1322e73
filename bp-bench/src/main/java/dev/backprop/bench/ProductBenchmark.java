package dev.backprop.bench;

import dev.backprop.core.random.Rng;
import dev.backprop.core.spi.MatrixBackend;
import java.util.concurrent.TimeUnit;
import org.ejml.data.DMatrixRMaj;
import org.ejml.dense.row.CommonOps_DDRM;
import org.openjdk.jmh.annotations.Benchmark;
import org.openjdk.jmh.annotations.BenchmarkMode;
import org.openjdk.jmh.annotations.Fork;
import org.openjdk.jmh.annotations.Level;
import org.openjdk.jmh.annotations.Measurement;
import org.openjdk.jmh.annotations.Mode;
import org.openjdk.jmh.annotations.OutputTimeUnit;
import org.openjdk.jmh.annotations.Param;
import org.openjdk.jmh.annotations.Scope;
import org.openjdk.jmh.annotations.Setup;
import org.openjdk.jmh.annotations.State;
import org.openjdk.jmh.annotations.Warmup;

/**
 * The three products of the first layer of a 784-128-10 network at batch 100, each 2·100·784·128 ≈ 20.1
 * MFLOP: {@code X W}, {@code Xᵀ dZ} and {@code dZ Wᵀ}, on each backend and, as a baseline, on EJML's own
 * {@code CommonOps_DDRM} ({@code commonops}). GFLOP/s = 20.07 / (µs per operation) · 1000.
 */
@BenchmarkMode(Mode.AverageTime)
@OutputTimeUnit(TimeUnit.MICROSECONDS)
@Warmup(iterations = 4, time = 1)
@Measurement(iterations = 5, time = 1)
@Fork(1)
@State(Scope.Thread)
public class ProductBenchmark {

    /** For JMH. */
    public ProductBenchmark() {}

    /** {@code ejml}, {@code blas}, or {@code commonops} for EJML's CommonOps_DDRM. */
    @Param({"commonops", "ejml", "blas"})
    public String backend;

    /** Threads per product of the pure-Java backend, 0 for its default. */
    @Param({"0"})
    public int threads;

    private MatrixBackend matrices;
    private final DMatrixRMaj x = new DMatrixRMaj(100, 784);
    private final DMatrixRMaj w = new DMatrixRMaj(784, 128);
    private final DMatrixRMaj dz = new DMatrixRMaj(100, 128);
    private final DMatrixRMaj z = new DMatrixRMaj(100, 128);
    private final DMatrixRMaj dw = new DMatrixRMaj(784, 128);
    private final DMatrixRMaj dx = new DMatrixRMaj(100, 784);

    /** Fills the operands. */
    @Setup(Level.Trial)
    public void setUp() {
        Rng rng = new Rng(7);
        for (DMatrixRMaj m : new DMatrixRMaj[] {x, w, dz}) {
            for (int i = 0; i < m.data.length; i++) {
                m.data[i] = 2 * rng.nextDouble() - 1;
            }
        }
        // a network's own view of the backend, with its own workspace, as layers use it
        matrices = backend.equals("commonops")
                ? null
                : TrainingFixture.create(backend, threads).confined();
    }

    /** {@code Z = X W}. */
    @Benchmark
    public DMatrixRMaj forward() {
        if (matrices == null) {
            CommonOps_DDRM.mult(x, w, z);
        } else {
            matrices.mult(x, w, z);
        }
        return z;
    }

    /** {@code dW = Xᵀ dZ}. */
    @Benchmark
    public DMatrixRMaj weightGradient() {
        if (matrices == null) {
            CommonOps_DDRM.multTransA(x, dz, dw);
        } else {
            matrices.multTransA(x, dz, dw);
        }
        return dw;
    }

    /** {@code dX = dZ Wᵀ}. */
    @Benchmark
    public DMatrixRMaj inputGradient() {
        if (matrices == null) {
            CommonOps_DDRM.multTransB(dz, w, dx);
        } else {
            matrices.multTransB(dz, w, dx);
        }
        return dx;
    }
}
