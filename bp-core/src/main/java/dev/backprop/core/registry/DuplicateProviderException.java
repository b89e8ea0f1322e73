package dev.backprop.core.registry;

import java.util.List;

/**
 * A name that two or more providers of one kind claim was looked up. Registries never pick one silently: the
 * conflict is recorded when the registry is built (other names keep working) and this exception is thrown only
 * where the name is used. The message names every class and where it came from, and how to choose one.
 */
public final class DuplicateProviderException extends IllegalStateException {

    private static final long serialVersionUID = 1L;

    private final String kind;
    private final String conflictingName;
    private final List<String> classNames;

    DuplicateProviderException(String kind, String conflictingName, List<String> classNames, String message) {
        super(message);
        this.kind = kind;
        this.conflictingName = conflictingName;
        this.classNames = List.copyOf(classNames);
    }

    /** The kind of component, e.g. {@code activation}. */
    public String kind() {
        return kind;
    }

    /** The name two or more providers claim. */
    public String conflictingName() {
        return conflictingName;
    }

    /** The classes that claim it, in the order they were found. */
    public List<String> classNames() {
        return classNames;
    }
}
