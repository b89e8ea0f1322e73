/** bp's examples and command-line program. */
module dev.backprop.examples {
    requires dev.backprop.core;
    requires dev.backprop.data;
    requires org.slf4j;
}
