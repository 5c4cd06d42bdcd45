package org.retailrl.algorithms.checkpoint;

import java.io.IOException;

/**
 * A checkpoint file that cannot be used: truncated, corrupted, of another
 * format version, or not matching what it is restored into. The message names the file and what is
 * wrong; nothing in memory has been changed when it is thrown.
 *
 * <p>docs/model.md §8 learners: refusing a damaged checkpoint keeps a run of the §8 algorithms resumable; no equation of its own.
 */
public final class CheckpointException extends IOException {
    private static final long serialVersionUID = 1L;

    /** A refusal naming the file and the problem. */
    public CheckpointException(String message) {
        super(message);
    }

    /** A refusal naming the file and the problem, with its cause. */
    public CheckpointException(String message, Throwable cause) {
        super(message, cause);
    }
}
