package dev.backprop.blas;

import dev.ludovic.netlib.blas.BLAS;
import dev.ludovic.netlib.blas.NativeBLAS;
import java.io.IOException;
import java.lang.reflect.InvocationTargetException;
import java.lang.reflect.Method;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Locale;
import java.util.regex.Pattern;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * The system's native BLAS as netlib-java's JNI binding ({@code JNIBLAS}) reaches it, loaded once per JVM:
 * netlib extracts its small JNI library from its jar and that library opens the system's {@code libblas.so.3}
 * (or the file named by the system property {@code dev.ludovic.netlib.blas.nativeLibPath}).
 *
 * <p>bp loads {@code JNIBLAS} directly rather than through {@code NativeBLAS.getInstance()}, because the
 * latter also initialises netlib's pure-Java fallbacks and, when no native library is found, prints warnings
 * through {@code java.util.logging}; bp's fallback is its own pure-Java backend, so a missing library should
 * cost one DEBUG line, not two warnings on standard error. If that direct access is ever refused (a later
 * netlib that closes its package), the public {@code NativeBLAS.getInstance()} is used instead.
 */
final class NativeBlas {

    private static final Logger LOG = LoggerFactory.getLogger(NativeBlas.class);
    private static final String JNI_CLASS = "dev.ludovic.netlib.blas.JNIBLAS";
    /** A shared library whose file name says BLAS: libblas, libopenblas, libmkl_rt, libblis. */
    private static final Pattern BLAS_FILE = Pattern.compile(".*/lib(blas|openblas|mkl_rt|blis)[^/]*\\.so[^/]*");

    private final BLAS blas;
    private final String library;
    private final String failure;

    private NativeBlas(BLAS blas, String library, String failure) {
        this.blas = blas;
        this.library = library;
        this.failure = failure;
    }

    /** The JVM's native BLAS, loaded on first use. */
    static NativeBlas get() {
        return Holder.INSTANCE;
    }

    /** Whether the native BLAS loaded and computed a test product correctly. */
    boolean available() {
        return blas != null;
    }

    /** The binding; null if not {@link #available()}. */
    BLAS blas() {
        return blas;
    }

    /** Which library answers, e.g. {@code OpenBLAS, /usr/lib/…/libblas.so.3}; empty if unknown. */
    String library() {
        return library;
    }

    /** Why the native BLAS is not available; null if it is. */
    String failure() {
        return failure;
    }

    private static NativeBlas load() {
        String os = System.getProperty("os.name", "");
        String arch = System.getProperty("os.arch", "");
        String resource = String.format(Locale.ROOT, "resources/native/%s-%s/libnetlibblasjni.so", os, arch);
        ClassLoader loader = BLAS.class.getClassLoader();
        if (loader == null || loader.getResource(resource) == null) {
            return unavailable("netlib-java has no JNI library for " + os + "/" + arch);
        }
        BLAS blas;
        try {
            blas = loadJni(loader);
        } catch (ExceptionInInitializerError e) {
            return unavailable(notLoaded(e.getCause() != null ? e.getCause() : e));
        } catch (RuntimeException | LinkageError e) {
            return unavailable(notLoaded(e));
        }
        String wrong = checkProduct(blas);
        if (wrong != null) {
            return unavailable(wrong);
        }
        return new NativeBlas(blas, describeLibrary(), null);
    }

    private static BLAS loadJni(ClassLoader loader) {
        Class<?> jni;
        try {
            jni = Class.forName(JNI_CLASS, false, loader);
        } catch (ClassNotFoundException e) {
            LOG.debug("{} not found; using NativeBLAS.getInstance()", JNI_CLASS);
            return NativeBLAS.getInstance();
        }
        Method getInstance;
        try {
            getInstance = jni.getMethod("getInstance");
            getInstance.setAccessible(true);
        } catch (NoSuchMethodException | RuntimeException e) {
            LOG.debug("{}.getInstance() not accessible ({}); using NativeBLAS.getInstance()", JNI_CLASS, e.toString());
            return NativeBLAS.getInstance();
        }
        try {
            // initialising JNIBLAS loads the JNI library, which opens the system BLAS
            return (BLAS) getInstance.invoke(null);
        } catch (IllegalAccessException e) {
            return NativeBLAS.getInstance();
        } catch (InvocationTargetException e) {
            throw new IllegalStateException(e.getCause());
        }
    }

    /**
     * Checks one 24 × 24 × 24 product against a plain Java loop, so that a BLAS that answers wrongly (an old
     * OpenBLAS on a processor it misjudges, say) is never used. The entries are quarters of small integers, so
     * every product and partial sum is exact in double precision and the results must be equal, whatever
     * order the BLAS sums in.
     *
     * @return null if the product is right, else what went wrong
     */
    private static String checkProduct(BLAS blas) {
        int size = 24;
        double[] a = new double[size * size];
        double[] b = new double[size * size];
        for (int i = 0; i < size; i++) {
            for (int j = 0; j < size; j++) {
                a[i * size + j] = ((i * 7 + j * 3) % 11 - 5) / 4.0;
                b[i * size + j] = ((i * 5 + j * 2) % 13 - 6) / 4.0;
            }
        }
        double[] c = new double[size * size];
        try {
            // column-major C = A B
            blas.dgemm("N", "N", size, size, size, 1.0, a, size, b, size, 0.0, c, size);
        } catch (RuntimeException | LinkageError e) {
            return "the native BLAS failed a test product (" + e + ")";
        }
        for (int i = 0; i < size; i++) {
            for (int j = 0; j < size; j++) {
                double sum = 0;
                for (int p = 0; p < size; p++) {
                    // column-major: A[i][p] is a[i + p·size]
                    sum += a[i + p * size] * b[p + j * size];
                }
                if (c[i + j * size] != sum) {
                    return "the native BLAS computed a wrong test product: C[" + i + "][" + j + "] = " + c[i + j * size]
                            + " instead of " + sum;
                }
            }
        }
        return null;
    }

    /** The BLAS library mapped into this process, from {@code /proc/self/maps} where there is one. */
    private static String describeLibrary() {
        Path maps = Path.of("/proc/self/maps");
        if (!Files.isReadable(maps)) {
            return "system BLAS";
        }
        List<String> lines;
        try {
            lines = Files.readAllLines(maps, StandardCharsets.UTF_8);
        } catch (IOException | RuntimeException e) {
            return "system BLAS";
        }
        for (String line : lines) {
            int slash = line.indexOf('/');
            if (slash < 0) {
                continue;
            }
            String file = line.substring(slash).strip();
            if (BLAS_FILE.matcher(file).matches() && !file.contains("netlibblasjni")) {
                String lower = file.toLowerCase(Locale.ROOT);
                String kind = lower.contains("openblas")
                        ? "OpenBLAS"
                        : lower.contains("mkl") ? "Intel MKL" : lower.contains("blis") ? "BLIS" : "system BLAS";
                return kind + ", " + file;
            }
        }
        return "system BLAS";
    }

    private static String notLoaded(Throwable cause) {
        return "no native BLAS loaded (" + cause + "). Install one, e.g. OpenBLAS with 'apt-get install"
                + " libopenblas0-pthread' on Debian or Ubuntu, or point -Ddev.ludovic.netlib.blas.nativeLibPath at a"
                + " libblas.so.3";
    }

    private static NativeBlas unavailable(String reason) {
        LOG.debug("Native BLAS not available: {}", reason);
        return new NativeBlas(null, "", reason);
    }

    /** Loads the native BLAS once, on first use; the JVM's class initialisation makes this thread-safe. */
    private static final class Holder {
        static final NativeBlas INSTANCE = load();
    }
}
