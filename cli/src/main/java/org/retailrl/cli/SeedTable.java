package org.retailrl.cli;

import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import org.retailrl.algorithms.eval.EvaluationReport;
import org.retailrl.algorithms.eval.PairedComparison;
import org.retailrl.algorithms.eval.PolicyEvaluator;
import org.retailrl.algorithms.eval.PolicyScore;
import org.retailrl.algorithms.eval.Summary;

/**
 * Training seeds as replicates (docs/model.md §8.11, beside departure D11's episode intervals):
 * each policy's mean episode profit per seed (the learned policy trained, or the heuristic fitted,
 * with that seed, on the common evaluation episodes), their mean with a 95% t-interval across
 * seeds, and for each learned policy the paired per-seed differences against every other policy
 * (same seed index) with their t-interval and the relative improvement
 * {@code 100·mean(d)/|mean(Y)|} with its delta-method interval ({@link PairedComparison}), and the
 * number of seeds on which the learned policy is ahead. Needs at least two seeds.
 *
 * @param report  the evaluation
 * @param learned names of the learned policies the pairs are formed for
 */
record SeedTable(EvaluationReport report, List<String> learned) {
    /** Whether {@code report} has enough seeds for intervals across them. */
    static boolean applies(EvaluationReport report) {
        return report.scores().get(0).seedMeans().length >= 2;
    }

    private static String f(double x) {
        return String.format(Locale.ROOT, "%.2f", x);
    }

    /** Per-policy rows: name, per-seed means, mean ± half-width. */
    List<List<String>> policyRows() {
        List<List<String>> rows = new ArrayList<>();
        rows.add(List.of("policy", "seed means", "mean over seeds ± 95% CI"));
        for (PolicyScore s : report.scores()) {
            StringBuilder means = new StringBuilder();
            for (double m : s.seedMeans()) {
                means.append(means.length() == 0 ? "" : " ").append(f(m));
            }
            Summary sum = Summary.of(s.seedMeans(), PolicyEvaluator.LEVEL);
            // One policy (the DP optimum) has no spread across seeds to show.
            rows.add(List.of(s.name(), means.toString(),
                    sum.n() < 2 ? f(sum.mean()) + " (one policy)" : f(sum.mean()) + " ± " + f(sum.halfWidth())));
        }
        return rows;
    }

    /** The per-seed paired comparisons of every learned policy against every other policy. */
    List<PairedComparison> pairs() {
        List<PairedComparison> out = new ArrayList<>();
        for (PolicyScore x : report.scores()) {
            if (!learned.contains(x.name())) {
                continue;
            }
            for (PolicyScore y : report.scores()) {
                // Another learner's sampled row adds nothing its greedy row does not show.
                boolean otherSampled = y.name().endsWith(CompareCommand.SAMPLED)
                        && !y.name().equals(x.name() + CompareCommand.SAMPLED);
                if (y != x && !otherSampled && y.seedMeans().length == x.seedMeans().length) {
                    out.add(PairedComparison.of(x.name(), x.seedMeans(), y.name(), y.seedMeans(), PolicyEvaluator.LEVEL));
                }
            }
        }
        return out;
    }

    /** Seeds on which {@code c}'s policy is ahead of its baseline. */
    private int wins(PairedComparison c) {
        double[] x = score(c.policy()).seedMeans();
        double[] y = score(c.baseline()).seedMeans();
        int w = 0;
        for (int s = 0; s < x.length; s++) {
            w += x[s] > y[s] ? 1 : 0;
        }
        return w;
    }

    private PolicyScore score(String name) {
        for (PolicyScore s : report.scores()) {
            if (s.name().equals(name)) {
                return s;
            }
        }
        throw new IllegalArgumentException("no policy named " + name);
    }

    /**
     * Whether the paired difference is significant at 95%: {@code ahead} or {@code behind} when its
     * t-interval excludes 0, {@code no} otherwise.
     */
    static String significance(Summary d) {
        return d.lower() > 0 ? "ahead" : d.upper() < 0 ? "behind" : "no";
    }

    /** Both tables as aligned text. */
    String text() {
        List<List<String>> pr = new ArrayList<>();
        pr.add(List.of("policy", "vs", "mean diff per seed ± 95% CI", "improvement % ± 95% CI", "seeds ahead",
                "significant"));
        for (PairedComparison c : pairs()) {
            Summary d = c.difference();
            pr.add(List.of(c.policy(), c.baseline(), f(d.mean()) + " ± " + f(d.halfWidth()),
                    Double.isNaN(c.improvementPct()) ? "n/a"
                            : String.format(Locale.ROOT, "%+.2f ± %.2f", c.improvementPct(), c.improvementHalfWidthPct()),
                    wins(c) + "/" + d.n(), significance(d)));
        }
        int n = report.scores().get(0).seedMeans().length;
        return String.format(Locale.ROOT, "seeds as replicates (%d seeds; t-intervals with %d degrees of freedom)%n", n,
                n - 1) + CompareTable.align(policyRows()) + "\n" + CompareTable.align(pr)
                + String.format(Locale.ROOT, "significant: the paired per-seed difference's 95%% t-interval excludes 0 "
                + "(ahead or behind), no otherwise.%n");
    }

    /** CSV: one row per policy (kind {@code policy}), then one per paired comparison (kind {@code paired}). */
    String csv() {
        StringBuilder sb = new StringBuilder("kind,policy,baseline,seeds,seed_means,mean,ci_low,ci_high,"
                + "improvement_pct,improvement_halfwidth_pct,seeds_ahead,significant\n");
        for (PolicyScore s : report.scores()) {
            Summary sum = Summary.of(s.seedMeans(), PolicyEvaluator.LEVEL);
            boolean spread = sum.n() >= 2;
            sb.append(String.format(Locale.ROOT, "policy,%s,,%d,%s,%s,%s,%s,,,,%n", EvaluationReport.csv(s.name()),
                    sum.n(), join(s.seedMeans()), num(sum.mean()), spread ? num(sum.lower()) : "",
                    spread ? num(sum.upper()) : ""));
        }
        for (PairedComparison c : pairs()) {
            Summary d = c.difference();
            sb.append(String.format(Locale.ROOT, "paired,%s,%s,%d,,%s,%s,%s,%s,%s,%d,%s%n", EvaluationReport.csv(c.policy()),
                    EvaluationReport.csv(c.baseline()), d.n(),
                    num(d.mean()), num(d.lower()), num(d.upper()), num(c.improvementPct()),
                    num(c.improvementHalfWidthPct()), wins(c), significance(d)));
        }
        return sb.toString();
    }

    private static String join(double[] v) {
        StringBuilder sb = new StringBuilder();
        for (double x : v) {
            sb.append(sb.length() == 0 ? "" : ";").append(num(x));
        }
        return sb.toString();
    }

    private static String num(double x) {
        return Double.isNaN(x) ? "" : Double.toString(x);
    }
}
