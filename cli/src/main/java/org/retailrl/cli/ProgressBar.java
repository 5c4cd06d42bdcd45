package org.retailrl.cli;

import java.io.PrintStream;
import java.util.Locale;

/**
 * Progress of a long command on stderr: phase, percent, estimated time left and the current mean
 * training profit (currency per episode). On a terminal it rewrites one line with {@code '\r'};
 * otherwise (a log file, a pipe) it prints a line whenever another {@link #STEP_PERCENT} percent is
 * done. Safe to call from several worker threads.
 */
final class ProgressBar {
    /** Percent between two lines when stderr is not a terminal. */
    static final int STEP_PERCENT = 5;
    private static final int WIDTH = 24;
    private final PrintStream err;
    private final boolean terminal;
    private final long total;
    private final long startNanos = System.nanoTime();
    private long done;
    private int lastPrinted = -1;
    private String phase = "";
    private boolean open;
    private int lastLength;

    /** A bar over {@code total} work units printing to {@code err}. */
    ProgressBar(PrintStream err, long total, boolean terminal) {
        this.err = err;
        this.total = Math.max(1, total);
        this.terminal = terminal;
    }

    /** Whether {@code err} is the process's stderr and that is an interactive terminal. */
    static boolean isTerminal(PrintStream err) {
        if (err != System.err) {
            return false;
        }
        java.io.Console c = System.console();
        if (c == null) {
            return false;
        }
        try {
            // JDK 22+ returns a console even when redirected; isTerminal() tells the truth there.
            return (Boolean) java.io.Console.class.getMethod("isTerminal").invoke(c);
        } catch (ReflectiveOperationException e) {
            return true;
        }
    }

    /** Adds {@code units} of work done in {@code phase}; {@code profit} is NaN when not known. */
    synchronized void advance(String phase, long units, double profit) {
        done = Math.min(total, done + units);
        this.phase = phase;
        int pct = (int) (100 * done / total);
        if (terminal) {
            rewrite(line(pct, profit));
        } else if (pct / STEP_PERCENT > lastPrinted / STEP_PERCENT || lastPrinted < 0) {
            err.println(line(pct, profit));
        }
        lastPrinted = pct;
    }

    /** Announces a phase without progress. */
    synchronized void phase(String phase) {
        this.phase = phase;
        if (terminal) {
            rewrite(line((int) (100 * done / total), Double.NaN));
        } else {
            err.println(phase + "...");
        }
    }

    /** Overwrites the terminal line, blanking what a longer previous line left behind. */
    private void rewrite(String line) {
        err.print("\r" + line + " ".repeat(Math.max(0, lastLength - line.length())));
        err.flush();
        lastLength = line.length();
        open = true;
    }

    /** Ends the bar's line. */
    synchronized void finish() {
        if (terminal && open) {
            err.println();
            open = false;
        }
    }

    private String line(int pct, double profit) {
        int filled = pct * WIDTH / 100;
        double elapsed = (System.nanoTime() - startNanos) / 1e9;
        // Below 2% the rate is dominated by start-up (compilation, heuristic fitting), so an
        // extrapolated ETA would be wildly off; say nothing rather than something wrong.
        String eta = done == 0 || done * 50 < total ? "--:--" : clock(elapsed * (total - done) / done);
        String p = Double.isNaN(profit) ? "" : String.format(Locale.ROOT, "  mean training profit %.1f", profit);
        return String.format(Locale.ROOT, "%-22s [%s%s] %3d%%  ETA %s%s", phase, "#".repeat(filled),
                ".".repeat(WIDTH - filled), pct, eta, p);
    }

    private static String clock(double seconds) {
        long s = Math.round(seconds);
        return String.format(Locale.ROOT, "%d:%02d", s / 60, s % 60);
    }
}
