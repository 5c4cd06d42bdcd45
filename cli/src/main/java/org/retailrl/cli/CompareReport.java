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
 * per seed, FSDA and PPO) and their part after the first tenth on its own scale, the profit comparison (mean ± 95% CI per policy) and FSDA against Myopic
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
    private final List<CompareCommand.SeedResult> perSeed;

    CompareReport(String label, PricingScenario scenario, List<Long> seeds, int episodes, int copies,
                  EvaluationReport report, CompareTable table, List<CompareCommand.SeedResult> perSeed) {
        this.label = label;
        this.scenario = scenario;
        this.seeds = seeds;
        this.episodes = episodes;
        this.copies = copies;
        this.report = report;
        this.table = table;
        this.perSeed = perSeed;
    }

    /** Writes every file into {@code dir}; {@code fsda} and {@code myopic} play the trajectory episode. */
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
            appendCurve(sb, "fsda", r.seed(), r.fsdaCurve());
            appendCurve(sb, "ppo-joint", r.seed(), r.ppoCurve());
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
            curves.add(JsonObject.builder().put("algorithm", "fsda").put("seed", r.seed())
                    .put("meanTrainingProfit", JsonArray.ofDoubles(r.fsdaCurve())).build());
            curves.add(JsonObject.builder().put("algorithm", "ppo-joint").put("seed", r.seed())
                    .put("meanTrainingProfit", JsonArray.ofDoubles(r.ppoCurve())).build());
        }
        double[] seedArr = seeds.stream().mapToDouble(Long::doubleValue).toArray();
        return JsonObject.builder()
                .put("settings", JsonObject.builder().put("scenario", label)
                        .put("scenarioDefinition", PricingScenarioJson.toJson(scenario))
                        .put("trainingSeeds", JsonArray.ofDoubles(seedArr)).put("episodes", episodes)
                        .put("copies", copies).put("evaluationEpisodes", report.episodes())
                        .put("evaluationSeed", Long.toString(report.evalSeed()))
                        .put("learnedPolicies", "greedy (arg-max) decisions of the trained actors").build())
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
                + ", greedy learned policies, 95% t-intervals");
        h.heading(2, "Profit comparison");
        // Two narrow tables instead of the text table's one wide matrix: a page of 1280 px must show
        // every column (the wide form overflowed once the strong baselines were added).
        boolean dp = !Double.isNaN(report.optimum());
        List<String> head = new ArrayList<>(List.of("policy", "seeds", "mean profit ± 95% CI"));
        if (dp) {
            head.add("gap to DP optimum %");
        }
        List<List<String>> scoreRows = new ArrayList<>();
        for (PolicyScore s : report.scores()) {
            List<String> r = new ArrayList<>(List.of(s.name(), Integer.toString(s.seedMeans().length),
                    String.format(Locale.ROOT, "%.2f ± %.2f", s.summary().mean(), s.summary().halfWidth())));
            if (dp) {
                r.add(String.format(Locale.ROOT, "%.2f ± %.2f", s.gapToOptimumPct(), s.gapHalfWidthPct()));
            }
            scoreRows.add(r);
        }
        h.table("Mean episode profit with its 95% t-interval over the common evaluation episodes"
                + (dp ? "; gap to the exact DP optimum." : "."), head, scoreRows);
        List<PolicyScore> learned = new ArrayList<>();
        for (PolicyScore s : report.scores()) {
            if (s.name().equals(CompareCommand.FSDA) || s.name().equals(CompareCommand.PPO)) {
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
        List<Series> fs = new ArrayList<>();
        List<Series> ps = new ArrayList<>();
        for (CompareCommand.SeedResult r : perSeed) {
            fs.add(Series.indexed("FSDA seed " + r.seed(), r.fsdaCurve()));
            ps.add(Series.indexed("PPO-joint seed " + r.seed(), r.ppoCurve()));
        }
        h.figure(LineChart.of("FSDA: mean training profit", "episode", "profit per episode", fs).svg(),
                "FSDA: mean episode profit of the training rollouts (sampled actions) per episode, one line per seed.");
        h.figure(LineChart.of("PPO-joint: mean training profit", "episode", "profit per episode", ps).svg(),
                "Single-agent PPO over the joint action: mean training episode profit per episode, one line per seed.");
        // The first episodes (an untrained agent floods the shelves) are tens of thousands below the
        // rest and squeeze the part that shows whether training has converged; show that part alone.
        List<Series> tail = new ArrayList<>();
        for (Series x : fs) {
            tail.add(afterFirstTenth(x));
        }
        for (Series x : ps) {
            tail.add(afterFirstTenth(x));
        }
        // Every other policy's evaluation mean as a horizontal reference line over the same range.
        double x0 = tail.get(0).x()[0];
        double x1 = tail.get(0).x()[tail.get(0).x().length - 1];
        for (PolicyScore s : report.scores()) {
            if (!s.name().equals(CompareCommand.FSDA) && !s.name().equals(CompareCommand.PPO)) {
                double level = s.summary().mean();
                tail.add(Series.of(s.name() + " (evaluation mean)", new double[] {x0, x1},
                        new double[] {level, level}));
            }
        }
        h.figure(LineChart.of("After the first tenth of training", "episode", "profit per episode", tail).svg(),
                "FSDA and PPO-joint curves of Figures 2 and 3 from the end of the first tenth of the budget on, "
                        + "on their own scale (a flat end means converged), with every other policy's mean evaluation "
                        + "profit as a horizontal line (training curves use sampled actions, evaluation greedy ones).");
        h.heading(2, "FSDA versus Myopic over one episode");
        TrajectoryChart tc = TrajectoryChart.of("FSDA vs Myopic, evaluation episode 1", "period", List.of(
                new TrajectoryChart.Panel("price", List.of(Series.indexed("FSDA", f.price()),
                        Series.indexed("Myopic", m.price()), Series.indexed("competitor (FSDA run)", f.competitor()))),
                new TrajectoryChart.Panel("inventory", List.of(Series.indexed("FSDA", f.inventory()),
                        Series.indexed("Myopic", m.inventory())))), true);
        h.figure(tc.svg(), "Price and ending inventory per period of FSDA (seed " + seeds.get(0)
                + ") and Myopic on the first evaluation episode (same demand stream), as Zheng, Li, Jiang and Peng Fig. 5b.");
        h.paragraph("Every number of this page is in evaluation.csv/json, compare.json, learning-curves.csv and "
                + "trajectory.csv; the trained policies are in models/, the training checkpoints in checkpoints/.");
        return h;
    }

    /** {@code s} without its first tenth (at least one point kept), x values unchanged. */
    private static Series afterFirstTenth(Series s) {
        int from = Math.min(s.x().length - 1, s.x().length / 10);
        return Series.of(s.name(), java.util.Arrays.copyOfRange(s.x(), from, s.x().length),
                java.util.Arrays.copyOfRange(s.y(), from, s.y().length));
    }
}
