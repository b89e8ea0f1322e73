/**
 * Matrix backends: the discovery and selection of the backend a network's products run on
 * ({@link dev.backprop.core.backend.MatrixBackends}), the built-in pure-Java one or a plug-in such as the native
 * BLAS backend of the bp-blas module. The SPI a backend implements is
 * {@link dev.backprop.core.spi.MatrixBackend}; the built-in backend's classes are internal.
 */
package dev.backprop.core.backend;
