package dev.backprop.core.spi;

/**
 * What every plug-in component has: the name it is registered under and the parameters it was created
 * with, so that {@code provider.create(component.config())} makes an equal component. Model files store
 * exactly these two.
 */
public interface Component {

    /** The registered name of the provider that created this component. */
    String name();

    /** The parameters this component was created with, including defaults it filled in. */
    Config config();

    /** The name and parameters together. */
    default ComponentSpec spec() {
        return new ComponentSpec(name(), config());
    }
}
