package dev.backprop.spark.examples;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.File;
import java.nio.file.Path;
import org.junit.jupiter.api.Test;

/** The settings the examples give a {@code local-cluster} master, whose executors run in other folders. */
class SparkSetupTest {

    @Test
    void executorClassPath_makesRelativeEntriesAbsolute_andKeepsAbsoluteOnes() {
        // the working directory is the module folder under Surefire; expected values are built from it
        Path cwd = Path.of("").toAbsolutePath();
        String given = String.join(File.pathSeparator, "target/app.jar", "/opt/lib/x.jar", "", "./classes");
        assertThat(SparkSetup.absolute(given).split(File.pathSeparator, 0))
                .containsExactly(
                        cwd.resolve("target/app.jar").toString(),
                        "/opt/lib/x.jar",
                        cwd.resolve("classes").toString());
    }

    @Test
    void localClusterMaster_givesItsExecutorCount_otherMastersNone() {
        assertThat(SparkSetup.localClusterExecutors("local-cluster[2,1,1024]")).isEqualTo(2);
        assertThat(SparkSetup.localClusterExecutors("local[2]")).isZero();
    }
}
