package dev.backprop.spark;

import dev.backprop.core.spi.BatchReduction;

/**
 * How a loss reduces the per-sample losses ℓ_i of a batch to one number, which decides how the shards' losses and
 * gradients add up to the global batch's. A global batch of B samples is split into shards s of m_s samples
 * (Σ m_s = B); each shard's loss L_s and gradient g_s are computed by the ordinary engine on the shard alone.
 */
public enum Reduction {

    /**
     * {@code L = c · (1/B) Σ_i ℓ_i} for a constant c (a plain mean, or a mean over all B·k output entries): then
     * {@code L = Σ_s (m_s / B) L_s} and {@code ∇L = Σ_s (m_s / B) g_s}. Each shard's mean is turned back into its
     * share of the sum and the total divided by B.
     */
    MEAN {
        @Override
        double shardWeight(int shardRows, int batchRows) {
            // w_s = m_s / B
            return (double) shardRows / batchRows;
        }
    },

    /** {@code L = c · Σ_i ℓ_i}: then {@code L = Σ_s L_s} and {@code ∇L = Σ_s g_s}. */
    SUM {
        @Override
        double shardWeight(int shardRows, int batchRows) {
            return 1.0;
        }
    };

    /**
     * The weight w_s of a shard's loss and gradient in the batch's: {@code L = Σ_s w_s L_s}.
     *
     * @param shardRows m_s, the shard's samples in the batch
     * @param batchRows B, the batch's samples
     */
    abstract double shardWeight(int shardRows, int batchRows);

    /** The reduction a loss declares. */
    static Reduction of(BatchReduction declared) {
        return declared == BatchReduction.SUM ? SUM : MEAN;
    }
}
