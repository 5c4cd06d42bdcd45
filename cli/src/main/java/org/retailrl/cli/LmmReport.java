package org.retailrl.cli;

import java.io.IOException;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import org.retailrl.algorithms.eval.Summary;
import org.retailrl.algorithms.lmm.LmmEvaluation;
import org.retailrl.algorithms.lmm.TaskFamily;
import org.retailrl.cli.report.HtmlReport;
import org.retailrl.cli.report.LineChart;
import org.retailrl.cli.report.Series;
import org.retailrl.core.io.AtomicFiles;

/**
 * Tables, the achieved-versus-target chart and the HTML report of {@code retail lmm evaluate}
 * (docs/model.md §6.4). Learned policies get a mean and a 95 % Student-t interval across training
 * seeds of their task-averaged normalised score; heuristics, which have no training seed, the
 * task average alone.
 */
final class LmmReport {
    private LmmReport() {
    }

    private interface Score {
        double of(LmmEvaluation.TaskResult r, int seed);
    }

    /**
     * Per seed: the mean over the split's tasks of the normalised score, over the tasks where the
     * policy exists (a NaN score marks a task without it; NaN when no task has it).
     */
    private static double[] perSeed(List<LmmEvaluation.TaskResult> rs, TaskFamily.Split split, int seeds, Score f) {
        double[] out = new double[seeds];
        for (int s = 0; s < seeds; s++) {
            int n = 0;
            for (LmmEvaluation.TaskResult r : rs) {
                double v = r.split() == split ? f.of(r, s) : Double.NaN;
                if (!Double.isNaN(v)) {
                    out[s] += v;
                    n++;
                }
            }
            out[s] = n == 0 ? Double.NaN : out[s] / n;
        }
        return out;
    }

    private static String cell(double[] xs) {
        for (double x : xs) {
            if (Double.isNaN(x)) {
                return "n/a";
            }
        }
        if (xs.length == 1) {
            return String.format(Locale.ROOT, "%.1f", xs[0]);
        }
        Summary s = Summary.of(xs, 0.95);
        return String.format(Locale.ROOT, "%.1f ± %.1f", s.mean(), s.halfWidth());
    }

    /** A policy's mean return on a task for a seed. */
    private interface Profit {
        double of(LmmEvaluation.TaskResult r, int seed);
    }

    /**
     * Rows: method name, then the normalised score on seen and held-out tasks, then the return as a
     * percentage of the best heuristic's, {@code 100·R/|H|}, on seen and held-out tasks.
     */
    static List<List<String>> rows(List<LmmEvaluation.TaskResult> rs, double[] targets, int dtSeeds, int bcSeeds) {
        List<List<String>> rows = new ArrayList<>();
        rows.add(row("random", rs, 1, (r, s) -> r.random()));
        rows.add(row("best paper heuristic", rs, 1, (r, s) -> r.bestPaper()));
        int n = rs.isEmpty() ? 0 : rs.get(0).heuristics().length;
        String best = !rs.isEmpty() && rs.get(0).production() ? "best base-stock baseline (of " + n + ")"
                : "best heuristic (of " + n + ")";
        rows.add(row(best, rs, 1, (r, s) -> r.best()));
        if (rs.stream().anyMatch(r -> !Double.isNaN(r.bestLogged()))) {
            rows.add(row("best behaviour (logged)", rs, 1, (r, s) -> r.bestLogged()));
        }
        for (String name : specialistNames(rs)) {
            int seeds = rs.stream().filter(r -> r.specialists().containsKey(name))
                    .mapToInt(r -> r.specialists().get(name).length).min().orElse(1);
            long has = rs.stream().filter(r -> r.specialists().containsKey(name)).count();
            String label = name + (seeds > 1 ? " (" + seeds + " seeds)" : "") + (has < rs.size() ? " (" + has + "/"
                    + rs.size() + " tasks)" : "");
            rows.add(row(label, rs, seeds, (r, s) -> r.specialists().containsKey(name) ? r.specialists().get(name)[s]
                    : Double.NaN));
        }
        if (bcSeeds > 0) {
            rows.add(row("BC (" + bcSeeds + " seeds)", rs, bcSeeds, (r, s) -> r.bc()[s]));
        }
        for (int k = 0; k < targets.length; k++) {
            int kk = k;
            rows.add(row(String.format(Locale.ROOT, "DT, target k=%.2f (%d seeds)", targets[k], dtSeeds), rs, dtSeeds,
                    (r, s) -> r.dt()[s][kk]));
        }
        return rows;
    }

    private static List<String> row(String name, List<LmmEvaluation.TaskResult> rs, int seeds, Profit p) {
        Score norm = (r, s) -> r.normalised(p.of(r, s));
        Score pct = (r, s) -> 100 * p.of(r, s) / Math.abs(r.best());
        return List.of(name, cell(perSeed(rs, TaskFamily.Split.SEEN, seeds, norm)),
                cell(perSeed(rs, TaskFamily.Split.HELD_OUT, seeds, norm)),
                cell(perSeed(rs, TaskFamily.Split.SEEN, seeds, pct)),
                cell(perSeed(rs, TaskFamily.Split.HELD_OUT, seeds, pct)));
    }

    /**
     * One row per DT checkpoint at the middle target: the spread across seeds, or a comparison of
     * model sizes when the checkpoints differ in size.
     */
    static List<List<String>> perModelRows(List<LmmEvaluation.TaskResult> rs, double[] targets, int dtSeeds) {
        int mid = targets.length / 2;
        List<List<String>> rows = new ArrayList<>();
        for (int m = 0; m < dtSeeds; m++) {
            int mm = m;
            Profit p = (r, s) -> r.dt()[mm][mid];
            Score norm = (r, s) -> r.normalised(p.of(r, s));
            Score pct = (r, s) -> 100 * p.of(r, s) / Math.abs(r.best());
            rows.add(List.of("DT checkpoint " + (m + 1), cell(perSeed(rs, TaskFamily.Split.SEEN, 1, norm)),
                    cell(perSeed(rs, TaskFamily.Split.HELD_OUT, 1, norm)), cell(perSeed(rs, TaskFamily.Split.SEEN, 1, pct)),
                    cell(perSeed(rs, TaskFamily.Split.HELD_OUT, 1, pct))));
        }
        return rows;
    }

    /** The further specialists' names, in order of first appearance. */
    static List<String> specialistNames(List<LmmEvaluation.TaskResult> rs) {
        java.util.LinkedHashSet<String> names = new java.util.LinkedHashSet<>();
        for (LmmEvaluation.TaskResult r : rs) {
            names.addAll(r.specialists().keySet());
        }
        return List.copyOf(names);
    }

    /** Headers of {@link #taskRows}. */
    static List<String> taskHeaders(List<LmmEvaluation.TaskResult> rs) {
        List<String> h = new ArrayList<>(List.of("task", "random", "paper", "best", "logged"));
        h.addAll(specialistNames(rs));
        h.addAll(List.of("BC", "DT"));
        return h;
    }

    /** Per-task mean returns (currency per episode); specialists and BC averaged over seeds. */
    static List<List<String>> taskRows(List<LmmEvaluation.TaskResult> rs) {
        List<List<String>> rows = new ArrayList<>();
        for (LmmEvaluation.TaskResult r : rs) {
            String split = r.dpVariant() ? "small" : r.split() == TaskFamily.Split.SEEN ? "seen" : "held-out";
            String task;
            if (r.scenario() instanceof org.retailrl.envs.production.ProductionScenario sc) {
                task = String.format(Locale.ROOT, "%s production %d: slow c=%.2f L=%d, fast c=%.2f, h=%.2f b=%.2f rec=%.2f eta=%.0f",
                        split, r.index(), sc.methodCost(0), sc.methodLead(0), sc.methodCost(1), sc.holdingCost(),
                        sc.shortageCost(), sc.levelCost(), sc.marketSize());
            } else if (r.scenario() instanceof org.retailrl.envs.recommendation.RecommendationScenario sc) {
                task = String.format(Locale.ROOT, "%s recommendation %d: p_out=%.2f p_in=%.2f h=%.2f b=%.2f L=%d %s c=%s",
                        split, r.index(), sc.priceOut()[0], sc.priceIn()[0], sc.holdingCost()[0], sc.shortageCost()[0],
                        sc.leadTime()[0], sc.mode().name().toLowerCase(Locale.ROOT),
                        java.util.Arrays.toString(sc.purchaseCounts()).replace(" ", ""));
            } else {
                var sc = (org.retailrl.envs.pricing.PricingScenario) r.scenario();
                task = String.format(Locale.ROOT, "%s %d: c=%.2f h=%.2f b=%.2f K=%.0f L=%d %s %s eta=%.0f",
                        split, r.index(), sc.unitCost(), sc.holdingCost(), sc.shortageCost(), sc.fixedCost(), sc.leadTime(),
                        sc.mode().name().toLowerCase(Locale.ROOT), sc.competitor().name().toLowerCase(Locale.ROOT),
                        sc.marketSize());
            }
            double bc = 0;
            for (double x : r.bc()) {
                bc += x;
            }
            bc = r.bc().length == 0 ? Double.NaN : bc / r.bc().length;
            int mid = r.targets().length / 2;
            double dt = 0;
            for (double[] x : r.dt()) {
                dt += x[mid];
            }
            dt /= Math.max(1, r.dt().length);
            List<String> row = new ArrayList<>(List.of(task, f0(r.random()), f0(r.bestPaper()), f0(r.best()),
                    f0(r.bestLogged())));
            for (String name : specialistNames(rs)) {
                double[] v = r.specialists().get(name);
                row.add(v == null ? "-" : f0(java.util.Arrays.stream(v).average().orElse(Double.NaN)));
            }
            row.add(f0(bc));
            row.add(f0(dt));
            rows.add(row);
        }
        return rows;
    }

    private static String f0(double x) {
        return Double.isNaN(x) ? "-" : String.format(Locale.ROOT, "%.0f", x);
    }

    /** The kinds present, pricing first: their titles and tasks. */
    static java.util.Map<String, List<LmmEvaluation.TaskResult>> kinds(List<LmmEvaluation.TaskResult> rs) {
        java.util.Map<String, List<LmmEvaluation.TaskResult>> out = new java.util.LinkedHashMap<>();
        List<LmmEvaluation.TaskResult> pricing = rs.stream().filter(r -> !r.production() && !r.recommendation() && !r.dpVariant())
                .toList();
        List<LmmEvaluation.TaskResult> production = rs.stream().filter(LmmEvaluation.TaskResult::production).toList();
        List<LmmEvaluation.TaskResult> recommendation = rs.stream().filter(LmmEvaluation.TaskResult::recommendation).toList();
        List<LmmEvaluation.TaskResult> small = rs.stream().filter(LmmEvaluation.TaskResult::dpVariant).toList();
        if (!pricing.isEmpty()) {
            out.put("pricing-and-replenishment tasks (H: best of the 8 heuristics)", pricing);
        }
        if (!production.isEmpty()) {
            out.put("production-method tasks (H: best of the base-stock baselines, one per method)", production);
        }
        if (!recommendation.isEmpty()) {
            out.put("inventory-and-recommendation tasks (H: best of base-stock with uniform, rating-greedy, stock-aware exposure)",
                    recommendation);
        }
        if (!small.isEmpty()) {
            out.put("small DP-solvable pricing variants, held out (H: best of the 8 heuristics)", small);
        }
        return out;
    }

    /** The plain-text tables. */
    static String table(List<LmmEvaluation.TaskResult> rs, double[] targets, int dtSeeds, int bcSeeds) {
        StringBuilder sb = new StringBuilder();
        sb.append("score: 100 (R - random)/(H - random); profit: 100 R/|H|; H the best heuristic of the task;\n"
                + "averaged over tasks; learned policies: mean ± 95% interval across training seeds\n");
        kinds(rs).forEach((title, ks) -> {
            sb.append(String.format(Locale.ROOT, "%n%s%n", title));
            sb.append(String.format(Locale.ROOT, "%-38s %14s %14s %14s %14s%n", "policy", "score seen", "score held-out",
                    "profit seen", "profit held-out"));
            for (List<String> row : rows(ks, targets, dtSeeds, bcSeeds)) {
                if (!row.get(1).equals("n/a") || !row.get(2).equals("n/a")) {
                    sb.append(String.format(Locale.ROOT, "%-38s %14s %14s %14s %14s%n", row.toArray()));
                }
            }
        });
        kinds(rs).forEach((title, ks) -> {
            sb.append(String.format(Locale.ROOT, "%nper DT checkpoint (in --dt order), target k=%.2f, %s%n",
                    targets[targets.length / 2], title));
            for (List<String> row : perModelRows(ks, targets, dtSeeds)) {
                sb.append(String.format(Locale.ROOT, "%-38s %14s %14s %14s %14s%n", row.toArray()));
            }
        });
        int mid = targets.length / 2;
        sb.append(String.format(Locale.ROOT, "%nmean return per episode (DT at k=%.2f; BC and specialists: mean over seeds;"
                + " logged: the dataset's best behaviour policy)%n", targets[mid]));
        String fmt = "%-86s" + " %9s".repeat(taskHeaders(rs).size() - 1) + "%n";
        sb.append(String.format(Locale.ROOT, fmt, taskHeaders(rs).toArray()));
        for (List<String> row : taskRows(rs)) {
            sb.append(String.format(Locale.ROOT, fmt, row.toArray()));
        }
        return sb.toString();
    }

    /** The achieved-versus-target chart: normalised achieved score against normalised target, per split. */
    static String chart(List<LmmEvaluation.TaskResult> rs, double[] targets) {
        List<Series> series = new ArrayList<>();
        double lo = Double.POSITIVE_INFINITY;
        double hi = Double.NEGATIVE_INFINITY;
        for (TaskFamily.Split split : TaskFamily.Split.values()) {
            double[] x = new double[targets.length];
            double[] y = new double[targets.length];
            double[] l = new double[targets.length];
            double[] u = new double[targets.length];
            for (int k = 0; k < targets.length; k++) {
                int kk = k;
                int seeds = rs.get(0).dt().length;
                x[k] = perSeed(rs, split, 1, (r, s) -> r.normalised(r.targets()[kk]))[0];
                double[] ys = perSeed(rs, split, seeds, (r, s) -> r.normalised(r.dt()[s][kk]));
                Summary sm = Summary.of(ys, 0.95);
                y[k] = sm.mean();
                double hw = Double.isFinite(sm.halfWidth()) ? sm.halfWidth() : 0;
                l[k] = y[k] - hw;
                u[k] = y[k] + hw;
                lo = Math.min(lo, x[k]);
                hi = Math.max(hi, x[k]);
            }
            series.add(new Series(split == TaskFamily.Split.SEEN ? "DT, seen tasks" : "DT, held-out tasks", x, y, l, u));
        }
        series.add(Series.of("achieved = target", new double[] {lo, hi}, new double[] {lo, hi}));
        return LineChart.of("Decision Transformer: achieved vs target return", "target (normalised score)",
                "achieved (normalised score)", series).svg();
    }

    /** Writes {@code report.html}, {@code results.txt} and the chart to {@code dir}. */
    static void write(Path dir, List<LmmEvaluation.TaskResult> rs, double[] targets, String table) throws IOException {
        int dtSeeds = rs.get(0).dt().length;
        int bcSeeds = rs.get(0).bc().length;
        String svg = chart(rs, targets);
        AtomicFiles.writeString(dir.resolve("results.txt"), table);
        AtomicFiles.writeString(dir.resolve("achieved-vs-target.svg"), svg);
        HtmlReport h = new HtmlReport("Large management model: Decision Transformer vs specialised policies");
        h.paragraph("Score per task: 100 (R - R_random)/(H - R_random); profit %: 100 R/|H|; H the best of the eight "
                + "heuristics fitted to a pricing task, the best of the base-stock baselines fitted to a production task, the best of the three base-stock + exposure heuristics fitted to a recommendation task; averaged over tasks; learned policies: mean ± 95% Student-t interval across "
                + "training seeds (docs/model.md §6.4). Best behaviour (logged): the dataset's best behaviour policy on the "
                + "task, its mean logged return (seen tasks only; the dataset's episodes, not the evaluation's). Per-task "
                + "table: mean return per episode; paper = the best of the four paper-faithful heuristics; DT at the middle "
                + "target.");
        kinds(rs).forEach((title, ks) -> h.table("Normalised score and profit relative to the best heuristic: " + title,
                List.of("policy", "score seen", "score held-out", "profit % seen", "profit % held-out"),
                rows(ks, targets, dtSeeds, bcSeeds)));
        kinds(rs).forEach((title, ks) -> h.table("Per DT checkpoint, middle target: " + title, List.of("checkpoint",
                "score seen", "score held-out", "profit % seen", "profit % held-out"), perModelRows(ks, targets, dtSeeds)));
        h.figure(svg, "Achieved against target return (normalised), band: 95% interval across seeds");
        h.table("Mean return per episode", taskHeaders(rs), taskRows(rs));
        h.write(dir.resolve("report.html"));
    }
}
