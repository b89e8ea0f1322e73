package dev.backprop.bench;

import dev.backprop.core.network.Network;
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
 * One 784-128-10 network shared by every benchmark thread, each predicting through the thread-safe
 * {@link Network#predict(DMatrixRMaj, DMatrixRMaj)}, as a server's thread pool would: run with {@code -t N}
 * for N threads. The products of each prediction use one thread ({@code threads} 1), the sharing threads being
 * the parallelism. JMH reports predictions per second over all threads, and per thread with {@code -t 1}.
 */
@BenchmarkMode(Mode.Throughput)
@OutputTimeUnit(TimeUnit.SECONDS)
@Warmup(iterations = 4, time = 2)
@Measurement(iterations = 5, time = 2)
@Fork(1)
@State(Scope.Benchmark)
public class SharedInferenceBenchmark {

    /** For JMH. */
    public SharedInferenceBenchmark() {}

    /** Samples per prediction. */
    @Param({"1"})
    public int batch;

    /** The matrix backend. */
    @Param({"ejml", "blas"})
    public String backend;

    private Network network;

    /** Builds the shared network. */
    @Setup(Level.Trial)
    public void setUp() {
        network = TrainingFixture.mlp("784-128-10", 1, backend, 1, 42).network;
    }

    /** What each thread keeps: its inputs and its output. */
    @State(Scope.Thread)
    public static class Caller {
        /** For JMH. */
        public Caller() {}

        private TrainingFixture inputs;
        private final DMatrixRMaj output = new DMatrixRMaj(1, 10);

        /** Draws this thread's inputs. */
        @Setup(Level.Trial)
        public void setUp(SharedInferenceBenchmark shared) {
            inputs = TrainingFixture.mlp(
                    "784-128-10",
                    shared.batch,
                    "ejml",
                    1,
                    Thread.currentThread().getId());
        }
    }

    /** One prediction on the shared network; returns an output. */
    @Benchmark
    public double predict(Caller caller) {
        network.predict(caller.inputs.input(), caller.output);
        caller.inputs.next();
        return caller.output.data[0];
    }
}
