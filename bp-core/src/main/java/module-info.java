/**
 * bp's core: the dense network and its backprop engine on EJML, the plug-in SPI and the registries that find
 * plug-ins with {@link java.util.ServiceLoader}, initialisers and gradient checking.
 *
 * <p>Every exported package is API. The built-in matrix backend lives in the non-exported
 * {@code dev.backprop.core.internal.backend}, open by a qualified export only to bp-blas, whose native backend
 * reuses its shape checks and its single-threaded products for small matrices; programs choose and configure
 * backends through {@code dev.backprop.core.backend.MatrixBackends}.
 */
@SuppressWarnings("module") // the qualified export names bp-blas, which is built after bp-core
module dev.backprop.core {
    requires transitive ejml.core;
    requires transitive ejml.ddense;
    requires org.slf4j;

    exports dev.backprop.core.backend;
    exports dev.backprop.core.data;
    exports dev.backprop.core.eval;
    exports dev.backprop.core.gradcheck;
    exports dev.backprop.core.init;
    exports dev.backprop.core.io;
    exports dev.backprop.core.network;
    exports dev.backprop.core.numeric;
    exports dev.backprop.core.random;
    exports dev.backprop.core.registry;
    exports dev.backprop.core.spi;
    exports dev.backprop.core.train;
    exports dev.backprop.core.internal.backend to
            dev.backprop.blas;

    uses dev.backprop.core.spi.ActivationProvider;
    uses dev.backprop.core.spi.LossProvider;
    uses dev.backprop.core.spi.MatrixBackendProvider;
    uses dev.backprop.core.spi.OptimizerProvider;
    uses dev.backprop.core.spi.ScheduleProvider;
}
