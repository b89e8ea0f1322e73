package dev.backprop.core.spi;

import java.util.List;
import java.util.Set;

/**
 * A provider of one kind of component, found with {@link java.util.ServiceLoader}. Providers are stateless,
 * cheap to construct and have a public no-argument constructor; the component is built later by
 * {@link #create(Config)}.
 *
 * @param <T> the component type
 */
public interface ComponentProvider<T extends Component> {

    /**
     * The unique name the component is looked up by: lower case, words joined by hyphens, e.g.
     * {@code leaky-relu}. Two providers of one kind with the same name are an error.
     */
    String name();

    /** Other names that also find this provider, e.g. {@code linear} for {@code identity}. */
    default Set<String> aliases() {
        return Set.of();
    }

    /** One sentence saying what the component computes, shown by listings. */
    default String description() {
        return "";
    }

    /**
     * Creates the component.
     *
     * @param config its parameters; unknown keys and invalid values are refused with
     *               {@link IllegalArgumentException} naming the parameter and the value
     */
    T create(Config config);

    /**
     * Configurations with non-default parameter values that tests of this provider should exercise besides
     * the defaults, e.g. {@code Config.of("approximate", "tanh")}. The conformance kit checks each of them
     * in full; it also tries other values of the numeric, boolean and {@code reduction} parameters a created
     * component reports, so declare here above all the values of text parameters it cannot guess. Each must be
     * accepted by {@link #create(Config)}. Not used outside tests. Empty by default.
     */
    default List<Config> sampleConfigs() {
        return List.of();
    }
}
