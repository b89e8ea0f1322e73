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
 * One training step (forward, cross-entropy, backward, SGD update) of a ReLU/softmax network, per
 * architecture, batch size and matrix backend. JMH reports steps per second and, as {@code step:samples},
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

    private TrainingFixture fixture;

    /** Builds the network and the batches. */
    @Setup(Level.Trial)
    public void setUp() {
        fixture = TrainingFixture.mlp(arch, batch, backend, 42);
    }

    /** One step; returns the loss so that nothing is optimised away. */
    @Benchmark
    public double step(Samples samples) {
        samples.samples += batch;
        return fixture.step();
    }
}
