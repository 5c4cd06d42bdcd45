package org.retailrl.cli;

/**
 * Bad command-line input: printed with the command's usage, exit code 2.
 *
 * <p>Command-line plumbing for the docs/model.md §1–§3 and §8 jobs; no equation of its own.
 */
public final class UsageException extends RuntimeException {
    private static final long serialVersionUID = 1L;

    /** An error naming the offending option and what is allowed. */
    public UsageException(String message) {
        super(message);
    }
}
