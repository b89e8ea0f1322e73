package dev.backprop.testkit;

import dev.backprop.core.spi.Activation;
import dev.backprop.core.spi.OnnxExportable;
import java.lang.reflect.InvocationTargetException;
import java.lang.reflect.Method;
import java.util.Optional;

/**
 * The kit's check of an activation's ONNX form ({@link OnnxExportable}): the form, run in ONNX Runtime, must give
 * the activation's own forward pass, in float and double graphs. bp-onnx's {@code OnnxConformance} does the work;
 * the kit calls it when bp-onnx and ONNX Runtime are on the test's class path (or resolved on its module path),
 * and adds no check otherwise, so a plug-in author opts in by adding both in test scope. The kit cannot depend on
 * bp-onnx at build time (bp-onnx's own tests use the kit), hence the look-up by name.
 */
final class OnnxFormCheck {

    static final String CHECK = "onnx form";
    private static final String CONFORMANCE = "dev.backprop.onnx.OnnxConformance";
    private static final String RUNTIME = "ai.onnxruntime.OrtEnvironment";

    private final Method check;

    private OnnxFormCheck(Method check) {
        this.check = check;
    }

    /**
     * The check for an activation of the given class, when it declares an ONNX form and bp-onnx and ONNX Runtime
     * can be loaded where it lives; empty otherwise.
     */
    static Optional<OnnxFormCheck> forActivation(Activation activation) {
        if (!(activation instanceof OnnxExportable)) {
            return Optional.empty();
        }
        for (ClassLoader loader : new ClassLoader[] {
            Thread.currentThread().getContextClassLoader(),
            activation.getClass().getClassLoader(),
            OnnxFormCheck.class.getClassLoader()
        }) {
            if (loader == null) {
                continue;
            }
            try {
                Class.forName(RUNTIME, false, loader);
                Class<?> conformance = Class.forName(CONFORMANCE, true, loader);
                return Optional.of(new OnnxFormCheck(conformance.getMethod("check", Activation.class)));
            } catch (ClassNotFoundException | NoSuchMethodException | LinkageError e) {
                // not visible through this loader; try the next
            }
        }
        return Optional.empty();
    }

    /** Runs bp-onnx's conformance check on the activation. */
    CheckResult run(Activation activation) {
        try {
            Object result = check.invoke(null, activation);
            return CheckResult.pass(
                    CHECK, "ONNX Runtime runs the declared form equal to forward (float and double graphs): " + result);
        } catch (InvocationTargetException e) {
            Throwable cause = e.getCause();
            return CheckResult.fail(CHECK, String.valueOf(cause.getMessage()));
        } catch (IllegalAccessException e) {
            return CheckResult.fail(
                    CHECK,
                    "cannot call " + CONFORMANCE + ".check: " + e.getMessage()
                            + "; on the module path, let the test module read dev.backprop.onnx");
        }
    }
}
