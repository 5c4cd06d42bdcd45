package org.retailrl.nn;

import java.io.IOException;

/**
 * A model file (format of {@link ModelFile}, docs/model.md §8 trained networks) that is truncated,
 * corrupted, of another format version, or does not match the target module's names and shapes.
 */
public final class ModelFileException extends IOException {
    private static final long serialVersionUID = 1L;

    /** An error with a message naming the file and what is wrong. */
    public ModelFileException(String message) {
        super(message);
    }
}
