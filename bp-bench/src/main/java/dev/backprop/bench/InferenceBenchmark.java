package dev.backprop.bench;

import dev.backprop.core.network.Network;
import dev.backprop.core.network.Predictor;
import java.util.concurrent.TimeUnit;
import org.ejml.data.DMatrixRMaj;
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
 * Inference of a 784-128-10 network, per batch size and backend: {@link Network#forward} (the network's own
 * workspaces) and a {@link Predictor} (the thread-safe path, reading the weights in place). JMH reports
 * batches per second and, as {@code :samples}, predictions per second. For many threads sharing one network
 * see {@link SharedInferenceBenchmark}.
 */
@BenchmarkMode(Mode.Throughput)
@OutputTimeUnit(TimeUnit.SECONDS)
@Warmup(iterations = 4, time = 2)
@Measurement(iterations = 5, time = 2)
@Fork(1)
@State(Scope.Thread)
public class InferenceBenchmark {

    /** For JMH. */
    public InferenceBenchmark() {}

    /** Samples per forward pass. */
    @Param({"1", "100", "1000"})
    public int batch;

    /** The matrix backend. */
    @Param({"ejml", "blas"})
    public String backend;

    /** Threads per product of the pure-Java backend, 0 for its default. */
    @Param({"0"})
    public int threads;

    private TrainingFixture fixture;
    private Predictor predictor;

    /** Builds the network and the batches. */
    @Setup(Level.Trial)
    public void setUp() {
        fixture = TrainingFixture.mlp("784-128-10", batch, backend, threads, 42);
        predictor = fixture.network.predictor();
    }

    /** One forward pass; returns an output so that nothing is optimised away. */
    @Benchmark
    public double forward(Samples samples) {
        samples.samples += batch;
        DMatrixRMaj out = fixture.network.forward(fixture.input());
        fixture.next();
        return out.data[0];
    }

    /** One prediction through a {@link Predictor}; returns an output. */
    @Benchmark
    public double predict(Samples samples) {
        samples.samples += batch;
        DMatrixRMaj out = predictor.predict(fixture.input());
        fixture.next();
        return out.data[0];
    }
}
