package dev.backprop.core.registry;

/**
 * Two providers of one kind claim the same name. Registries never pick one silently; the message names both
 * classes and where they came from.
 */
public final class DuplicateProviderException extends IllegalStateException {

    private static final long serialVersionUID = 1L;

    DuplicateProviderException(String message) {
        super(message);
    }
}
