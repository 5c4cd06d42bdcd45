package org.retailrl.cli;

import java.nio.file.Path;

/**
 * Training stopped because a loss, gradient, reward or parameter became NaN or infinite
 * (detected by the learners' finiteness checks of docs/model.md §8.12). Carries the round in
 * which it happened and the last good checkpoint, which has been left untouched.
 */
final class TrainingDivergedException extends Exception {
    private static final long serialVersionUID = 1L;
    private final transient Path lastCheckpoint;
    private final int round;

    TrainingDivergedException(String run, String quantity, int round, Path lastCheckpoint, int checkpointRound) {
        super(run + ": training stopped in episode " + round + ": " + quantity + "; "
                + (lastCheckpoint == null ? "no checkpoint had been written yet"
                        : "the last good checkpoint (after episode " + checkpointRound + ") is " + lastCheckpoint
                                + " (unchanged; resume with: retail resume " + lastCheckpoint + ")"));
        this.lastCheckpoint = lastCheckpoint;
        this.round = round;
    }

    /** The last good checkpoint, or null if none was written. */
    Path lastCheckpoint() {
        return lastCheckpoint;
    }

    /** The 0-based round that failed. */
    int round() {
        return round;
    }
}
