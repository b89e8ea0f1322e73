package dev.backprop.optim;

import dev.backprop.core.spi.Config;
import dev.backprop.core.spi.Optimizer;
import dev.backprop.core.spi.Parameter;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.Collections;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeSet;
import org.ejml.data.DMatrixRMaj;

/**
 * The life cycle, state and regularisation shared by the built-in optimizers; a subclass supplies only its
 * element-wise update rule {@link #update}.
 *
 * <p>Every optimizer built on this class reads the learning rate {@code lr} and the {@link Regularization}
 * keys from its configuration. Its per-parameter state is a fixed list of slots, arrays shaped like the
 * parameter (Adam's {@code m} and {@code v}, say), plus optionally a step count t; all are allocated by
 * {@link #initialise} and saved by {@link #state()} under {@code <parameter>/<slot>} and
 * {@code <parameter>/step}, e.g. {@code layer0.W/m}. {@link #step} allocates nothing.
 *
 * <p>One {@link #step} does, in order: clip-value, the l1/l2 penalties, clip-norm, decoupled weight decay,
 * the subclass's update of every parameter, max-norm (see {@link Regularization} for the formulas).
 */
public abstract class AbstractOptimizer implements Optimizer {

    /** The key of the learning rate. */
    public static final String LEARNING_RATE = "lr";

    /** The name of the per-parameter step count in {@link #state()}. */
    public static final String STEP_SLOT = "step";

    private final String name;
    private final double learningRate;
    private final Regularization regularization;
    private final List<String> slotNames;
    private final boolean countsSteps;

    private List<Parameter> parameters;
    /** slots[p][s] is slot s of parameter p, as long as the parameter. */
    private double[][][] slots;
    /** steps[p] is the number of updates parameter p has had. */
    private long[] steps;

    /**
     * Reads the common keys and refuses unknown ones.
     *
     * @param name                the registered name, e.g. {@code adam}
     * @param config              the configuration
     * @param ownKeys             the keys the subclass reads besides {@code lr} and the regularisation keys
     * @param defaultLearningRate {@code lr} when absent
     * @param defaultWeightDecay  {@code weight-decay} when absent
     * @param countsSteps         whether the update needs the step count t (bias correction)
     * @param slotNames           the per-parameter state arrays the update uses, in the order it receives them
     * @throws IllegalArgumentException for an unknown key, or a negative or non-finite rate or coefficient
     */
    protected AbstractOptimizer(
            String name,
            Config config,
            Set<String> ownKeys,
            double defaultLearningRate,
            double defaultWeightDecay,
            boolean countsSteps,
            String... slotNames) {
        this.name = name;
        Set<String> known = new HashSet<>(ownKeys);
        known.add(LEARNING_RATE);
        known.addAll(Regularization.KEYS);
        config.requireOnly("optimizer '" + name + "'", known);
        this.learningRate = HyperParameters.nonNegative(
                name, LEARNING_RATE, HyperParameters.getDouble(name, config, LEARNING_RATE, defaultLearningRate));
        this.regularization = Regularization.from(name, config, defaultWeightDecay);
        this.countsSteps = countsSteps;
        this.slotNames = List.of(slotNames);
        for (String slot : slotNames) {
            if (slot.equals(STEP_SLOT)) {
                throw new IllegalArgumentException("The slot name '" + STEP_SLOT + "' is reserved for step counts");
            }
        }
    }

    @Override
    public final String name() {
        return name;
    }

    /**
     * Every parameter, defaults included, in the order: {@code lr}, the subclass's own parameters
     * ({@link #ownConfig()}), the regularisation keys.
     */
    @Override
    public final Config config() {
        Config config = Config.of(LEARNING_RATE, learningRate);
        for (Map.Entry<String, String> e : ownConfig().asMap().entrySet()) {
            config = config.with(e.getKey(), e.getValue());
        }
        return regularization.addTo(config);
    }

    /** The subclass's own parameters with their values, defaults included. */
    protected abstract Config ownConfig();

    @Override
    public final double learningRate() {
        return learningRate;
    }

    /** The regularisation this optimizer applies in every step. */
    public final Regularization regularization() {
        return regularization;
    }

    /**
     * The value slot {@code slot} starts at, for every entry (0 unless overridden: Rprop starts its step
     * sizes at Δ₀, AdaGrad its sums at the initial accumulator).
     */
    protected double initialSlotValue(int slot) {
        return 0;
    }

    /**
     * Allocates the state of every parameter: each slot filled with {@link #initialSlotValue}, step counts 0.
     *
     * @throws IllegalArgumentException if two parameters have one name
     */
    @Override
    public final void initialise(List<Parameter> parameters) {
        Set<String> names = new HashSet<>();
        for (Parameter p : parameters) {
            if (!names.add(p.name())) {
                throw new IllegalArgumentException(name + ": two parameters are named '" + p.name()
                        + "'; optimizer state is keyed by parameter name");
            }
        }
        List<Parameter> bound = List.copyOf(parameters);
        double[][][] allocated = new double[bound.size()][slotNames.size()][];
        for (int p = 0; p < bound.size(); p++) {
            for (int s = 0; s < slotNames.size(); s++) {
                allocated[p][s] = new double[bound.get(p).size()];
                Arrays.fill(allocated[p][s], initialSlotValue(s));
            }
        }
        this.parameters = bound;
        this.slots = allocated;
        this.steps = new long[bound.size()];
    }

    /**
     * One update of every parameter from its gradient, in the order described in the class comment. The
     * gradients are modified by the gradient transforms (clipping, penalties).
     *
     * @param parameters   the parameters given to {@link #initialise}, or ones with the same names and shapes
     *                     in the same order (a copy of the network, say)
     * @param learningRate the step's learning rate η, finite and {@code ≥ 0}
     * @throws IllegalStateException    if {@link #initialise} has not been called
     * @throws IllegalArgumentException for another list of parameters or an invalid rate
     */
    @Override
    public final void step(List<Parameter> parameters, double learningRate) {
        requireInitialised("step");
        checkSameParameters(parameters);
        if (!(learningRate >= 0) || !Double.isFinite(learningRate)) {
            throw new IllegalArgumentException(
                    name + " step learning rate must be finite and >= 0, got " + learningRate);
        }
        regularization.transformGradients(parameters);
        regularization.decay(parameters, learningRate);
        for (int p = 0, count = parameters.size(); p < count; p++) {
            Parameter parameter = parameters.get(p);
            steps[p]++;
            update(
                    parameter.size(),
                    parameter.value().data,
                    parameter.gradient().data,
                    slots[p],
                    steps[p],
                    learningRate);
        }
        regularization.constrain(parameters);
    }

    /**
     * The optimizer's update of one parameter, entry by entry, after the gradient transforms.
     *
     * @param n            the number of entries
     * @param w            the parameter's entries {@code [0, n)}. Modified.
     * @param g            the gradient's entries {@code [0, n)}. Not modified.
     * @param slots        this parameter's state arrays, in the order of the constructor's slot names.
     *                     Modified.
     * @param t            the number of this update for this parameter, from 1
     * @param learningRate the step's learning rate η
     */
    protected abstract void update(int n, double[] w, double[] g, double[][] slots, long t, double learningRate);

    @Override
    public final void reset() {
        parameters = null;
        slots = null;
        steps = null;
    }

    /**
     * A copy of the state: each slot as a matrix shaped like its parameter under {@code <parameter>/<slot>},
     * and the step count as a 1 × 1 matrix under {@code <parameter>/step} for optimizers that count steps.
     *
     * @throws IllegalStateException if {@link #initialise} has not been called
     */
    @Override
    public final Map<String, DMatrixRMaj> state() {
        requireInitialised("state");
        Map<String, DMatrixRMaj> state = new LinkedHashMap<>();
        for (int p = 0; p < parameters.size(); p++) {
            Parameter parameter = parameters.get(p);
            for (int s = 0; s < slotNames.size(); s++) {
                DMatrixRMaj copy = new DMatrixRMaj(parameter.value().numRows, parameter.value().numCols);
                System.arraycopy(slots[p][s], 0, copy.data, 0, parameter.size());
                state.put(key(parameter, slotNames.get(s)), copy);
            }
            if (countsSteps) {
                state.put(key(parameter, STEP_SLOT), new DMatrixRMaj(1, 1, true, (double) steps[p]));
            }
        }
        return Collections.unmodifiableMap(state);
    }

    /**
     * Loads a state from {@link #state()} of an optimizer of the same kind initialised with parameters of the
     * same names and shapes. The state is checked completely before anything is loaded.
     *
     * @throws IllegalStateException    if {@link #initialise} has not been called
     * @throws IllegalArgumentException naming a missing or unexpected key, a shape that differs, or a step
     *                                  count that is not a non-negative integer
     */
    @Override
    public final void restore(Map<String, DMatrixRMaj> state) {
        requireInitialised("restore");
        Set<String> expected = new TreeSet<>();
        for (Parameter parameter : parameters) {
            for (String slot : slotNames) {
                DMatrixRMaj m = require(state, key(parameter, slot), expected);
                if (m.numRows != parameter.value().numRows || m.numCols != parameter.value().numCols) {
                    throw new IllegalArgumentException(name + " state '" + key(parameter, slot) + "' is "
                            + m.numRows + "x" + m.numCols + " but parameter " + parameter.name() + " is "
                            + parameter.value().numRows + "x" + parameter.value().numCols);
                }
            }
            if (countsSteps) {
                DMatrixRMaj m = require(state, key(parameter, STEP_SLOT), expected);
                double t = m.getNumElements() == 1 ? m.data[0] : Double.NaN;
                if (!(t >= 0) || t != Math.rint(t) || t > Long.MAX_VALUE) {
                    throw new IllegalArgumentException(name + " state '" + key(parameter, STEP_SLOT)
                            + "' must be a 1x1 non-negative integer step count, got " + m.numRows + "x"
                            + m.numCols + (m.getNumElements() == 1 ? " holding " + m.data[0] : ""));
                }
            }
        }
        Set<String> unexpected = new TreeSet<>(state.keySet());
        unexpected.removeAll(expected);
        if (!unexpected.isEmpty()) {
            throw new IllegalArgumentException(
                    name + " state has unexpected keys " + unexpected + "; expected " + expected);
        }
        for (int p = 0; p < parameters.size(); p++) {
            Parameter parameter = parameters.get(p);
            for (int s = 0; s < slotNames.size(); s++) {
                System.arraycopy(state.get(key(parameter, slotNames.get(s))).data, 0, slots[p][s], 0, parameter.size());
            }
            steps[p] = countsSteps ? (long) state.get(key(parameter, STEP_SLOT)).data[0] : 0;
        }
    }

    private DMatrixRMaj require(Map<String, DMatrixRMaj> state, String key, Set<String> expected) {
        expected.add(key);
        DMatrixRMaj m = state.get(key);
        if (m == null) {
            throw new IllegalArgumentException(
                    name + " state lacks '" + key + "'; it has " + new TreeSet<>(state.keySet()));
        }
        return m;
    }

    private static String key(Parameter parameter, String slot) {
        return parameter.name() + "/" + slot;
    }

    private void requireInitialised(String operation) {
        if (parameters == null) {
            throw new IllegalStateException(name + ": call initialise(parameters) before " + operation + "(...)");
        }
    }

    private void checkSameParameters(List<Parameter> given) {
        if (given.size() != parameters.size()) {
            throw new IllegalArgumentException(name + " was initialised with " + parameters.size() + " parameters "
                    + names(parameters) + " but step got " + given.size() + " " + names(given));
        }
        for (int p = 0, count = given.size(); p < count; p++) {
            Parameter a = parameters.get(p);
            Parameter b = given.get(p);
            if (!a.name().equals(b.name())
                    || a.value().numRows != b.value().numRows
                    || a.value().numCols != b.value().numCols) {
                throw new IllegalArgumentException(name + " was initialised with parameter " + p + " = " + a.name()
                        + " (" + a.value().numRows + "x" + a.value().numCols + ") but step got " + b.name() + " ("
                        + b.value().numRows + "x" + b.value().numCols + ")");
            }
        }
    }

    private static List<String> names(List<Parameter> parameters) {
        List<String> names = new ArrayList<>();
        parameters.forEach(p -> names.add(p.name()));
        return names;
    }

    /** The name and parameters, e.g. {@code adam(lr=0.001,...)}. */
    @Override
    public String toString() {
        return spec().toString();
    }
}
