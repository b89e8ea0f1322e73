/**
 * The conformance kit for bp plug-ins: checks any activation or loss provider (gradients against central
 * differences, batch independence, extreme inputs, allocation, parameters, registered names), as one call or
 * as JUnit 5 tests.
 */
module dev.backprop.testkit {
    requires transitive dev.backprop.core;
    requires transitive org.junit.jupiter.api;
    requires jdk.management;

    exports dev.backprop.testkit;
}
