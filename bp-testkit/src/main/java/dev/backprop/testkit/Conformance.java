package dev.backprop.testkit;

import dev.backprop.core.gradcheck.GradientCheck;
import dev.backprop.core.spi.ActivationProvider;
import dev.backprop.core.spi.ComponentProvider;
import dev.backprop.core.spi.Config;
import dev.backprop.core.spi.LossProvider;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Objects;
import java.util.stream.Stream;
import org.junit.jupiter.api.DynamicTest;

/**
 * The conformance kit: checks that an activation or loss provider behaves as bp's engine relies on, the same
 * way for bp's built-ins and for any plug-in.
 *
 * <pre>{@code
 * Conformance.defaults().checkActivation(new MyActivationProvider()).assertPassed();
 *
 * @TestFactory
 * Stream<DynamicTest> conformance() {
 *     return Conformance.defaults().dynamicTests(new MyActivationProvider());
 * }
 * }</pre>
 *
 * <p><b>Configurations.</b> Unless given configurations, the kit checks everything below for each of
 * {@link #configs(ComponentProvider)}: the defaults, every configuration the provider declares with
 * {@link ComponentProvider#sampleConfigs()}, and, for each parameter the default component reports in
 * {@code config()}, the defaults with that parameter changed (a real number v to 1.5 v, else 0.5 v, v + 1 or
 * v − 1; an integer n to n + 1, n − 1 or 2n; a boolean to its negation; {@code reduction} to another of
 * {@code mean} and {@code sum}; the first value the provider accepts).
 *
 * <p>Every provider is checked for:
 * <ul>
 * <li><b>name</b>: lower-case words joined by hyphens, a description, and components reporting that name;</li>
 * <li><b>registry</b>: the name (and each alias) resolves, in a registry loaded with the thread's context class
 * loader, to exactly this provider's class, with no other provider claiming it;</li>
 * <li><b>parameters round-trip</b>: every given parameter appears in {@code config()} with the value given
 * (numbers compared as numbers), and {@code provider.create(component.config())}, also through the text form
 * {@code name(key=value,...)}, makes a component with the same configuration and bit-for-bit the same
 * behaviour (an activation's forward and backward outputs, a loss's value and gradient, on sample inputs);</li>
 * <li><b>parameters change the output</b>: for each parameter in {@code config()}, a component made with one
 * of the other values (the declared sample values, then those derived as above, as far as the provider accepts
 * them) behaves differently on the same sample inputs, so a parameter that is reported but not computed with
 * fails;</li>
 * <li><b>unknown parameter refused</b> with an {@link IllegalArgumentException} naming it.</li>
 * </ul>
 * An activation also for:
 * <ul>
 * <li><b>standard form</b>: a declared {@link dev.backprop.core.spi.Activation#standardForm()} is the truth:
 * forward equals σ(z) = 1/(1 + e^−z), or the row-wise softmax, computed by the kit, to 1e-12 relative on a
 * grid of [−8, 8] and at extreme inputs, since losses fuse their gradient on that claim;</li>
 * <li><b>derivative</b>: {@code backward} against central differences (step 1e-6, from {@link GradientCheck}),
 * each entry's relative error {@code |analytic − numeric| / max(|analytic|, |numeric|, 1e-2)} at most 1e-6
 * (entries below 1e-2 are thus held to an absolute error of 1e-8, where rounding in the differences
 * dominates), at 80 points of the input range, 33 evenly spaced and 47 random. Element-wise
 * activations are checked entry by entry with {@code f = g · f(z)}, row-wise ones row by row with
 * {@code f = Σ_j g_j f(z)_j}, g of magnitude 0.5 to 1.5. Points at a kink, where the one-sided differences
 * disagree or that lie within 1e-4 of a kink declared with {@link #withKinks}, are skipped, at most a tenth of
 * them;</li>
 * <li><b>rows independent</b>: each row of a batch equals the row computed alone, and for activations that are
 * not {@link dev.backprop.core.spi.Activation#isRowWise() row-wise} each entry equals the entry alone;</li>
 * <li><b>backward in place</b>: {@code backward(z, a, g, g)} gives what {@code backward(z, a, g, dz)} gives;</li>
 * <li><b>inputs unchanged</b>: forward and backward write only their outputs;</li>
 * <li><b>extreme inputs</b>: forward and backward are finite for inputs up to ±1e8, including rows
 * {@code [1000, 1000, ...]} and {@code [−1e4, 1e4, ...]};</li>
 * <li><b>no allocation</b>: after a warm-up, forward and backward allocate less than one byte per call (the
 * least of three rounds, measured with the JDK's per-thread allocation counter; passed without measuring on
 * a JVM that has none).</li>
 * </ul>
 * A loss also for:
 * <ul>
 * <li><b>targets accepted</b> by {@code validate}, and <b>wrong target shape refused</b> with a message giving
 * the shape;</li>
 * <li><b>batch reduction</b>: with every sample of a batch twice, the value stays if
 * {@link dev.backprop.core.spi.Loss#batchReduction()} is MEAN and doubles if it is SUM (to 1e-12 relative),
 * and a parameter {@code reduction=mean} or {@code reduction=sum} agrees with {@code batchReduction()};</li>
 * <li><b>gradient</b>: {@code gradient} against central differences of {@code value}, as above, on three 6×4
 * batches from the {@link OutputDomain};</li>
 * <li><b>rows independent</b>: each row of the gradient is unchanged when the other rows change;</li>
 * <li><b>extreme outputs</b>: value and gradient finite at the edges of the domain;</li>
 * <li><b>fused gradients</b>: for every registered activation the loss declares a fused gradient with, the
 * fused dZ equals the chain {@code backward(gradient(...))} to 1e-12 (plus 1e-9 relative);</li>
 * <li><b>no allocation</b> in validate, value and gradient, as for activations.</li>
 * </ul>
 *
 * <p><b>Module path.</b> The registry checks look for the provider with {@link java.util.ServiceLoader} as the
 * engine does. When a test runs on the module path (Maven Surefire's default for a project with a
 * {@code module-info.java}), only {@code provides} clauses register providers, and a {@code META-INF/services}
 * file in {@code src/test/resources} is ignored; the registry check then says so and names the fix: the
 * {@code provides} clause, or {@code <useModulePath>false</useModulePath>} for Surefire.
 *
 * <p>Instances are immutable; the {@code with...} methods make changed copies. Every check is seeded and
 * deterministic.
 */
public final class Conformance {

    /** The default seed of the kit's random samples. */
    public static final long DEFAULT_SEED = 20_240_601L;
    /** Points within this distance of a declared kink are not compared. */
    public static final double KINK_MARGIN = 1e-4;

    private final long seed;
    private final double low;
    private final double high;
    private final double[] kinks;

    private Conformance(long seed, double low, double high, double[] kinks) {
        this.seed = seed;
        this.low = low;
        this.high = high;
        this.kinks = kinks;
    }

    /** The kit with its default seed, activation inputs in [−4, 4] and no declared kinks. */
    public static Conformance defaults() {
        return new Conformance(DEFAULT_SEED, -4, 4, new double[0]);
    }

    /** This kit with another seed for its random samples. */
    public Conformance withSeed(long seed) {
        return new Conformance(seed, low, high, kinks);
    }

    /**
     * This kit sampling activation inputs from [low, high] for the derivative and batch checks, for an
     * activation defined only there.
     *
     * @throws IllegalArgumentException unless low &lt; high, both finite
     */
    public Conformance withInputRange(double low, double high) {
        if (!(Double.isFinite(low) && Double.isFinite(high) && low < high)) {
            throw new IllegalArgumentException(
                    "Input range must be finite with low < high, got [" + low + ", " + high + "]");
        }
        return new Conformance(seed, low, high, kinks);
    }

    /**
     * This kit leaving out of the derivative check the inputs within {@link #KINK_MARGIN} of the given points,
     * where the activation's derivative jumps. Kinks are also found without this, from one-sided differences;
     * declaring them documents them.
     */
    public Conformance withKinks(double... points) {
        return new Conformance(seed, low, high, points.clone());
    }

    long seed() {
        return seed;
    }

    double low() {
        return low;
    }

    double high() {
        return high;
    }

    boolean nearKink(double z) {
        for (double kink : kinks) {
            if (Math.abs(z - kink) <= KINK_MARGIN) {
                return true;
            }
        }
        return false;
    }

    /**
     * The configurations the kit checks for a provider when none are given: the defaults, the provider's
     * {@link ComponentProvider#sampleConfigs() declared samples}, and the defaults with each reported parameter
     * changed to a derived value the provider accepts (see the class comment), without repeats.
     */
    public List<Config> configs(ComponentProvider<?> provider) {
        return ParameterSamples.configs(provider);
    }

    /**
     * Runs every activation check for each of {@link #configs(ComponentProvider)}, in one report whose checks
     * are named with their configuration, e.g. {@code derivative [beta=1.5]}.
     */
    public ConformanceReport checkActivation(ActivationProvider provider) {
        List<Config> configs = configs(provider);
        List<CheckResult> results = new ArrayList<>();
        for (Config config : configs) {
            results.addAll(runAll(new ActivationChecks(provider, config, this).all(), config));
        }
        return new ConformanceReport(subject("activation", provider.name(), configs), results);
    }

    /**
     * Runs every loss check for each of {@link #configs(ComponentProvider)}, in one report whose checks are
     * named with their configuration, e.g. {@code batch reduction [reduction=sum]}.
     *
     * @param outputs where the loss's inputs Y are sampled
     * @param targets makes targets for sampled outputs
     */
    public ConformanceReport checkLoss(LossProvider provider, OutputDomain outputs, TargetGenerator targets) {
        List<Config> configs = configs(provider);
        List<CheckResult> results = new ArrayList<>();
        for (Config config : configs) {
            results.addAll(runAll(new LossChecks(provider, config, outputs, targets, this).all(), config));
        }
        return new ConformanceReport(subject("loss", provider.name(), configs), results);
    }

    /**
     * Runs every activation check with one configuration.
     *
     * @param provider the provider under test
     * @param config   the parameters to create the activation with
     */
    public ConformanceReport checkActivation(ActivationProvider provider, Config config) {
        return run(subject("activation", provider.name(), config), new ActivationChecks(provider, config, this).all());
    }

    /** Runs every check of a loss with one configuration on real outputs (raw scores or regression outputs). */
    public ConformanceReport checkLoss(LossProvider provider, Config config, TargetGenerator targets) {
        return checkLoss(provider, config, OutputDomain.real(), targets);
    }

    /**
     * Runs every loss check with one configuration.
     *
     * @param provider the provider under test
     * @param config   the parameters to create the loss with
     * @param outputs  where the loss's inputs Y are sampled
     * @param targets  makes targets for sampled outputs
     */
    public ConformanceReport checkLoss(
            LossProvider provider, Config config, OutputDomain outputs, TargetGenerator targets) {
        return run(
                subject("loss", provider.name(), config),
                new LossChecks(provider, config, outputs, targets, this).all());
    }

    /**
     * The activation checks as JUnit dynamic tests, one per check and configuration, for a {@code @TestFactory}.
     *
     * @param configs the configurations to check; none means {@link #configs(ComponentProvider)}
     */
    public Stream<DynamicTest> dynamicTests(ActivationProvider provider, Config... configs) {
        List<DynamicTest> tests = new ArrayList<>();
        for (Config config : orDerived(provider, configs)) {
            String subject = subject("activation", provider.name(), config);
            for (NamedCheck check : new ActivationChecks(provider, config, this).all()) {
                tests.add(dynamicTest(subject, check));
            }
        }
        return tests.stream();
    }

    /**
     * The loss checks as JUnit dynamic tests, one per check and configuration, for a {@code @TestFactory}.
     *
     * @param configs the configurations to check; none means {@link #configs(ComponentProvider)}
     */
    public Stream<DynamicTest> dynamicTests(
            LossProvider provider, OutputDomain outputs, TargetGenerator targets, Config... configs) {
        List<DynamicTest> tests = new ArrayList<>();
        for (Config config : orDerived(provider, configs)) {
            String subject = subject("loss", provider.name(), config);
            for (NamedCheck check : new LossChecks(provider, config, outputs, targets, this).all()) {
                tests.add(dynamicTest(subject, check));
            }
        }
        return tests.stream();
    }

    private List<Config> orDerived(ComponentProvider<?> provider, Config[] configs) {
        return configs.length == 0 ? configs(provider) : Arrays.asList(configs);
    }

    /** The results of the checks, named with the configuration unless it is the defaults. */
    private static List<CheckResult> runAll(List<NamedCheck> checks, Config config) {
        List<CheckResult> results = new ArrayList<>();
        for (NamedCheck check : checks) {
            CheckResult r = check.run();
            results.add(
                    config.isEmpty()
                            ? r
                            : new CheckResult(
                                    r.check() + " [" + config + "]", r.passed(), r.message(), r.maxRelativeError()));
        }
        return results;
    }

    private static DynamicTest dynamicTest(String subject, NamedCheck check) {
        return DynamicTest.dynamicTest(subject + ": " + check.name(), () -> {
            CheckResult result = check.run();
            if (!result.passed()) {
                throw new AssertionError(subject + " fails '" + result.check() + "': " + result.message());
            }
        });
    }

    private static ConformanceReport run(String subject, List<NamedCheck> checks) {
        List<CheckResult> results = new ArrayList<>();
        for (NamedCheck check : checks) {
            results.add(check.run());
        }
        return new ConformanceReport(subject, results);
    }

    private static String subject(String kind, String name, List<Config> configs) {
        List<String> texts = new ArrayList<>();
        for (Config config : configs) {
            texts.add(config.isEmpty() ? "defaults" : config.toString());
        }
        return kind + " " + name + " with " + (configs.size() == 1 ? "" : configs.size() + " configurations: ")
                + String.join("; ", texts);
    }

    private static String subject(String kind, String name, Config config) {
        Objects.requireNonNull(config, "config");
        return kind + " " + name + (config.isEmpty() ? "" : "(" + config + ")");
    }
}
