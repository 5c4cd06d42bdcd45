package org.retailrl.cli;

import java.io.PrintStream;

/**
 * One subcommand of {@code retail}. Results go to {@code out}; progress and diagnostics to
 * {@code err}. A command signals bad arguments with {@link UsageException}.
 */
public interface Command {
    /** The word that selects this command. */
    String name();

    /** One line for the command list. */
    String summary();

    /** Full usage text, printed by {@code --help}. */
    String usage();

    /** Runs the command; returns the process exit code. */
    int run(Args args, PrintStream out, PrintStream err) throws Exception;
}
