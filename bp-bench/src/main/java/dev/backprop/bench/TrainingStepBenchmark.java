package dev.backprop.bench;

import java.util.concurrent.TimeUnit;
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
 * One training step (forward, cross-entropy, backward, optimizer update) of a ReLU/softmax network with the
 * shipped plug-ins, per architecture, batch size, matrix backend, threads per product and optimizer. JMH reports steps per second and, as {@code step:samples},
 * samples per second; {@code -prof gc} adds the bytes allocated per step ({@code gc.alloc.rate.norm}).
 */
@BenchmarkMode(Mode.Throughput)
@OutputTimeUnit(TimeUnit.SECONDS)
@Warmup(iterations = 4, time = 2)
@Measurement(iterations = 5, time = 2)
@Fork(1)
@State(Scope.Thread)
public class TrainingStepBenchmark {

    /** For JMH. */
    public TrainingStepBenchmark() {}

    /** Layer widths, input first. */
    @Param({"784-128-10", "784-256-128-10"})
    public String arch;

    /** Samples per step. */
    @Param({"32", "100", "256"})
    public int batch;

    /** The matrix backend: {@code ejml} (pure Java) or {@code blas} (native; needs a system BLAS). */
    @Param({"ejml", "blas"})
    public String backend;

    /**
     * Threads per product of the pure-Java backend, 0 for its default (one per processor); a native BLAS takes
     * {@code OPENBLAS_NUM_THREADS} from the environment instead.
     */
    @Param({"0"})
    public int threads;

    /** The optimizer, by name and parameters, e.g. {@code adam(lr=0.001)}. */
    @Param({"sgd(lr=0.1)"})
    public String optimizer;

    private TrainingFixture fixture;

    /** Builds the network and the batches. */
    @Setup(Level.Trial)
    public void setUp() {
        fixture = TrainingFixture.mlp(arch, batch, backend, threads, 42, optimizer);
    }

    /** One step; returns the loss so that nothing is optimised away. */
    @Benchmark
    public double step(Samples samples) {
        samples.samples += batch;
        return fixture.step();
    }
}
