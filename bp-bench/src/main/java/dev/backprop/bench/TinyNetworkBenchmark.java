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
 * One training step of the 2-2-2 sigmoid network on its single sample: here the fixed cost of a step (calls,
 * checks, loops) is everything, not the arithmetic.
 */
@BenchmarkMode(Mode.AverageTime)
@OutputTimeUnit(TimeUnit.NANOSECONDS)
@Warmup(iterations = 4, time = 1)
@Measurement(iterations = 5, time = 1)
@Fork(1)
@State(Scope.Thread)
public class TinyNetworkBenchmark {

    /** For JMH. */
    public TinyNetworkBenchmark() {}

    /** The matrix backend; {@code blas} computes products this small in Java too. */
    @Param({"ejml", "blas"})
    public String backend;

    private TrainingFixture fixture;

    /** Builds the network. */
    @Setup(Level.Trial)
    public void setUp() {
        fixture = TrainingFixture.tiny(backend);
    }

    /** One step; returns the loss. */
    @Benchmark
    public double step() {
        return fixture.step();
    }
}
