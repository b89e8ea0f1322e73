/**
 * Matrix backends: the pure-Java default ({@link dev.backprop.core.backend.EjmlBackend}) and the discovery
 * and selection of others ({@link dev.backprop.core.backend.MatrixBackends}), such as the native BLAS backend
 * of the bp-blas module.
 */
package dev.backprop.core.backend;
