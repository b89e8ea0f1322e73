/** An example third-party plug-in for bp. */
module com.example.bp {
    requires dev.backprop.core;
}
