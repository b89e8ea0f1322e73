package dev.backprop.spark.examples;

import java.io.File;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.StringJoiner;
import java.util.concurrent.TimeUnit;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.apache.spark.SparkConf;
import org.apache.spark.api.java.JavaSparkContext;

/**
 * The Spark settings the examples share: {@code local[2]} on loopback without UI unless a master is given;
 * locality wait 0, so that a replacement executor gets training tasks at once; and, for
 * {@code local-cluster[N,C,M]} masters, executors that run on this JVM's class path.
 */
final class SparkSetup {

    private static final Pattern LOCAL_CLUSTER = Pattern.compile("local-cluster\\[\\s*(\\d+)\\s*,.*\\]");

    private SparkSetup() {}

    /**
     * Completes a configuration. A {@code local-cluster} master needs the environment variable
     * {@code SPARK_HOME}, a directory where the workers keep their files.
     *
     * @throws IllegalStateException for {@code local-cluster} without {@code SPARK_HOME}
     */
    static SparkConf local(SparkConf conf) {
        conf.setIfMissing("spark.master", "local[2]")
                // a training job's tasks are far shorter than the default wait of 3 s for a preferred executor
                .setIfMissing("spark.locality.wait", "0");
        String master = conf.get("spark.master");
        if (master.startsWith("local")) {
            conf.setIfMissing("spark.driver.host", "127.0.0.1")
                    .setIfMissing("spark.driver.bindAddress", "127.0.0.1")
                    .setIfMissing("spark.ui.enabled", "false")
                    .setIfMissing("spark.log.level", "WARN");
        }
        if (master.startsWith("local-cluster")) {
            String home = System.getenv("SPARK_HOME");
            if (home == null || home.isBlank()) {
                throw new IllegalStateException("A local-cluster master needs SPARK_HOME, a directory for the"
                        + " workers' files, e.g. SPARK_HOME=bp-spark/target/spark-home");
            }
            try {
                // the workers put SPARK_HOME/jars on their executors' class path, then the extra class path
                Files.createDirectories(Path.of(home, "jars"));
            } catch (java.io.IOException e) {
                throw new IllegalStateException("Cannot create SPARK_HOME " + home + ": " + e.getMessage(), e);
            }
            conf.setIfMissing("spark.executor.extraClassPath", absolute(System.getProperty("java.class.path")))
                    .setIfMissing("spark.executorEnv.SPARK_SCALA_VERSION", "2.13")
                    .setIfMissing("spark.executor.memory", "1g");
        }
        return conf;
    }

    /**
     * The class path with every entry made absolute: executors run in their own working directories, where
     * the driver's relative entries (such as {@code bp-spark/target/…-spark.jar}) would name nothing.
     */
    static String absolute(String classPath) {
        StringJoiner joined = new StringJoiner(File.pathSeparator);
        for (String entry : classPath.split(File.pathSeparator, 0)) {
            if (!entry.isEmpty()) {
                joined.add(Path.of(entry).toAbsolutePath().normalize().toString());
            }
        }
        return joined.toString();
    }

    /** N of a {@code local-cluster[N,C,M]} master, else 0. */
    static int localClusterExecutors(String master) {
        Matcher m = LOCAL_CLUSTER.matcher(master);
        return m.matches() ? Integer.parseInt(m.group(1)) : 0;
    }

    /**
     * Waits until at least {@code count} executors have registered.
     *
     * @throws IllegalStateException if they have not within two minutes
     */
    static void awaitExecutors(JavaSparkContext sc, int count) throws InterruptedException {
        long deadline = System.nanoTime() + TimeUnit.MINUTES.toNanos(2);
        while (sc.sc().getExecutorIds().size() < count) {
            if (System.nanoTime() > deadline) {
                throw new IllegalStateException(
                        "Only " + sc.sc().getExecutorIds().size() + " of " + count
                                + " executors registered within two minutes");
            }
            Thread.sleep(100);
        }
    }
}
