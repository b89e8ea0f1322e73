/**
 * The {@code blas} matrix backend: {@link dev.backprop.blas.BlasBackend} computes every product with one
 * {@code dgemm} call into the system's native BLAS, found by {@link dev.backprop.blas.NativeBlas}.
 */
package dev.backprop.blas;
