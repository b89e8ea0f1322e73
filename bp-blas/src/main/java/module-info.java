/**
 * bp's native BLAS backend: the products of a network's passes as {@code dgemm} calls into the system's BLAS
 * (OpenBLAS, say) through netlib-java's JNI binding, registered as a
 * {@link dev.backprop.core.spi.MatrixBackendProvider} named {@code blas}.
 */
module dev.backprop.blas {
    requires transitive dev.backprop.core;
    requires dev.ludovic.netlib.blas;
    requires org.slf4j;

    exports dev.backprop.blas;

    provides dev.backprop.core.spi.MatrixBackendProvider with
            dev.backprop.blas.BlasBackendProvider;
}
