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
 * The table {@code compare} prints (docs/model.md §8 evaluation protocol): per policy, the mean episode
 * profit with two 95% t-intervals (currency) — over the evaluation episodes of the seed-averaged
 * profit, and over the training (or fitting) seeds of the per-seed means, the interval that treats
 * seeds as replicates — the paired relative improvement over each baseline
 * (percent, with its 95% delta-method interval, same evaluation episodes) and the gap to the DP
 * optimum (percent) where the scenario is a small DP instance, {@code n/a} otherwise.
 *
 * @param report    the evaluation it renders
 * @param baselines the policies improvements are measured against, in column order
 * @param paired    {@code paired[row][col]}: row policy versus baseline {@code col}, null on the diagonal
 */
record CompareTable(EvaluationReport report, List<String> baselines, PairedComparison[][] paired) {
    /**
     * The baselines, in this order, when present: the three of Zheng, Li, Jiang and Peng §3.8, base
     * stock, the two strongest competitor-aware heuristics, Subs (§4.4) and the PPO comparison.
     */
    static final List<String> BASELINES = List.of("BSLP", "(s,S,p)", "Myopic", "BaseStock", "Myopic*", "(s,S,p)*",
            "Subs", CompareCommand.PPO);

    static CompareTable of(EvaluationReport report) {
        List<String> names = new ArrayList<>();
        for (PolicyScore s : report.scores()) {
            names.add(s.name());
        }
        List<String> base = new ArrayList<>();
        for (String b : BASELINES) {
            if (names.contains(b)) {
                base.add(b);
            }
        }
        PairedComparison[][] p = new PairedComparison[names.size()][base.size()];
        for (int i = 0; i < names.size(); i++) {
            for (int j = 0; j < base.size(); j++) {
                PolicyScore x = report.scores().get(i);
                PolicyScore y = report.scores().get(names.indexOf(base.get(j)));
                if (x != y) {
                    p[i][j] = PairedComparison.of(x.name(), x.episodeScores(), y.name(), y.episodeScores(),
                            PolicyEvaluator.LEVEL);
                }
            }
        }
        return new CompareTable(report, List.copyOf(base), p);
    }

    /** Header and rows as strings (shared by the text table and the HTML table). */
    List<List<String>> rows() {
        List<List<String>> rows = new ArrayList<>();
        List<String> head = new ArrayList<>(List.of("policy", "seeds", "mean profit ± CI episodes", "± CI seeds"));
        for (String b : baselines) {
            head.add("vs " + b + " %");
        }
        head.add("gap to DP %");
        rows.add(head);
        for (int i = 0; i < report.scores().size(); i++) {
            PolicyScore s = report.scores().get(i);
            Summary m = s.summary();
            List<String> r = new ArrayList<>(List.of(s.name(), Integer.toString(s.seedMeans().length),
                    String.format(Locale.ROOT, "%.2f ± %.2f", m.mean(), m.halfWidth()), seedHalfWidth(s)));
            for (int j = 0; j < baselines.size(); j++) {
                PairedComparison c = paired[i][j];
                r.add(c == null ? "—" : Double.isNaN(c.improvementPct()) ? "n/a"
                        : String.format(Locale.ROOT, "%+.2f ± %.2f", c.improvementPct(), c.improvementHalfWidthPct()));
            }
            r.add(Double.isNaN(s.gapToOptimumPct()) ? "n/a"
                    : String.format(Locale.ROOT, "%.2f ± %.2f", s.gapToOptimumPct(), s.gapHalfWidthPct()));
            rows.add(r);
        }
        return rows;
    }

    /** The 95% t-interval half-width of {@code s}'s per-seed means, {@code n/a} with one seed. */
    static String seedHalfWidth(PolicyScore s) {
        return s.seedMeans().length < 2 ? "n/a" : String.format(Locale.ROOT, "± %.2f",
                Summary.of(s.seedMeans(), PolicyEvaluator.LEVEL).halfWidth());
    }

    /** The aligned text table with its legend. */
    String text() {
        return align(rows()) + String.format(Locale.ROOT, "%nCI episodes: 95%% t-interval over the evaluation episodes of "
                + "the profit averaged over seeds; CI seeds: 95%% t-interval over the per-seed mean profits (training "
                + "seeds as replicates; n/a with one seed).%nvs X %%: paired improvement 100·mean(policy − X)/|mean(X)| "
                + "on the same episodes, ± its 95%% interval (per-seed pairs: the seeds table); gap to DP: n/a unless the "
                + "scenario is a small DP instance.%n");
    }

    /** {@code rows} as text columns: the first left-aligned, the rest right-aligned, two spaces apart. */
    static String align(List<List<String>> rows) {
        int[] w = new int[rows.get(0).size()];
        for (List<String> r : rows) {
            for (int k = 0; k < r.size(); k++) {
                w[k] = Math.max(w[k], r.get(k).length());
            }
        }
        StringBuilder sb = new StringBuilder();
        for (List<String> r : rows) {
            StringBuilder line = new StringBuilder();
            for (int k = 0; k < r.size(); k++) {
                String cell = r.get(k);
                String pad = " ".repeat(w[k] - cell.length());
                line.append(k == 0 ? cell + pad : "  " + pad + cell);
            }
            sb.append(line.toString().stripTrailing()).append('\n');
        }
        return sb.toString();
    }
}
