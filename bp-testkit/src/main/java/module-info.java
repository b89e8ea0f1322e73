/** The conformance kit for bp plug-ins. */
module dev.backprop.testkit {
    requires transitive dev.backprop.core;
    requires transitive org.junit.jupiter.api;
}
