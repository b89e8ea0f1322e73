/** bp's examples and the {@code bp} command-line program. */
module dev.backprop.examples {
    requires dev.backprop.core;
    requires dev.backprop.data;
    requires dev.backprop.datasets;
    requires dev.backprop.onnx;
    requires info.picocli;
    requires me.tongfei.progressbar;
    requires org.knowm.xchart;
    requires java.desktop;
    requires org.slf4j;

    opens dev.backprop.examples.cli to
            info.picocli;
}
