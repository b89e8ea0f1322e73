package dev.backprop.core.network;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.assertj.core.api.Assertions.within;

import dev.backprop.core.init.Initializers;
import dev.backprop.core.internal.backend.EjmlBackend;
import dev.backprop.core.random.Rng;
import dev.backprop.core.spi.MatrixBackend;
import dev.backprop.core.testing.TestActivations;
import java.lang.management.ManagementFactory;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicReference;
import org.ejml.data.DMatrixRMaj;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

class PredictorTest {

    private static final int THREADS = 8;
    private static final int ROWS = 10_000;
    /** Batch sizes each thread cycles through: single samples, odd sizes, and one above the threading threshold. */
    private static final int[] BATCHES = {1, 7, 1, 64, 3, 250};

    private static Network network(MatrixBackend backend) {
        return Network.builder(WorkedExampleTest.emptyRegistries())
                .input(24)
                .dense(40, TestActivations.tanh(), true)
                .dense(33, TestActivations.relu(), true)
                .dense(10, TestActivations.softmax(), true)
                .initializer(Initializers.xavierNormal())
                .seed(5)
                .backend(backend)
                .build();
    }

    private static DMatrixRMaj random(int rows, int cols, long seed) {
        DMatrixRMaj m = new DMatrixRMaj(rows, cols);
        Initializers.normal(0, 1).fill(m, new Rng(seed));
        return m;
    }

    /** Rows [from, to) of x. */
    private static DMatrixRMaj rows(DMatrixRMaj x, int from, int to) {
        DMatrixRMaj part = new DMatrixRMaj(to - from, x.numCols);
        System.arraycopy(x.data, from * x.numCols, part.data, 0, part.getNumElements());
        return part;
    }

    @Test
    void predict_workedExample_givesPublishedOutputs() {
        Network net = Network.builder(WorkedExampleTest.emptyRegistries())
                .input(2)
                .dense(2, TestActivations.sigmoid(), true)
                .dense(2, TestActivations.sigmoid(), true)
                .build();
        net.layer(0).setWeights(new double[][] {{0.15, 0.25}, {0.20, 0.30}});
        net.layer(0).setBias(0.35, 0.35);
        net.layer(1).setWeights(new double[][] {{0.40, 0.50}, {0.45, 0.55}});
        net.layer(1).setBias(0.60, 0.60);
        DMatrixRMaj out = new DMatrixRMaj(1, 1);

        net.predict(new DMatrixRMaj(new double[][] {{0.05, 0.10}}), out);

        // the outputs published with the classic worked example (see WorkedExampleTest)
        assertThat(out.numRows).isEqualTo(1);
        assertThat(out.numCols).isEqualTo(2);
        assertThat(out.get(0, 0)).isCloseTo(0.7513650695523157, within(1e-12));
        assertThat(out.get(0, 1)).isCloseTo(0.7729284653214625, within(1e-12));
    }

    @ParameterizedTest(name = "{0} threads per product")
    @ValueSource(ints = {1, 2})
    void eightThreadsPredictingTenThousandRowsEach_matchSerialForwardBitForBit(int productThreads) throws Exception {
        Network net = network(new EjmlBackend(productThreads));
        List<DMatrixRMaj> inputs = new ArrayList<>();
        List<List<DMatrixRMaj>> expected = new ArrayList<>();
        // the reference: the same batches through Network.forward, one after another on this thread
        for (int t = 0; t < THREADS; t++) {
            DMatrixRMaj x = random(ROWS, 24, 100 + t);
            inputs.add(x);
            List<DMatrixRMaj> outputs = new ArrayList<>();
            for (int from = 0, b = 0; from < ROWS; b++) {
                int to = Math.min(ROWS, from + BATCHES[b % BATCHES.length]);
                outputs.add(net.forward(rows(x, from, to)).copy());
                from = to;
            }
            expected.add(outputs);
        }

        ExecutorService pool = Executors.newFixedThreadPool(THREADS);
        try {
            CountDownLatch start = new CountDownLatch(1);
            List<Future<Integer>> results = new ArrayList<>();
            for (int t = 0; t < THREADS; t++) {
                int thread = t;
                results.add(pool.submit(() -> {
                    // even threads share the network's predict, odd ones have a predictor each
                    Predictor own = thread % 2 == 1 ? net.predictor() : null;
                    DMatrixRMaj x = inputs.get(thread);
                    DMatrixRMaj out = new DMatrixRMaj(1, 1);
                    start.await();
                    int differing = 0;
                    for (int from = 0, b = 0; from < ROWS; b++) {
                        int to = Math.min(ROWS, from + BATCHES[b % BATCHES.length]);
                        DMatrixRMaj batch = rows(x, from, to);
                        if (own != null) {
                            out = own.predict(batch);
                        } else {
                            net.predict(batch, out);
                        }
                        DMatrixRMaj want = expected.get(thread).get(b);
                        for (int i = 0; i < want.getNumElements(); i++) {
                            if (Double.doubleToRawLongBits(out.data[i]) != Double.doubleToRawLongBits(want.data[i])) {
                                differing++;
                            }
                        }
                        from = to;
                    }
                    return differing;
                }));
            }
            start.countDown();
            for (int t = 0; t < THREADS; t++) {
                assertThat(results.get(t).get(2, TimeUnit.MINUTES))
                        .as("entries of thread %d that differ from the serial forward pass", t)
                        .isZero();
            }
        } finally {
            pool.shutdownNow();
        }
    }

    @Test
    void forward_whileAnotherThreadRunsIt_throwsPointingToPredict() throws Exception {
        CountDownLatch inside = new CountDownLatch(1);
        CountDownLatch release = new CountDownLatch(1);
        String blocker = "blocked-forward";
        Network net = Network.builder(WorkedExampleTest.emptyRegistries())
                .input(3)
                .dense(
                        2,
                        TestActivations.elementWise(
                                "blocking",
                                z -> {
                                    if (Thread.currentThread().getName().equals(blocker)) {
                                        inside.countDown();
                                        try {
                                            release.await(1, TimeUnit.MINUTES);
                                        } catch (InterruptedException e) {
                                            Thread.currentThread().interrupt();
                                        }
                                    }
                                    return z;
                                },
                                (z, a) -> 1),
                        true)
                .build();
        DMatrixRMaj x = random(1, 3, 1);
        AtomicReference<Throwable> failure = new AtomicReference<>();
        Thread first = new Thread(
                () -> {
                    try {
                        net.forward(x);
                    } catch (Throwable e) {
                        failure.set(e);
                    }
                },
                blocker);
        first.start();
        assertThat(inside.await(1, TimeUnit.MINUTES)).isTrue();
        try {
            assertThatThrownBy(() -> net.forward(x))
                    .isInstanceOf(IllegalStateException.class)
                    .hasMessageContaining("another thread")
                    .hasMessageContaining("predict");
        } finally {
            release.countDown();
            first.join();
        }
        assertThat(failure.get()).isNull();
        // once the first call is over, the network is usable again
        assertThat(net.forward(x).numCols).isEqualTo(2);
    }

    @Test
    void predictor_atBatchOne_allocatesNothingInSteadyState() {
        // The plain kernel: the Vector API kernel's vectors are objects that only C2's escape analysis removes,
        // which the incubating API does not guarantee (some JVM runs kept 480 bytes per two predictions).
        Network net = network(new EjmlBackend(1, false));
        Predictor predictor = net.predictor();
        DMatrixRMaj x = random(1, 24, 3);
        DMatrixRMaj out = new DMatrixRMaj(1, 10);
        Runnable predictions = () -> {
            for (int i = 0; i < 200; i++) {
                predictor.predict(x);
                net.predict(x, out);
            }
        };
        for (int warmUp = 0; warmUp < 50; warmUp++) {
            predictions.run(); // workspaces reach their size, code is compiled
        }
        com.sun.management.ThreadMXBean threads = (com.sun.management.ThreadMXBean) ManagementFactory.getThreadMXBean();
        long id = Thread.currentThread().getId();
        // Steady state: the fewest bytes of up to 50 rounds. Until the JIT has compiled the kernels (the Vector
        // API's vectors are objects in the interpreter), a round can allocate; a structural allocation per call
        // would show in every round.
        long allocated = Long.MAX_VALUE;
        for (int round = 0; round < 50 && allocated >= 1024; round++) {
            long before = threads.getThreadAllocatedBytes(id);
            predictions.run();
            allocated = Math.min(allocated, threads.getThreadAllocatedBytes(id) - before);
        }

        // 400 predictions; one matrix or copy of the weights per prediction would be far above 400 · 16 bytes
        assertThat(allocated).isLessThan(1024);
        assertThat(out.data).containsExactly(predictor.predict(x).data);
    }

    @Test
    void predict_withAnInputOfTheWrongWidth_namesBothShapes() {
        Network net = network(new EjmlBackend(1));

        assertThatThrownBy(() -> net.predict(random(2, 5, 1), new DMatrixRMaj(1, 1)))
                .isInstanceOf(IllegalArgumentException.class)
                .hasMessageContaining("(n, 24)")
                .hasMessageContaining("(2, 5)");
    }
}
