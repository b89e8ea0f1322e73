package dev.backprop.core.io;

import java.io.IOException;

/**
 * A model file was refused: it is not a readable ZIP archive, not a bp model file, written by a newer format
 * version, corrupted (a checksum or CRC does not match), inconsistent (an array's shape differs from the
 * architecture), over one of the limits in {@link ModelFile}, or it names a plug-in that is not installed.
 *
 * <p>It is an {@link IOException}, checked, because a file can be damaged or replaced at any time: callers that
 * load models handle it where they handle the file being missing or unreadable. The message always names the
 * file, the entry or manifest line, the values involved and, where there is one, the fix.
 */
public final class ModelFileException extends IOException {

    private static final long serialVersionUID = 1L;

    /** An exception with the given message, which names the file and the problem. */
    public ModelFileException(String message) {
        super(message);
    }

    /** An exception with the given message and cause. */
    public ModelFileException(String message, Throwable cause) {
        super(message, cause);
    }
}
