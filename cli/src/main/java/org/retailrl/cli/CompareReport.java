package org.retailrl.cli;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import org.retailrl.algorithms.eval.EvaluationReport;
import org.retailrl.algorithms.eval.PairedComparison;
import org.retailrl.algorithms.eval.PolicyScore;
import org.retailrl.algorithms.pricing.BatchPricingPolicy;
import org.retailrl.cli.report.BarChart;
import org.retailrl.cli.report.HtmlReport;
import org.retailrl.cli.report.LineChart;
import org.retailrl.cli.report.Series;
import org.retailrl.cli.report.TrajectoryChart;
import org.retailrl.core.io.AtomicFiles;
import org.retailrl.core.json.Json;
import org.retailrl.core.json.JsonArray;
import org.retailrl.core.json.JsonNull;
import org.retailrl.core.json.JsonNumber;
import org.retailrl.core.json.JsonObject;
import org.retailrl.core.json.JsonValue;
import org.retailrl.envs.pricing.PricingScenario;
import org.retailrl.envs.pricing.PricingScenarioJson;

/**
 * The report folder of {@code compare} (the main job; docs/model.md §8 evaluation protocol):
 * every number as CSV and JSON, and one self-contained {@code report.html} with the comparison
 * table and five SVG charts — learning curves (mean training episode profit per episode, one line
 * per seed and learner) and their part after the first tenth on its own scale with every heuristic
 * as a reference line, the profit comparison (mean ± 95% CI per policy), the sample efficiency when
 * asked for ({@link EfficiencyTable}) and the first learner (FSDA) against Myopic
 * over one 100-period evaluation episode (price and inventory; Zheng, Li, Jiang and Peng Fig. 5b). Profits are in
 * currency per episode. Nothing written depends on the wall clock or the thread count, so two runs
 * with the same arguments produce identical files.
 */
final class CompareReport {
    private final String label;
    private final PricingScenario scenario;
    private final List<Long> seeds;
    private final int episodes;
    private final int copies;
    private final EvaluationReport report;
    private final CompareTable table;
    private final List<CompareCommand.Contender> contenders;
    private final List<CompareCommand.SeedResult> perSeed;
    private final EfficiencyTable efficiency;

    /** {@code efficiency} is null unless {@code compare --efficiency} asked for it. */
    CompareReport(String label, PricingScenario scenario, List<Long> seeds, int episodes, int copies,
                  EvaluationReport report, CompareTable table, List<CompareCommand.Contender> contenders,
                  List<CompareCommand.SeedResult> perSeed, EfficiencyTable efficiency) {
        this.label = label;
        this.scenario = scenario;
        this.seeds = seeds;
        this.episodes = episodes;
        this.copies = copies;
        this.report = report;
        this.table = table;
        this.contenders = contenders;
        this.perSeed = perSeed;
        this.efficiency = efficiency;
    }

    /** Writes every file into {@code dir}; {@code first} (the first learner) and {@code myopic} play the trajectory episode. */
    void write(Path dir, BatchPricingPolicy fsda, BatchPricingPolicy myopic) throws IOException {
        Files.createDirectories(dir);
        report.write(dir, "evaluation");
        AtomicFiles.writeString(dir.resolve("summary.txt"), table.text());
        PricingScenarioJson.save(dir.resolve("scenario.json"), scenario);
        List<JsonValue> fits = new ArrayList<>();
        for (CompareCommand.SeedResult r : perSeed) {
            fits.add(r.suite().toJson(label, scenario));
        }
        AtomicFiles.writeString(dir.resolve("heuristics.json"), Json.writePretty(new JsonArray(fits)) + "\n");
        TrajectoryRecorder.Trajectory tf = TrajectoryRecorder.record(scenario, fsda, report.evalSeed());
        TrajectoryRecorder.Trajectory tm = TrajectoryRecorder.record(scenario, myopic, report.evalSeed());
        AtomicFiles.writeString(dir.resolve("learning-curves.csv"), curvesCsv());
        AtomicFiles.writeString(dir.resolve("trajectory.csv"), trajectoryCsv(tf, tm));
        AtomicFiles.writeString(dir.resolve("compare.json"), Json.writePretty(json(tf, tm)) + "\n");
        html(tf, tm).write(dir.resolve("report.html"));
    }

    private String curvesCsv() {
        StringBuilder sb = new StringBuilder("algorithm,seed,episode,mean_training_profit\n");
        for (CompareCommand.SeedResult r : perSeed) {
            for (int c = 0; c < contenders.size(); c++) {
                appendCurve(sb, contenders.get(c).key(), r.seed(), r.learned().get(c).curve());
            }
        }
        return sb.toString();
    }

    private static void appendCurve(StringBuilder sb, String algo, long seed, double[] c) {
        for (int i = 0; i < c.length; i++) {
            sb.append(algo).append(',').append(seed).append(',').append(i + 1).append(',').append(c[i]).append('\n');
        }
    }

    private static String trajectoryCsv(TrajectoryRecorder.Trajectory f, TrajectoryRecorder.Trajectory m) {
        StringBuilder sb = new StringBuilder("period,competitor_price_fsda,fsda_price,fsda_order,fsda_inventory,fsda_profit,"
                + "competitor_price_myopic,myopic_price,myopic_order,myopic_inventory,myopic_profit\n");
        for (int t = 0; t < f.price().length; t++) {
            sb.append(t + 1);
            for (TrajectoryRecorder.Trajectory x : List.of(f, m)) {
                sb.append(',').append(x.competitor()[t]).append(',').append(x.price()[t]).append(',').append(x.order()[t])
                        .append(',').append(x.inventory()[t]).append(',').append(x.profit()[t]);
            }
            sb.append('\n');
        }
        return sb.toString();
    }

    private static JsonValue num(double x) {
        return Double.isFinite(x) ? JsonNumber.of(x) : JsonNull.INSTANCE;
    }

    private JsonObject json(TrajectoryRecorder.Trajectory f, TrajectoryRecorder.Trajectory m) {
        List<JsonValue> imps = new ArrayList<>();
        for (int i = 0; i < table.paired().length; i++) {
            for (int j = 0; j < table.baselines().size(); j++) {
                PairedComparison c = table.paired()[i][j];
                if (c != null) {
                    imps.add(JsonObject.builder().put("policy", c.policy()).put("baseline", c.baseline())
                            .put("meanDifference", c.difference().mean()).put("ciLow", c.difference().lower())
                            .put("ciHigh", c.difference().upper()).put("improvementPct", num(c.improvementPct()))
                            .put("improvementHalfWidthPct", num(c.improvementHalfWidthPct())).build());
                }
            }
        }
        List<JsonValue> curves = new ArrayList<>();
        for (CompareCommand.SeedResult r : perSeed) {
            for (int c = 0; c < contenders.size(); c++) {
                curves.add(JsonObject.builder().put("algorithm", contenders.get(c).key()).put("seed", r.seed())
                        .put("meanTrainingProfit", JsonArray.ofDoubles(r.learned().get(c).curve())).build());
            }
        }
        double[] seedArr = seeds.stream().mapToDouble(Long::doubleValue).toArray();
        return JsonObject.builder()
                .put("settings", JsonObject.builder().put("scenario", label)
                        .put("scenarioDefinition", PricingScenarioJson.toJson(scenario))
                        .put("trainingSeeds", JsonArray.ofDoubles(seedArr)).put("episodes", episodes)
                        .put("copies", copies).put("evaluationEpisodes", report.episodes())
                        .put("evaluationSeed", Long.toString(report.evalSeed()))
                        .put("learnedPolicies", "greedy (arg-max) decisions of the trained actors; rows named '<learner>"
                                + CompareCommand.SAMPLED + "' sample their decisions").build())
                .put("evaluation", report.toJson())
                .put("improvements", new JsonArray(imps))
                .put("learningCurves", new JsonArray(curves))
                .put("trajectory", JsonObject.builder().put("evaluationEpisode", 0).put("seed", seeds.get(0))
                        .put("fsda", trajJson(f)).put("myopic", trajJson(m)).build())
                .build();
    }

    private static JsonObject trajJson(TrajectoryRecorder.Trajectory t) {
        return JsonObject.builder().put("price", JsonArray.ofDoubles(t.price()))
                .put("competitorPrice", JsonArray.ofDoubles(t.competitor())).put("order", JsonArray.ofDoubles(t.order()))
                .put("inventory", JsonArray.ofDoubles(t.inventory())).put("profit", JsonArray.ofDoubles(t.profit())).build();
    }

    private HtmlReport html(TrajectoryRecorder.Trajectory f, TrajectoryRecorder.Trajectory m) {
        HtmlReport h = new HtmlReport("retailrl compare — scenario " + label);
        h.metadata("scenario", label + " (" + scenario.mode().name().toLowerCase(Locale.ROOT) + ", K = "
                + scenario.fixedCost() + ", L = " + scenario.leadTime() + ", T = " + scenario.horizon() + ")");
        h.metadata("training", episodes + " episodes × " + copies + " copies per run, seeds " + seeds);
        h.metadata("evaluation", report.episodes() + " common episodes, seed " + report.evalSeed()
                + ", learned policies greedy unless marked sampled, 95% t-intervals over episodes and over seeds");
        h.heading(2, "Profit comparison");
        // Two narrow tables instead of the text table's one wide matrix: a page of 1280 px must show
        // every column (the wide form overflowed once the strong baselines were added).
        boolean dp = !Double.isNaN(report.optimum());
        List<String> head = new ArrayList<>(List.of("policy", "seeds", "mean profit ± CI episodes", "± CI seeds"));
        if (dp) {
            head.add("gap to DP optimum %");
        }
        List<List<String>> scoreRows = new ArrayList<>();
        for (PolicyScore s : report.scores()) {
            List<String> r = new ArrayList<>(List.of(s.name(), Integer.toString(s.seedMeans().length),
                    String.format(Locale.ROOT, "%.2f ± %.2f", s.summary().mean(), s.summary().halfWidth()),
                    CompareTable.seedHalfWidth(s)));
            if (dp) {
                r.add(String.format(Locale.ROOT, "%.2f ± %.2f", s.gapToOptimumPct(), s.gapHalfWidthPct()));
            }
            scoreRows.add(r);
        }
        h.table("Mean episode profit with two 95% t-intervals: over the common evaluation episodes (of the profit "
                + "averaged over seeds) and over the training seeds (of the per-seed means; seeds as replicates)"
                + (dp ? "; gap to the DP optimum." : "."), head, scoreRows);
        List<PolicyScore> learned = new ArrayList<>();
        for (PolicyScore s : report.scores()) {
            if (isLearner(s.name())) {
                learned.add(s);
            }
        }
        List<String> pairHead = new ArrayList<>(List.of("baseline"));
        for (PolicyScore l : learned) {
            pairHead.add(l.name() + " vs baseline %");
        }
        List<List<String>> pairRows = new ArrayList<>();
        for (PolicyScore b : report.scores()) {
            List<String> r = new ArrayList<>(List.of(b.name()));
            for (PolicyScore l : learned) {
                if (l == b) {
                    r.add("—");
                    continue;
                }
                PairedComparison c = PairedComparison.of(l.name(), l.episodeScores(), b.name(), b.episodeScores(),
                        org.retailrl.algorithms.eval.PolicyEvaluator.LEVEL);
                r.add(Double.isNaN(c.improvementPct()) ? "n/a"
                        : String.format(Locale.ROOT, "%+.2f ± %.2f", c.improvementPct(), c.improvementHalfWidthPct()));
            }
            pairRows.add(r);
        }
        h.table("Paired improvement of each learned policy over each other policy on the same episodes, "
                + "100·mean(learned − baseline)/|mean(baseline)| ± its 95% interval (every pair is also in "
                + "evaluation.csv and compare.json).", pairHead, pairRows);
        List<BarChart.Bar> bars = new ArrayList<>();
        for (PolicyScore s : report.scores()) {
            bars.add(BarChart.Bar.symmetric(s.name(), s.summary().mean(), s.summary().halfWidth()));
        }
        // Horizontal bars keep every policy name readable however many policies there are.
        h.figure(new BarChart("Mean episode profit", "profit per episode", bars, true, 720,
                        Math.max(240, 60 + 34 * bars.size())).svg(),
                "Mean evaluation episode profit of every policy with its 95% confidence interval (common random numbers).");
        h.heading(2, "Learning curves");
        List<Series> tail = new ArrayList<>();
        for (int c = 0; c < contenders.size(); c++) {
            String name = contenders.get(c).name();
            List<Series> cs = new ArrayList<>();
            for (CompareCommand.SeedResult r : perSeed) {
                cs.add(Series.indexed(name + " seed " + r.seed(), r.learned().get(c).curve()));
            }
            h.figure(LineChart.of(name + ": mean training profit", "episode", "profit per episode", cs).svg(),
                    name + ": mean episode profit of the training rollouts (sampled actions) per episode, one line per seed.");
            for (Series x : cs) {
                // The first episodes (an untrained agent floods the shelves) are tens of thousands below
                // the rest and squeeze the part that shows whether training has converged.
                tail.add(afterFirstTenth(x));
            }
        }
        // Every other policy's evaluation mean as a horizontal reference line over the same range.
        double x0 = tail.get(0).x()[0];
        double x1 = tail.get(0).x()[tail.get(0).x().length - 1];
        for (PolicyScore s : report.scores()) {
            if (!isLearner(s.name()) && !s.name().endsWith(CompareCommand.SAMPLED)) {
                double level = s.summary().mean();
                tail.add(Series.of(s.name() + " (evaluation mean)", new double[] {x0, x1},
                        new double[] {level, level}));
            }
        }
        h.figure(LineChart.of("After the first tenth of training", "episode", "profit per episode", tail).svg(),
                "The learning curves above from the end of the first tenth of the budget on, "
                        + "on their own scale (a flat end means converged), with every other policy's mean evaluation "
                        + "profit as a horizontal line (training curves use sampled actions, evaluation greedy ones).");
        if (efficiency != null) {
            efficiencySection(h);
        }
        String first = contenders.get(0).name();
        h.heading(2, first + " versus Myopic over one episode");
        TrajectoryChart tc = TrajectoryChart.of(first + " vs Myopic, evaluation episode 1", "period", List.of(
                new TrajectoryChart.Panel("price", List.of(Series.indexed(first, f.price()),
                        Series.indexed("Myopic", m.price()), Series.indexed("competitor (" + first + " run)", f.competitor()))),
                new TrajectoryChart.Panel("inventory", List.of(Series.indexed(first, f.inventory()),
                        Series.indexed("Myopic", m.inventory())))), true);
        h.figure(tc.svg(), "Price and ending inventory per period of " + first + " (seed " + seeds.get(0)
                + ") and Myopic on the first evaluation episode (same demand stream), as Zheng, Li, Jiang and Peng Fig. 5b.");
        h.paragraph("Every number of this page is in evaluation.csv/json, compare.json, learning-curves.csv, "
                + "trajectory.csv" + (efficiency != null ? ", efficiency.csv" : "") + " and seeds.csv; the trained "
                + "policies are in models/, the training checkpoints in checkpoints/.");
        return h;
    }

    /** Whether {@code name} is one of the learners' greedy rows. */
    private boolean isLearner(String name) {
        for (CompareCommand.Contender c : contenders) {
            if (c.name().equals(name)) {
                return true;
            }
        }
        return false;
    }

    /** The sample-efficiency chart and tables of {@code compare --efficiency}. */
    private void efficiencySection(HtmlReport h) {
        h.heading(2, "Sample efficiency");
        List<Series> lines = new ArrayList<>();
        double[] x = new double[efficiency.episodes().length];
        for (int k = 0; k < x.length; k++) {
            x[k] = efficiency.episodes()[k];
        }
        for (int l = 0; l < efficiency.learners().size(); l++) {
            double[] y = new double[x.length];
            double[] lo = new double[x.length];
            double[] hi = new double[x.length];
            for (int k = 0; k < x.length; k++) {
                org.retailrl.algorithms.eval.Summary s = efficiency.at(l, k);
                y[k] = s.mean();
                boolean band = s.n() >= 2;
                lo[k] = band ? s.lower() : s.mean();
                hi[k] = band ? s.upper() : s.mean();
            }
            lines.add(new Series(efficiency.learners().get(l) + " (greedy, mean over seeds)", x, y, lo, hi));
        }
        for (PolicyScore b : efficiency.baselines()) {
            double level = b.summary().mean();
            lines.add(Series.of(b.name(), new double[] {x[0], x[x.length - 1]}, new double[] {level, level}));
        }
        h.figure(LineChart.of("Profit after n training episodes", "training episodes", "profit per episode", lines).svg(),
                "Greedy evaluation profit of each learner's actors kept after n training episodes (mean over seeds with "
                        + "its 95% t-interval across seeds as a band), on the comparison's evaluation episodes; every "
                        + "heuristic's mean on the same episodes as a horizontal line.");
        List<List<String>> rows = efficiency.profitRows();
        h.table("Greedy profit after n training episodes, mean over seeds ± 95% t-interval across seeds.", rows.get(0),
                rows.subList(1, rows.size()));
        List<List<String>> ahead = efficiency.aheadRows();
        h.table("First checkpoint (training episodes) at which each learner is ahead of each baseline: by its mean over "
                        + "seeds / with the paired per-seed difference's 95% t-interval above 0.", ahead.get(0),
                ahead.subList(1, ahead.size()));
    }

    /** {@code s} without its first tenth (at least one point kept), x values unchanged. */
    private static Series afterFirstTenth(Series s) {
        int from = Math.min(s.x().length - 1, s.x().length / 10);
        return Series.of(s.name(), java.util.Arrays.copyOfRange(s.x(), from, s.x().length),
                java.util.Arrays.copyOfRange(s.y(), from, s.y().length));
    }
}
