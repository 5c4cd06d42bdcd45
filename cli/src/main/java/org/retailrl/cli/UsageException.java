package org.retailrl.cli;

/** Bad command-line input: printed with the command's usage, exit code 2. */
public final class UsageException extends RuntimeException {
    private static final long serialVersionUID = 1L;

    /** An error naming the offending option and what is allowed. */
    public UsageException(String message) {
        super(message);
    }
}
