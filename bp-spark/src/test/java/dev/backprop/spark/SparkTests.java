package dev.backprop.spark;

import dev.backprop.core.network.Network;
import dev.backprop.core.random.Rng;
import dev.backprop.core.registry.Registries;
import dev.backprop.core.spi.Parameter;
import dev.backprop.data.TabularDataset;
import java.util.List;
import org.apache.spark.SparkConf;
import org.apache.spark.api.java.JavaSparkContext;
import org.ejml.data.DMatrixRMaj;

/** Spark contexts, networks and data for the tests. */
final class SparkTests {

    /** The registries of the test class path: bp-optim's optimizers and the spark-test components. */
    static final Registries REGISTRIES = Registries.discover();

    private SparkTests() {}

    /**
     * A context with two local threads that retries a failed task up to four times ({@code local[2,4]}; plain
     * {@code local[2]} never retries), bound to loopback, without UI, and taking at most 4 MiB of task results per
     * job on the driver.
     */
    static JavaSparkContext localContext(String name) {
        SparkConf conf = new SparkConf()
                .setMaster("local[2,4]")
                .setAppName(name)
                .set("spark.driver.host", "127.0.0.1")
                .set("spark.driver.bindAddress", "127.0.0.1")
                .set("spark.ui.enabled", "false")
                .set("spark.ui.showConsoleProgress", "false")
                // small, so that a test can show that the driver does not take every partition's gradient
                .set("spark.driver.maxResultSize", "4m");
        return new JavaSparkContext(conf);
    }

    /** A 4-8-3 classifier, tanh then softmax, weights drawn from the seed. */
    static Network classifier(long seed) {
        return Network.builder(REGISTRIES)
                .input(4)
                .dense(8, "spark-test-tanh")
                .dense(3, "spark-test-softmax")
                .seed(seed)
                .build();
    }

    /**
     * n samples of 4 features in [−1, 1) with a class index 0, 1 or 2 that depends on the features' signs (so a
     * network can learn it), drawn from the seed.
     */
    static TabularDataset classes(int n, long seed) {
        Rng rng = new Rng(seed);
        DMatrixRMaj x = new DMatrixRMaj(n, 4);
        DMatrixRMaj y = new DMatrixRMaj(n, 1);
        for (int i = 0; i < n; i++) {
            for (int j = 0; j < 4; j++) {
                x.set(i, j, rng.nextDouble(-1, 1));
            }
            double s = x.get(i, 0) + 0.5 * x.get(i, 1) - x.get(i, 2);
            y.set(i, 0, s < -0.4 ? 0 : s < 0.4 ? 1 : 2);
        }
        return new TabularDataset(x, y);
    }

    /** A 4-8-3 regressor, tanh then identity, weights drawn from the seed. */
    static Network regressor(long seed) {
        return Network.builder(REGISTRIES)
                .input(4)
                .dense(8, "spark-test-tanh")
                .dense(3, "spark-test-identity")
                .seed(seed)
                .build();
    }

    /** n samples of 4 features in [−1, 1) with three targets (sin x₀, x₁·x₂, x₃ − x₀), drawn from the seed. */
    static TabularDataset regression(int n, long seed) {
        Rng rng = new Rng(seed);
        DMatrixRMaj x = new DMatrixRMaj(n, 4);
        DMatrixRMaj y = new DMatrixRMaj(n, 3);
        for (int i = 0; i < n; i++) {
            for (int j = 0; j < 4; j++) {
                x.set(i, j, rng.nextDouble(-1, 1));
            }
            y.set(i, 0, Math.sin(x.get(i, 0)));
            y.set(i, 1, x.get(i, 1) * x.get(i, 2));
            y.set(i, 2, x.get(i, 3) - x.get(i, 0));
        }
        return new TabularDataset(x, y);
    }

    /** A loss from the test registries by name. */
    static dev.backprop.core.spi.Loss loss(String spec) {
        return REGISTRIES.losses().create(dev.backprop.core.spi.ComponentSpec.parse(spec));
    }

    /** All parameter values of a network, flat. */
    static double[] weights(Network network) {
        return ParameterVector.values(network.parameters());
    }

    /** The largest absolute difference between two networks' parameters. */
    static double maxDifference(Network a, Network b) {
        List<Parameter> pa = a.parameters();
        List<Parameter> pb = b.parameters();
        double max = 0;
        for (int p = 0; p < pa.size(); p++) {
            DMatrixRMaj va = pa.get(p).value();
            DMatrixRMaj vb = pb.get(p).value();
            for (int i = 0; i < va.getNumElements(); i++) {
                max = Math.max(max, Math.abs(va.data[i] - vb.data[i]));
            }
        }
        return max;
    }
}
