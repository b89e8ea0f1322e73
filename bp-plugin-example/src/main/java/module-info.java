/** An example third-party plug-in for bp: the bent-identity activation and the log-cosh loss. */
module com.example.bp {
    requires dev.backprop.core;

    provides dev.backprop.core.spi.ActivationProvider with
            com.example.bp.BentIdentityProvider;
    provides dev.backprop.core.spi.LossProvider with
            com.example.bp.LogCoshLossProvider;
}
