package dev.backprop.core.init;

import dev.backprop.core.random.Rng;
import org.ejml.data.DMatrixRMaj;

/**
 * Fills a weight matrix W (fanIn × fanOut) with initial values. Implementations draw only from the given
 * generator, so the same seed gives bit-identical weights.
 */
@FunctionalInterface
public interface Initializer {

    /**
     * Fills the matrix.
     *
     * @param weights the matrix to fill, fanIn rows × fanOut columns. Modified.
     * @param rng     the random source. Modified (advanced).
     */
    void fill(DMatrixRMaj weights, Rng rng);
}
