package dev.backprop.optim;

import dev.backprop.core.spi.Config;
import java.util.Set;

/**
 * Resilient backpropagation, variant iRprop− (Igel and Hüsken, "Improving the Rprop learning algorithm",
 * NC 2000; the variant PyTorch's {@code torch.optim.Rprop} implements). Each weight has its own step size Δ,
 * adapted from the signs of successive gradients; the magnitude of the gradient is not used. Meant for
 * full-batch training, as in Encog.
 * <pre>
 *   if g·g_prev &gt; 0:  Δ ← min(Δ·η⁺, Δmax)
 *   if g·g_prev &lt; 0:  Δ ← max(Δ·η⁻, Δmin),  g ← 0    (iRprop−: no step now, no sign test next time)
 *   w ← w − sign(g)·Δ
 *   g_prev ← g
 * </pre>
 * Δ starts at Δ₀ and {@code g_prev} at 0.
 *
 * <p>The learning rate does not enter the update. {@code lr} (default 1) is accepted for uniformity and
 * scales only the decoupled {@code weight-decay}, {@code w ← w·(1 − η·λ)} with η the rate given to
 * {@link #step}.
 *
 * <p>Parameters: {@code eta-plus} η⁺ &gt; 1 (default 1.2), {@code eta-minus} η⁻ in (0, 1) (default 0.5),
 * {@code delta0} Δ₀ (default 0.1, the value Riedmiller and Braun 1993 recommend; Encog uses 0.1 too and
 * PyTorch 0.01), {@code delta-min} (default 1e-6), {@code delta-max} (default 50), with
 * {@code 0 < delta-min ≤ delta0 ≤ delta-max}, {@code lr} and the {@link Regularization} keys. State:
 * {@code <parameter>/prev-grad}, {@code <parameter>/step-size}.
 */
public final class Rprop extends AbstractOptimizer {

    /** The registered name. */
    public static final String NAME = "rprop";
    /** The key of η⁺. */
    public static final String ETA_PLUS = "eta-plus";
    /** The key of η⁻. */
    public static final String ETA_MINUS = "eta-minus";
    /** The key of Δ₀. */
    public static final String DELTA0 = "delta0";
    /** The key of Δmin. */
    public static final String DELTA_MIN = "delta-min";
    /** The key of Δmax. */
    public static final String DELTA_MAX = "delta-max";

    private final double etaPlus;
    private final double etaMinus;
    private final double delta0;
    private final double deltaMin;
    private final double deltaMax;

    /**
     * Creates the optimizer.
     *
     * @throws IllegalArgumentException for an unknown key or an invalid value, naming both
     */
    public Rprop(Config config) {
        super(
                NAME,
                config,
                Set.of(ETA_PLUS, ETA_MINUS, DELTA0, DELTA_MIN, DELTA_MAX),
                1.0,
                0,
                false,
                "prev-grad",
                "step-size");
        this.etaPlus =
                HyperParameters.greaterThanOne(NAME, ETA_PLUS, HyperParameters.getDouble(NAME, config, ETA_PLUS, 1.2));
        this.etaMinus = HyperParameters.inOpenUnitInterval(
                NAME, ETA_MINUS, HyperParameters.getDouble(NAME, config, ETA_MINUS, 0.5));
        this.deltaMin =
                HyperParameters.positive(NAME, DELTA_MIN, HyperParameters.getDouble(NAME, config, DELTA_MIN, 1e-6));
        this.deltaMax =
                HyperParameters.positive(NAME, DELTA_MAX, HyperParameters.getDouble(NAME, config, DELTA_MAX, 50));
        this.delta0 = HyperParameters.positive(NAME, DELTA0, HyperParameters.getDouble(NAME, config, DELTA0, 0.1));
        if (!(deltaMin <= delta0 && delta0 <= deltaMax)) {
            throw new IllegalArgumentException(NAME + " needs delta-min <= delta0 <= delta-max, got delta-min="
                    + deltaMin + ", delta0=" + delta0 + ", delta-max=" + deltaMax);
        }
    }

    @Override
    protected Config ownConfig() {
        return Config.of(
                ETA_PLUS, etaPlus, ETA_MINUS, etaMinus, DELTA0, delta0, DELTA_MIN, deltaMin, DELTA_MAX, deltaMax);
    }

    @Override
    protected double initialSlotValue(int slot) {
        // prev-grad starts at 0, step-size at Δ₀
        return slot == 1 ? delta0 : 0;
    }

    @Override
    protected void update(int n, double[] w, double[] g, double[][] slots, long t, double learningRate) {
        double[] previous = slots[0];
        double[] delta = slots[1];
        for (int k = 0; k < n; k++) {
            double gradient = g[k];
            double product = gradient * previous[k];
            if (product > 0) {
                // same sign: Δ = min(Δ·η⁺, Δmax)
                delta[k] = Math.min(delta[k] * etaPlus, deltaMax);
            } else if (product < 0) {
                // sign change: Δ = max(Δ·η⁻, Δmin), and the gradient counts as 0
                delta[k] = Math.max(delta[k] * etaMinus, deltaMin);
                gradient = 0;
            }
            // w = w − sign(g)·Δ
            w[k] -= Math.signum(gradient) * delta[k];
            // g_prev = g
            previous[k] = gradient;
        }
    }
}
