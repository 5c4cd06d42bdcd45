package org.retailrl.cli;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import org.retailrl.algorithms.recommendation.ComparisonOptions;
import org.retailrl.algorithms.recommendation.ComparisonResult;
import org.retailrl.algorithms.recommendation.Learner;
import org.retailrl.algorithms.recommendation.PolicyOutcome;
import org.retailrl.algorithms.recommendation.Spread;
import org.retailrl.algorithms.recommendation.MeanInterval;
import org.retailrl.cli.report.DensityChart;
import org.retailrl.cli.report.HtmlReport;
import org.retailrl.cli.report.LineChart;
import org.retailrl.cli.report.Series;

/**
 * Writes the report folder of {@link RecommendationCompare} (docs/model.md §3 with the §8 protocol):
 * <ul>
 * <li>{@code results.csv} — one row per policy: mean episode profit, 95 % half-width, SD, IQR,
 *     per-seed means;</li>
 * <li>{@code episodes.csv} — every evaluation episode profit: policy, group (training seed, or 0
 *     for a heuristic), episode;</li>
 * <li>{@code differences.csv} — the paired differences of MTMA and Joint IM-RS against every
 *     other policy;</li>
 * <li>{@code curves.csv} — learning curves: learner, seed, round, training episodes so far, mean
 *     episode profit of the round;</li>
 * <li>{@code seeds.csv} — the claims' differences with the training seeds as replicates
 *     ({@link ComparisonResult#seedDifference}): per-seed paired differences and their t-interval;</li>
 * <li>{@code density.svg} — the kernel-density plot of every policy's episode profits, and
 *     {@code density-close.svg} without the clearly separated ones (both also in the report);</li>
 * <li>{@code result.json} — all of the above plus the concentration ratios and the claims;</li>
 * <li>{@code report.html} — the table, the claims, kernel-density plots of the episode profits
 *     (Jiang et al. Fig. 2) and the learning curves.</li>
 * </ul>
 * Profits are currency per episode; numbers are written with {@link Locale#ROOT}.
 */
public final class RecommendationReport {
    private static final int MAX_CURVE_POINTS = 200;

    private RecommendationReport() {
    }

    /** Writes every file into {@code dir} (created if missing); {@code seconds} is the wall time. */
    public static void write(ComparisonResult r, Path dir, double seconds) throws IOException {
        Files.createDirectories(dir);
        Files.writeString(dir.resolve("results.csv"), resultsCsv(r), StandardCharsets.UTF_8);
        Files.writeString(dir.resolve("episodes.csv"), episodesCsv(r), StandardCharsets.UTF_8);
        Files.writeString(dir.resolve("differences.csv"), differencesCsv(r), StandardCharsets.UTF_8);
        Files.writeString(dir.resolve("curves.csv"), curvesCsv(r), StandardCharsets.UTF_8);
        Files.writeString(dir.resolve("result.json"), RecommendationJson.of(r, seconds), StandardCharsets.UTF_8);
        org.retailrl.core.io.AtomicFiles.writeString(dir.resolve("seeds.csv"), seedsCsv(r));
        org.retailrl.core.io.AtomicFiles.writeString(dir.resolve("density.svg"), density(r, r.policies()).svg());
        org.retailrl.core.io.AtomicFiles.writeString(dir.resolve("density-close.svg"), density(r, contenders(r)).svg());
        html(r, seconds).write(dir.resolve("report.html"));
    }

    /** The coordinated learners and the policies each is compared with in the claims, as {policy, baseline}. */
    static List<String[]> claimPairs() {
        List<String[]> out = new ArrayList<>();
        out.add(new String[] {ComparisonResult.MTMA, ComparisonResult.JOINT});
        for (String c : List.of(ComparisonResult.MTMA, ComparisonResult.JOINT)) {
            for (String b : List.of(ComparisonResult.IM_ONLY, ComparisonResult.RS_ONLY,
                    ComparisonResult.RS_ONLY_BASE_STOCK, ComparisonResult.NAIVE)) {
                out.add(new String[] {c, b});
            }
        }
        return out;
    }

    /** The claims' differences with seeds as replicates, one line each. */
    static String seedsText(ComparisonResult r) {
        StringBuilder sb = new StringBuilder();
        for (String[] p : claimPairs()) {
            MeanInterval d = r.seedDifference(p[0], p[1]);
            sb.append(String.format(Locale.ROOT, "  %-40s %s%n", p[0] + " − " + p[1], pm(d)));
        }
        return sb.toString();
    }

    static String seedsCsv(ComparisonResult r) {
        StringBuilder sb = new StringBuilder("policy,baseline,seed_differences,mean_difference,half_width_95,seeds\n");
        for (String[] p : claimPairs()) {
            double[] a = r.policy(p[0]).groupMeans();
            double[] b = r.policy(p[1]).groupMeans();
            StringBuilder each = new StringBuilder();
            for (int g = 0; g < a.length; g++) {
                each.append(g == 0 ? "" : ";").append(num(a[g] - b[b.length == 1 ? 0 : g]));
            }
            MeanInterval d = r.seedDifference(p[0], p[1]);
            sb.append(csv(p[0])).append(',').append(csv(p[1])).append(',').append(each).append(',')
                    .append(num(d.mean())).append(',').append(num(d.halfWidth())).append(',').append(d.n()).append('\n');
        }
        return sb.toString();
    }

    static String resultsCsv(ComparisonResult r) {
        StringBuilder sb = new StringBuilder("policy,learned,mean,half_width_95,sd,iqr,seed_means\n");
        for (PolicyOutcome p : r.policies()) {
            MeanInterval m = p.summary();
            StringBuilder seeds = new StringBuilder();
            for (double v : p.groupMeans()) {
                seeds.append(seeds.length() == 0 ? "" : ";").append(num(v));
            }
            sb.append(csv(p.name())).append(',').append(p.learned()).append(',').append(num(m.mean())).append(',')
                    .append(num(m.halfWidth())).append(',').append(num(Spread.sd(p.pooled()))).append(',')
                    .append(num(Spread.iqr(p.pooled()))).append(',').append(seeds).append('\n');
        }
        return sb.toString();
    }

    static String episodesCsv(ComparisonResult r) {
        StringBuilder sb = new StringBuilder("policy,group,episode,profit\n");
        for (PolicyOutcome p : r.policies()) {
            double[][] x = p.rewards();
            for (int g = 0; g < x.length; g++) {
                for (int e = 0; e < x[g].length; e++) {
                    sb.append(csv(p.name())).append(',').append(p.learned() ? g + 1 : 0).append(',').append(e)
                            .append(',').append(num(x[g][e])).append('\n');
                }
            }
        }
        return sb.toString();
    }

    static String differencesCsv(ComparisonResult r) {
        StringBuilder sb = new StringBuilder("policy,baseline,mean_difference,half_width_95,n\n");
        for (ComparisonResult.Difference d : r.differences()) {
            sb.append(csv(d.policy())).append(',').append(csv(d.baseline())).append(',').append(num(d.diff().mean()))
                    .append(',').append(num(d.diff().halfWidth())).append(',').append(d.diff().n()).append('\n');
        }
        return sb.toString();
    }

    static String curvesCsv(ComparisonResult r) {
        StringBuilder sb = new StringBuilder("learner,seed,round,episodes,mean_episode_profit\n");
        Learner[] ls = Learner.values();
        for (int l = 0; l < ls.length; l++) {
            double[][] c = r.curves().get(l);
            for (int g = 0; g < c.length; g++) {
                for (int k = 0; k < c[g].length; k++) {
                    sb.append(csv(ls[l].label())).append(',').append(g + 1).append(',').append(k).append(',')
                            .append((long) (k + 1) * r.episodesPerRound()).append(',').append(num(c[g][k]))
                            .append('\n');
                }
            }
        }
        return sb.toString();
    }

    static HtmlReport html(ComparisonResult r, double seconds) {
        ComparisonOptions o = r.options();
        HtmlReport h = new HtmlReport("Inventory with recommendation: " + o.scenarioName());
        h.metadata("scenario", o.scenarioName() + " — " + o.scenario())
                .metadata("training seeds", Integer.toString(o.seeds()))
                .metadata("training episodes per learner and seed",
                        Long.toString((long) o.rounds() * r.episodesPerRound()))
                .metadata("evaluation episodes per policy and seed", Integer.toString(o.evalEpisodes()))
                .metadata("threads", Integer.toString(o.threads()))
                .metadata("wall time", String.format(Locale.ROOT, "%.1f s", seconds));
        h.paragraph("docs/model.md §3 (Jiang et al. §VI.B, Jiang, Han, Peng and Zhang). Every policy is scored on the same evaluation "
                + "episodes (common random numbers). Mean episode profit over the per-episode means across training "
                + "seeds with its 95 % Student-t interval; SD and IQR over all (seed, episode) profits; the last "
                + "column is the paired difference MTMA − policy with its 95 % interval.");
        List<List<String>> rows = new ArrayList<>();
        for (PolicyOutcome p : r.policies()) {
            MeanInterval m = p.summary();
            String d = p.name().equals(ComparisonResult.MTMA) ? "—"
                    : pm(r.difference(ComparisonResult.MTMA, p.name()).diff());
            rows.add(List.of(p.name(), p.learned() ? "learned" : "heuristic", pm(m), num1(Spread.sd(p.pooled())),
                    num1(Spread.iqr(p.pooled())), d));
        }
        h.table("Episode profit (currency) by policy", List.of("policy", "kind", "mean ± 95 % CI", "SD", "IQR",
                "MTMA − policy"), rows);
        h.heading(2, "Claims of the papers (95 % confidence)");
        h.paragraph("Coordinated (MTMA, Joint IM-RS) above siloed (IM-Only, RS-Only, Naive IM-RS): "
                + verdict(r.claims().coordinatedAboveSiloed()) + ". Naive IM-RS worse than coordinated: "
                + verdict(r.claims().naiveWorse()) + ". MTMA's profits more concentrated than every other learned "
                + "policy's (paired bootstrap of the SD ratio, 2,000 resamples): " + verdict(r.claims().mtmaConcentrated())
                + ".");
        List<List<String>> ev = new ArrayList<>();
        for (String e : r.claims().evidence()) {
            ev.add(List.of(e));
        }
        h.table("Comparisons behind the verdicts", List.of("comparison"), ev);
        h.heading(2, "Distributions of episode profit");
        h.figure(density(r, r.policies()).svg(), "Kernel-density estimates of the evaluation episode profits of "
                + "every policy (all seeds pooled), as Jiang et al. Fig. 2.");
        List<PolicyOutcome> close = contenders(r);
        if (close.size() < r.policies().size()) {
            h.figure(density(r, close).svg(), "The same, without the policies whose 95th percentile lies below the "
                    + "5th percentile of the lower of MTMA and Joint IM-RS (clearly separated, they flatten the axis).");
        }
        h.heading(2, "Learning curves");
        h.figure(curves(r, 0, false).svg(), "Mean training-episode profit per round, mean over seeds (band: lowest to "
                + "highest seed), averaged into at most " + MAX_CURVE_POINTS + " points.");
        int skip = r.curves().get(0)[0].length / 10;
        if (skip > 0) {
            h.figure(curves(r, skip, true).svg(), "The same after the first tenth of training, without the learners "
                    + "whose policy is left out of Figure 2.");
        }
        return h;
    }

    private static DensityChart density(ComparisonResult r, List<PolicyOutcome> ps) {
        List<DensityChart.Sample> samples = new ArrayList<>();
        for (PolicyOutcome p : ps) {
            samples.add(new DensityChart.Sample(p.name(), p.pooled()));
        }
        return DensityChart.of("Episode profit, " + r.options().scenarioName(), "episode profit (currency)", samples);
    }

    private static List<PolicyOutcome> contenders(ComparisonResult r) {
        double floor = Math.min(Spread.quantile(r.policy(ComparisonResult.MTMA).pooled(), 0.05),
                Spread.quantile(r.policy(ComparisonResult.JOINT).pooled(), 0.05));
        List<PolicyOutcome> out = new ArrayList<>();
        for (PolicyOutcome p : r.policies()) {
            if (Spread.quantile(p.pooled(), 0.95) >= floor) {
                out.add(p);
            }
        }
        return out;
    }

    private static LineChart curves(ComparisonResult r, int skip, boolean contendersOnly) {
        List<Series> series = new ArrayList<>();
        Learner[] ls = Learner.values();
        List<PolicyOutcome> kept = contenders(r);
        for (int l = 0; l < ls.length; l++) {
            String label = ls[l].label();
            if (contendersOnly && kept.stream().noneMatch(p -> p.name().equals(label))) {
                continue;
            }
            double[][] c = r.curves().get(l);
            int rounds = c[0].length - skip;
            int bin = Math.max(1, (rounds + MAX_CURVE_POINTS - 1) / MAX_CURVE_POINTS);
            int points = (rounds + bin - 1) / bin;
            double[] x = new double[points];
            double[] y = new double[points];
            double[] lo = new double[points];
            double[] hi = new double[points];
            for (int p = 0; p < points; p++) {
                int from = skip + p * bin;
                int to = Math.min(skip + rounds, from + bin);
                x[p] = (double) to * r.episodesPerRound();
                lo[p] = Double.POSITIVE_INFINITY;
                hi[p] = Double.NEGATIVE_INFINITY;
                for (double[] seed : c) {
                    double s = 0;
                    for (int k = from; k < to; k++) {
                        s += seed[k];
                    }
                    s /= to - from;
                    y[p] += s / c.length;
                    lo[p] = Math.min(lo[p], s);
                    hi[p] = Math.max(hi[p], s);
                }
                lo[p] = Math.min(lo[p], y[p]);
                hi[p] = Math.max(hi[p], y[p]);
            }
            series.add(new Series(label, x, y, lo, hi));
        }
        return LineChart.of("Learning curves, " + r.options().scenarioName(), "training episodes",
                "mean episode profit (currency)", series);
    }

    private static String verdict(boolean b) {
        return b ? "holds" : "does not hold";
    }

    private static String pm(MeanInterval m) {
        return String.format(Locale.ROOT, "%.1f ± %.1f", m.mean(), m.halfWidth());
    }

    private static String num1(double v) {
        return String.format(Locale.ROOT, "%.1f", v);
    }

    static String num(double v) {
        return Double.isFinite(v) ? Double.toString(v) : "NaN";
    }

    private static String csv(String s) {
        return s.contains(",") || s.contains("\"") ? "\"" + s.replace("\"", "\"\"") + "\"" : s;
    }
}
