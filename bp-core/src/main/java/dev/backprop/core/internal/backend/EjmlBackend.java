package dev.backprop.core.internal.backend;

import dev.backprop.core.spi.MatrixBackend;
import java.util.Optional;
import java.util.concurrent.ForkJoinPool;
import java.util.concurrent.atomic.AtomicReference;
import org.ejml.data.DMatrixRMaj;

/**
 * The default backend: pure Java on EJML's row-major matrices, available everywhere.
 *
 * <p>EJML's own {@code CommonOps_DDRM.multTransB} computes {@code A Bᵀ} as dot products, which the JIT cannot
 * vectorise, and its other products index one flat array at moving offsets, which Java 17's JIT does not
 * vectorise either. This backend computes every product in the row-streaming ("axpy") form, four terms per
 * pass, on one of two kernels that give bit-identical results:
 * <ul>
 *   <li>on the Vector API ({@code jdk.incubator.vector}), when that module is present (run Java with
 *       {@code --add-modules jdk.incubator.vector}): operands are read in place,
 *       nothing is copied; see {@code VectorKernels};</li>
 *   <li>otherwise, plain loops that Java 17's JIT vectorises, on blocks of the right operand copied into rows
 *       of their own; see {@code Kernels}.</li>
 * </ul>
 * The system property {@value #VECTOR_PROPERTY}{@code =false} keeps the plain loops even where the Vector API
 * is present.
 *
 * <p>Products of at least {@link #PARALLEL_WORK} multiply-adds split their output rows between the calling
 * thread and the common fork-join pool, up to {@link #threads()} threads; results are bit-identical for any
 * number of threads because only rows are split.
 *
 * <p>Scratch memory belongs to whoever computes: a network takes a {@link #confined()} view, whose workspace
 * lives and dies with the network. Calls on the backend itself are thread-safe: each borrows the one idle
 * workspace the backend keeps (the most recent caller's) or, when another thread holds it, makes a temporary
 * one; so no thread's workspace outlives its call except that one. Scratch memory is bounded by the widths of
 * a product (a block of rows of the right operand and a chunk of output rows), never by a whole weight matrix.
 */
public final class EjmlBackend implements MatrixBackend {

    /** The registered name. */
    public static final String NAME = "ejml";

    /** The system property that, set to {@code false}, keeps the plain-loop kernels even with the Vector API. */
    public static final String VECTOR_PROPERTY = "bp.vector";

    /**
     * The smallest product, in multiply-adds m·k·n, that is split between threads (about 50 µs of work on one
     * thread); below it the hand-off to a pool worker, which can take tens of microseconds to wake, costs more
     * than it saves.
     */
    public static final long PARALLEL_WORK = 1L << 19;

    private final int threads;
    private final boolean vector;
    private final AtomicReference<EjmlProducts> idle = new AtomicReference<>();

    /**
     * A backend using the calling thread and the common pool's workers, at most one thread per processor, with
     * the Vector API kernel when it is present.
     */
    public EjmlBackend() {
        this(defaultThreads());
    }

    /**
     * A backend using up to {@code threads} threads per product, the caller included; 1 for single-threaded.
     * It uses the Vector API kernel when that is present and {@value #VECTOR_PROPERTY} is not {@code false}.
     *
     * @throws IllegalArgumentException if {@code threads} is less than 1
     */
    public EjmlBackend(int threads) {
        this(threads, vectorApiWanted());
    }

    /**
     * A backend using up to {@code threads} threads per product and, if {@code vectorApi} and the Vector API is
     * present, the Vector API kernel; otherwise the plain-loop kernel.
     *
     * @throws IllegalArgumentException if {@code threads} is less than 1
     */
    public EjmlBackend(int threads, boolean vectorApi) {
        if (threads < 1) {
            throw new IllegalArgumentException("threads must be at least 1, got " + threads);
        }
        this.threads = threads;
        this.vector = vectorApi && vectorApiPresent();
    }

    /** The calling thread plus the common pool's workers, at most the number of processors. */
    static int defaultThreads() {
        return Math.max(
                1, Math.min(Runtime.getRuntime().availableProcessors(), ForkJoinPool.getCommonPoolParallelism() + 1));
    }

    private static boolean vectorApiWanted() {
        return !"false"
                .equalsIgnoreCase(System.getProperty(VECTOR_PROPERTY, "true").strip());
    }

    /**
     * Whether the Vector API ({@code jdk.incubator.vector}) can be used here: the module is in the boot layer
     * (Java started with {@code --add-modules jdk.incubator.vector}) and its classes load.
     */
    public static boolean vectorApiPresent() {
        Optional<Module> module = ModuleLayer.boot().findModule("jdk.incubator.vector");
        if (module.isEmpty()) {
            return false;
        }
        try {
            // bp-core does not require the module (it is optional); as a named module it reads it from here on
            EjmlBackend.class.getModule().addReads(module.get());
            return VectorKernels.lanes() > 0;
        } catch (LinkageError e) {
            return false;
        }
    }

    /** The most threads one product uses, the caller included. */
    public int threads() {
        return threads;
    }

    /** Whether the products run on the Vector API kernel. */
    public boolean usesVectorApi() {
        return vector;
    }

    @Override
    public String name() {
        return NAME;
    }

    @Override
    public String description() {
        return "pure Java on EJML matrices, " + threads + (threads == 1 ? " thread" : " threads")
                + (vector ? ", Vector API (" + VectorKernels.lanes() + " lanes)" : ", plain loops");
    }

    /** A view of this backend with its own workspace, for one caller at a time. */
    @Override
    public MatrixBackend confined() {
        return new EjmlProducts(this, threads, vector);
    }

    @Override
    public void mult(DMatrixRMaj a, DMatrixRMaj b, DMatrixRMaj c) {
        EjmlProducts products = borrow();
        products.mult(a, b, c);
        idle.set(products);
    }

    @Override
    public void multTransA(DMatrixRMaj a, DMatrixRMaj b, DMatrixRMaj c) {
        EjmlProducts products = borrow();
        products.multTransA(a, b, c);
        idle.set(products);
    }

    @Override
    public void multTransB(DMatrixRMaj a, DMatrixRMaj b, DMatrixRMaj c) {
        EjmlProducts products = borrow();
        products.multTransB(a, b, c);
        idle.set(products);
    }

    /** The idle workspace, or a new one when another thread holds it. */
    private EjmlProducts borrow() {
        EjmlProducts products = idle.getAndSet(null);
        return products != null ? products : new EjmlProducts(this, threads, vector);
    }

    @Override
    public String toString() {
        return NAME + " (" + description() + ")";
    }
}
