/**
 * bp's JMH benchmarks. Run them from the executable jar, {@code java -jar bp-bench/target/bp-bench.jar}; the
 * build only compiles and packages them.
 */
module dev.backprop.bench {
    requires transitive dev.backprop.core;
    requires dev.backprop.blas;
    requires jmh.core;
    requires org.slf4j;

    exports dev.backprop.bench;
}
