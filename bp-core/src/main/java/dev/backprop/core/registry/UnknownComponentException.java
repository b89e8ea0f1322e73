package dev.backprop.core.registry;

/** A component was asked for by a name no provider has. The message lists the names that are available. */
public final class UnknownComponentException extends IllegalArgumentException {

    private static final long serialVersionUID = 1L;

    private final String kind;
    private final String requestedName;

    UnknownComponentException(String kind, String requestedName, String message) {
        super(message);
        this.kind = kind;
        this.requestedName = requestedName;
    }

    /** The kind of component, e.g. {@code activation}. */
    public String kind() {
        return kind;
    }

    /** The name that was asked for. */
    public String requestedName() {
        return requestedName;
    }
}
