package org.retailrl.cli;

import java.io.PrintStream;
import java.util.Locale;
import java.util.function.BooleanSupplier;
import org.retailrl.algorithms.checkpoint.RunSpec;
import org.retailrl.envs.pricing.PricingScenario;

/**
 * A rough time estimate for a training budget (docs/model.md §8.12), checked before any work: a
 * budget estimated above one hour is printed and needs {@code --yes} when the command does not run
 * on a terminal (a script or a scheduler cannot answer a question), and a yes on the terminal
 * otherwise — so a typo such as {@code --episodes 1000000} does not silently occupy a machine for days.
 */
final class BudgetCheck {
    /** Above this many estimated seconds a budget must be confirmed. */
    static final double LIMIT_SECONDS = 3600;
    /**
     * Copy-steps (one simulated period of one environment copy, acting and learning) per second of
     * one run with 64-wide networks: the default comparison trains 1.6·10^7 copy-steps in 704–782
     * CPU seconds with its fits and evaluation included (README), about 21,000 per CPU second on a
     * quiet AMD EPYC core; half of that, for a loaded machine and the slower joint-action actor.
     */
    static final double COPY_STEPS_PER_SECOND = 10_000;

    /** Whether the command runs on a terminal; tests replace it. */
    static BooleanSupplier terminal = () -> System.console() != null;

    private BudgetCheck() {
    }

    /**
     * The estimated seconds of {@code runs} training runs like {@code spec} on {@code parallel}
     * threads, or NaN when there is no estimate for its problem (only pricing scenarios have one).
     */
    static double seconds(RunSpec spec, int runs, int parallel) {
        if (!(spec.scenario() instanceof PricingScenario ps)) {
            return Double.NaN;
        }
        double width = spec.config().hidden() / 64.0;
        double steps = (double) spec.copies() * ps.horizon() * spec.episodes() * runs;
        return steps * Math.max(1, width * width) / COPY_STEPS_PER_SECOND / Math.max(1, parallel);
    }

    /**
     * Passes when the estimate is within the limit, or confirmed; otherwise throws a
     * {@link UsageException} that states the estimate and how to confirm.
     */
    static void confirm(String what, double seconds, boolean yes, PrintStream err) {
        if (!(seconds > LIMIT_SECONDS) || yes) {
            return;
        }
        String estimate = String.format(Locale.ROOT, "%s is estimated to take about %s (at %,.0f copy-steps per second)",
                what, duration(seconds), COPY_STEPS_PER_SECOND);
        if (terminal.getAsBoolean()) {
            java.io.Console c = System.console();
            String answer = c == null ? null : c.readLine("%s. Continue? [y/N] ", estimate);
            if (answer != null && (answer.trim().equalsIgnoreCase("y") || answer.trim().equalsIgnoreCase("yes"))) {
                return;
            }
            throw new UsageException(estimate + "; not confirmed");
        }
        throw new UsageException(estimate + ", more than one hour; pass --yes to run it anyway (not on a terminal, "
                + "so there is no one to ask)");
    }

    static String duration(double seconds) {
        long s = Math.round(seconds);
        if (s >= 86_400) {
            return String.format(Locale.ROOT, "%.1f days", s / 86_400.0);
        }
        return String.format(Locale.ROOT, "%d h %02d min", s / 3600, (s % 3600) / 60);
    }
}
