package org.retailrl.runtime;

import java.io.IOException;

/**
 * A policy file (docs/model.md §8.1 actors of a §1 pricing policy) that cannot be served: not a
 * policy file, truncated, corrupted, of a newer format version, of another problem, too large, or
 * with declared sizes that do not fit its scenario or the limits. The message starts with the
 * file (or stream) name and says what is wrong.
 */
public final class PolicyFormatException extends IOException {
    private static final long serialVersionUID = 1L;

    /**
     * An exception with the given message.
     *
     * @param message the source name and the problem, in words
     */
    public PolicyFormatException(String message) {
        super(message);
    }
}
