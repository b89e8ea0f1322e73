/** An example third-party plug-in for bp: the bent-identity activation. */
module com.example.bp {
    requires dev.backprop.core;

    provides dev.backprop.core.spi.ActivationProvider with
            com.example.bp.BentIdentityProvider;
}
