package org.retailrl.cli;

import java.io.PrintStream;

/**
 * One subcommand of {@code retail}. Results go to {@code out}; progress and diagnostics to
 * {@code err}. A command signals bad arguments with {@link UsageException}.
 *
 * <p>Command-line plumbing for the docs/model.md §1–§3 and §8 jobs; no equation of its own.
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
