/**
 * The built-in pure-Java matrix backend ({@code ejml}): products on EJML, split across threads, with optional
 * vector kernels. Not exported (except to bp-blas, which reuses the shape checks and the single-threaded backend
 * for small products): it is not API. Programs choose and configure backends through
 * {@link dev.backprop.core.backend.MatrixBackends}.
 */
package dev.backprop.core.internal.backend;
