package org.retailrl.envs.gbdt;

import java.io.IOException;

/**
 * A model file of docs/model.md §5's tree learner that cannot be loaded: truncated, corrupted, of
 * another format or version, or holding values no trained model has. The message names the file
 * and what is wrong.
 */
public final class GbdtModelFileException extends IOException {
    private static final long serialVersionUID = 1L;

    /** An error with a message naming the file and the problem. */
    public GbdtModelFileException(String message) {
        super(message);
    }
}
