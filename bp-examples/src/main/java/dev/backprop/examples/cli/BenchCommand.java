package dev.backprop.examples.cli;

import dev.backprop.core.backend.MatrixBackends;
import dev.backprop.core.data.Batch;
import dev.backprop.core.network.Network;
import dev.backprop.core.random.Rng;
import dev.backprop.core.registry.Registries;
import dev.backprop.core.spi.ComponentSpec;
import dev.backprop.core.spi.Loss;
import dev.backprop.core.spi.MatrixBackend;
import dev.backprop.core.spi.Optimizer;
import dev.backprop.core.spi.Parameter;
import dev.backprop.data.TabularDataset;
import dev.backprop.data.batching.ShuffledBatches;
import dev.backprop.examples.support.JsonLine;
import java.io.PrintWriter;
import java.util.List;
import java.util.Locale;
import java.util.OptionalInt;
import org.ejml.data.DMatrixRMaj;
import picocli.CommandLine;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Option;
import picocli.CommandLine.Spec;

/**
 * Training throughput: after warm-up steps (which let the JIT compile the hot paths), times training steps —
 * forward pass, loss, backward pass and optimizer update on a minibatch — and reports samples per second and
 * milliseconds per step. The data are random, of MNIST's shape by default (784 inputs, 10 classes).
 *
 * <p>{@code --backend} names the matrix backend (default: the one bp selects by itself) and {@code --threads} the
 * threads of one product: the pure-Java backend takes it directly; a native BLAS reads its thread count from the
 * environment when it loads, so for it the command only checks that {@code OPENBLAS_NUM_THREADS} agrees.
 */
@Command(
        name = "bench",
        mixinStandardHelpOptions = true,
        defaultValueProvider = BenchCommand.Defaults.class,
        description = {
            "Training throughput: samples per second and time per step.",
            "Measures training throughput: samples per second and milliseconds per step (forward, loss,"
                    + " backward, optimizer update) for the network and batch size given, after warm-up, on random data"
                    + " of MNIST's shape by default."
        })
public final class BenchCommand implements Runnable {

    /** This command's defaults for the shared options. */
    static final class Defaults extends CommandDefaults {
        /** The defaults. */
        Defaults() {
            super("--hidden", "50", "--activation", "relu", "--init", "he-normal");
        }
    }

    /** The environment variable OpenBLAS reads its thread count from. */
    static final String NATIVE_THREADS = "OPENBLAS_NUM_THREADS";

    @Spec
    private CommandSpec spec;

    @Mixin
    private NetworkOptions architecture;

    @Option(
            names = "--inputs",
            paramLabel = "N",
            defaultValue = "784",
            description = "Inputs per sample (default:" + " ${DEFAULT-VALUE}).")
    private int inputs;

    @Option(
            names = "--classes",
            paramLabel = "N",
            defaultValue = "10",
            description = "Output classes (default:" + " ${DEFAULT-VALUE}).")
    private int classes;

    @Option(
            names = "--batch-size",
            paramLabel = "N",
            defaultValue = "100",
            description = "Samples per step" + " (default: ${DEFAULT-VALUE}).")
    private int batchSize;

    @Option(
            names = "--samples",
            paramLabel = "N",
            defaultValue = "2000",
            description = "Random samples the batches" + " are drawn from (default: ${DEFAULT-VALUE}).")
    private int samples;

    @Option(
            names = "--warmup",
            paramLabel = "STEPS",
            defaultValue = "50",
            description = "Untimed steps first" + " (default: ${DEFAULT-VALUE}).")
    private int warmup;

    @Option(
            names = "--steps",
            paramLabel = "N",
            defaultValue = "500",
            description = "Timed steps, unless --seconds" + " is given (default: ${DEFAULT-VALUE}).")
    private int steps;

    @Option(
            names = "--seconds",
            paramLabel = "S",
            description = "Time steps for this long instead of a fixed" + " number.")
    private Double seconds;

    @Option(
            names = "--optimizer",
            paramLabel = "SPEC",
            defaultValue = "sgd(lr=0.1)",
            description = "Optimizer by" + " name and parameters (default: ${DEFAULT-VALUE}).")
    private String optimizer;

    @Option(
            names = "--seed",
            paramLabel = "N",
            defaultValue = "1",
            description = "Seed of weights and data" + " (default: ${DEFAULT-VALUE}).")
    private long seed;

    @Option(
            names = "--backend",
            paramLabel = "NAME",
            description = "Matrix backend, e.g. ejml or blas (default: the available one with the highest priority).")
    private String backendName;

    @Option(
            names = "--threads",
            paramLabel = "N",
            description = "Threads per matrix product (default: one per processor). For blas, set"
                    + " OPENBLAS_NUM_THREADS=N in the environment too.")
    private Integer threads;

    @Option(names = "--json", description = "Print the figures as one JSON object on the last line.")
    private boolean json;

    /** A command for picocli. */
    public BenchCommand() {}

    @Override
    public void run() {
        OptionChecks.atLeast(spec, "--inputs", inputs, 1);
        OptionChecks.atLeast(spec, "--classes", classes, 2);
        OptionChecks.atLeast(spec, "--batch-size", batchSize, 1);
        OptionChecks.atLeast(spec, "--samples", samples, 1);
        OptionChecks.atLeast(spec, "--warmup", warmup, 0);
        OptionChecks.atLeast(spec, "--steps", steps, 1);
        if (seconds != null) {
            OptionChecks.positive(spec, "--seconds", seconds);
        }
        if (threads != null) {
            OptionChecks.atLeast(spec, "--threads", threads, 1);
        }
        PrintWriter out = spec.commandLine().getOut();
        Registries registries = BpCommand.registries(spec);
        architecture.validate(registries);
        MatrixBackend backend = backend();
        Network network = architecture
                .addHiddenLayers(Network.builder(registries).input(inputs))
                .dense(classes, ClassificationRun.OUTPUT_ACTIVATION)
                .seed(seed)
                .backend(backend)
                .build();
        Loss loss = registries.losses().create(ComponentSpec.parse(ClassificationRun.LOSS));
        Optimizer opt = registries.optimizers().create(ComponentSpec.parse(optimizer));
        List<Parameter> parameters = network.parameters();
        opt.initialise(parameters);
        ShuffledBatches batches = ShuffledBatches.builder(randomData())
                .batchSize(batchSize)
                .seed(seed)
                .dropLast(batchSize <= samples)
                .build();
        out.printf(
                Locale.ROOT,
                "network %s (%d parameters), loss %s, optimizer %s, batch %d, %d random samples%n",
                TrainingSession.describe(network),
                network.spec().parameterCount(),
                loss.spec(),
                optimizer,
                batchSize,
                samples);
        out.printf(Locale.ROOT, "matrix backend %s (%s)%n", backend.name(), backend.description());

        Stepper stepper = new Stepper(network, loss, opt, batches);
        stepper.run(warmup);
        long warmSamples = stepper.samples();
        long start = System.nanoTime();
        long timed;
        if (seconds == null) {
            stepper.run(steps);
            timed = steps;
        } else {
            long deadline = start + (long) (seconds * 1e9);
            timed = 0;
            do {
                stepper.run(1);
                timed++;
            } while (System.nanoTime() < deadline);
        }
        double elapsed = (System.nanoTime() - start) / 1e9;
        long trained = stepper.samples() - warmSamples;
        // throughput = samples / elapsed; time per step = elapsed / steps
        double samplesPerSecond = trained / elapsed;
        double msPerStep = elapsed * 1e3 / timed;
        out.printf(
                Locale.ROOT,
                "warm-up %d steps, then %d timed steps (%d samples) in %.3f s%n",
                warmup,
                timed,
                trained,
                elapsed);
        out.printf(
                Locale.ROOT,
                "throughput %.0f samples/s, %.3f ms per step (last loss %.4f)%n",
                samplesPerSecond,
                msPerStep,
                stepper.lastLoss());
        if (json) {
            out.println(new JsonLine()
                    .put("command", "bench")
                    .put("backend", backend.name())
                    .put("backend_description", backend.description())
                    .put("threads", threadsOf(backend))
                    .put("batch_size", (long) batchSize)
                    .put("parameters", network.spec().parameterCount())
                    .put("warmup_steps", (long) warmup)
                    .put("steps", timed)
                    .put("samples", trained)
                    .put("seconds", elapsed)
                    .put("samples_per_second", samplesPerSecond)
                    .put("ms_per_step", msPerStep));
        }
        out.flush();
    }

    /**
     * The backend named by {@code --backend} (or selected automatically), with {@code --threads} applied.
     *
     * @throws CommandLine.ParameterException if the backend is unknown or cannot run here, or its threads
     *                                        cannot be set as asked
     */
    private MatrixBackend backend() {
        MatrixBackend chosen;
        try {
            chosen = backendName == null
                    ? MatrixBackends.defaultBackend()
                    : MatrixBackends.discover().create(backendName);
        } catch (IllegalArgumentException | IllegalStateException e) {
            throw new CommandLine.ParameterException(spec.commandLine(), "--backend: " + e.getMessage(), e);
        }
        if (threads == null) {
            return chosen;
        }
        if (MatrixBackends.builtInThreads(chosen).isPresent()) {
            return MatrixBackends.builtIn(threads);
        }
        String fromEnv = System.getenv(NATIVE_THREADS);
        if (fromEnv == null || !fromEnv.strip().equals(Integer.toString(threads))) {
            throw new CommandLine.ParameterException(
                    spec.commandLine(),
                    "--threads " + threads + " cannot be set for the '" + chosen.name() + "' backend from inside"
                            + " the JVM: its native library reads its thread count when it loads. Run with "
                            + NATIVE_THREADS + "=" + threads + " in the environment (it is "
                            + (fromEnv == null ? "not set" : "'" + fromEnv + "'") + ")");
        }
        return chosen;
    }

    /** The threads of one product: the pure-Java backend's own, OpenBLAS's from the environment, or 0 if unknown. */
    private static long threadsOf(MatrixBackend backend) {
        OptionalInt own = MatrixBackends.builtInThreads(backend);
        if (own.isPresent()) {
            return own.getAsInt();
        }
        String fromEnv = System.getenv(NATIVE_THREADS);
        try {
            return fromEnv == null ? 0 : Long.parseLong(fromEnv.strip());
        } catch (NumberFormatException e) {
            return 0;
        }
    }

    private TabularDataset randomData() {
        Rng rng = new Rng(Rng.derive(seed, 2));
        DMatrixRMaj x = new DMatrixRMaj(samples, inputs);
        for (int i = 0; i < x.getNumElements(); i++) {
            x.data[i] = rng.nextDouble();
        }
        DMatrixRMaj t = new DMatrixRMaj(samples, classes);
        TargetKind.ONE_HOT.fill(t, rng);
        return new TabularDataset(x, t);
    }

    /** Takes training steps over the batches, epoch after epoch, counting the samples. */
    private static final class Stepper {
        private final Network network;
        private final Loss loss;
        private final Optimizer optimizer;
        private final ShuffledBatches batches;
        private int epoch;
        private int batch;
        private int batchCount;
        private long steps;
        private long samples;
        private double lastLoss = Double.NaN;

        Stepper(Network network, Loss loss, Optimizer optimizer, ShuffledBatches batches) {
            this.network = network;
            this.loss = loss;
            this.optimizer = optimizer;
            this.batches = batches;
            this.batchCount = batches.beginEpoch(0);
        }

        /** Takes {@code count} steps: forward, loss, backward, update. */
        void run(long count) {
            for (long i = 0; i < count; i++) {
                if (batch == batchCount) {
                    batchCount = batches.beginEpoch(++epoch);
                    batch = 0;
                }
                Batch b = batches.batch(batch++);
                lastLoss = network.computeTrainingGradients(b.features(), b.targets(), loss, steps);
                optimizer.step(network.parameters(), optimizer.learningRate());
                steps++;
                samples += b.size();
            }
        }

        /** Samples trained so far. */
        long samples() {
            return samples;
        }

        /** The loss of the last step. */
        double lastLoss() {
            return lastLoss;
        }
    }
}
