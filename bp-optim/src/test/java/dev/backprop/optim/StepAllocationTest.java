package dev.backprop.optim;

import static org.assertj.core.api.Assertions.assertThat;
import static org.junit.jupiter.api.Assumptions.assumeTrue;

import dev.backprop.core.registry.Registries;
import dev.backprop.core.spi.ComponentSpec;
import dev.backprop.core.spi.Optimizer;
import java.lang.reflect.Method;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

/**
 * {@code step} allocates nothing: a thousand steps allocate less than a thousand bytes, where one small
 * object per step would take at least 16 000. Measured with the JDK's per-thread allocation counter
 * ({@code com.sun.management.ThreadMXBean}), reached by reflection so the module need not read
 * {@code jdk.management}; skipped where it is unavailable.
 */
class StepAllocationTest {

    private static final String ALL_REGULARIZATION =
            "l2=0.01,l1=0.001,clip-value=0.5,clip-norm=1.0," + "weight-decay=0.01,max-norm=3.0,regularize-bias=true";

    @ParameterizedTest
    @ValueSource(strings = {"sgd", "momentum", "nesterov", "adagrad", "rmsprop", "adam", "adamw", "rprop"})
    void step_allocatesNothing(String name) throws Exception {
        Object bean;
        Method allocated;
        try {
            Object management = Class.forName("java.lang.management.ManagementFactory")
                    .getMethod("getThreadMXBean")
                    .invoke(null);
            Class<?> sunBean = Class.forName("com.sun.management.ThreadMXBean");
            assumeTrue(sunBean.isInstance(management), "no per-thread allocation counter");
            bean = management;
            allocated = sunBean.getMethod("getCurrentThreadAllocatedBytes");
        } catch (ReflectiveOperationException | LinkageError e) {
            assumeTrue(false, "no per-thread allocation counter: " + e);
            return;
        }
        Quadratic q = new Quadratic();
        Optimizer optimizer =
                Registries.discover().optimizers().create(ComponentSpec.parse(name + "(" + ALL_REGULARIZATION + ")"));
        optimizer.initialise(q.parameters);
        q.gradients();
        for (int i = 0; i < 1000; i++) {
            optimizer.step(q.parameters, 1e-6);
        }
        // the fewest bytes of five rounds of a thousand steps: a one-off allocation by the JIT compiler in one round
        // does not count, an allocation in every step would show in every round
        long fewest = Long.MAX_VALUE;
        for (int round = 0; round < 5; round++) {
            long before = (Long) allocated.invoke(bean);
            for (int i = 0; i < 1000; i++) {
                optimizer.step(q.parameters, 1e-6);
            }
            long after = (Long) allocated.invoke(bean);
            fewest = Math.min(fewest, after - before);
        }
        // the two reflective calls box a Long each; anything per step would add at least 16 bytes x 1000
        assertThat(fewest).as(optimizer.name()).isLessThan(1000);
    }
}
