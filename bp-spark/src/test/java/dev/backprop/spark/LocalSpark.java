package dev.backprop.spark;

import org.apache.spark.api.java.JavaSparkContext;
import org.junit.jupiter.api.extension.ExtensionContext;
import org.junit.jupiter.api.extension.ParameterContext;
import org.junit.jupiter.api.extension.ParameterResolver;

/**
 * Gives test classes one shared local Spark context ({@link SparkTests#localContext}) as a parameter of their
 * {@code @BeforeAll} method: starting a context takes seconds, and a JVM holds one at a time. The context lives in
 * the root store and stops at the end of the run, or earlier when a test needs a context of another kind
 * ({@link #stopShared}).
 */
final class LocalSpark implements ParameterResolver {

    private static final ExtensionContext.Namespace NAMESPACE = ExtensionContext.Namespace.create(LocalSpark.class);
    private static final String KEY = "context";

    @Override
    public boolean supportsParameter(ParameterContext parameter, ExtensionContext extension) {
        return parameter.getParameter().getType() == JavaSparkContext.class;
    }

    @Override
    public Object resolveParameter(ParameterContext parameter, ExtensionContext extension) {
        return extension
                .getRoot()
                .getStore(NAMESPACE)
                .getOrComputeIfAbsent(KEY, k -> new Shared(SparkTests.localContext("bp-spark tests")), Shared.class)
                .context();
    }

    /** Stops the shared context, if one is running, so that a test can start another kind. */
    static void stopShared(ExtensionContext extension) {
        Shared shared = extension.getRoot().getStore(NAMESPACE).remove(KEY, Shared.class);
        if (shared != null) {
            shared.close();
        }
    }

    /** The context, stopped when the store closes. */
    private record Shared(JavaSparkContext context) implements AutoCloseable {
        @Override
        public void close() {
            context.stop();
        }
    }
}
