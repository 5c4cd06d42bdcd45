package org.retailrl.cli;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import org.retailrl.algorithms.eval.EvaluationReport;
import org.retailrl.algorithms.eval.PolicyScore;
import org.retailrl.algorithms.multiproduct.MultiProductPolicy;
import org.retailrl.algorithms.multiproduct.MultiProductRollout;
import org.retailrl.cli.report.BarChart;
import org.retailrl.cli.report.HtmlReport;
import org.retailrl.cli.report.LineChart;
import org.retailrl.cli.report.Series;
import org.retailrl.cli.report.TrajectoryChart;
import org.retailrl.core.io.AtomicFiles;
import org.retailrl.envs.multiproduct.MultiProductScenario;
import org.retailrl.envs.multiproduct.MultiProductScenarioJson;

/**
 * The report folder of the multi-product comparison (docs/model.md §4, §8.11), built on the same
 * pieces as the pricing report ({@link CompareTable}, {@link EvaluationReport}, the SVG charts of
 * {@code cli/report}): {@code evaluation.{txt,csv,json}}, {@code summary.txt},
 * {@code per-product.csv} (mean profit of every policy per product), {@code learning-curves.csv},
 * {@code trajectory.csv} (price, order, ending stock and profit of every product per period of
 * the first evaluation episode, for the first learner of the first seed and for Subs),
 * {@code scenario.json} and {@code report.html}. Profits in currency per episode.
 *
 * @param perProduct policy name → mean episode profit per product
 * @param curves     learner name → mean training profit per round, one array per seed
 */
record MultiProductReport(String label, MultiProductScenario scenario, List<Long> seeds, int episodes, int copies,
                          EvaluationReport report, CompareTable table, Map<String, double[]> perProduct,
                          Map<String, List<double[]>> curves) {

    /** Per-product mean profit of every policy as an aligned text table. */
    static String perProductText(MultiProductScenario s, Map<String, double[]> perProduct) {
        return CompareTable.align(perProductRows(s, perProduct)) + "(mean episode profit per product and in total, "
                + "averaged over seeds and evaluation episodes)\n";
    }

    private static List<List<String>> perProductRows(MultiProductScenario s, Map<String, double[]> perProduct) {
        List<List<String>> rows = new ArrayList<>();
        List<String> head = new ArrayList<>(List.of("policy"));
        head.addAll(List.of(s.names()));
        head.add("total");
        rows.add(head);
        perProduct.forEach((name, v) -> {
            List<String> r = new ArrayList<>(List.of(name));
            double t = 0;
            for (double x : v) {
                r.add(String.format(Locale.ROOT, "%.1f", x));
                t += x;
            }
            r.add(String.format(Locale.ROOT, "%.1f", t));
            rows.add(r);
        });
        return rows;
    }

    /** One episode's per-product series. */
    record Trajectory(double[][] price, double[][] order, double[][] inventory, double[][] profit) {
        static Trajectory record(MultiProductScenario s, MultiProductPolicy p, long evalSeed) {
            int n = s.products();
            int t = s.horizon();
            Trajectory tr = new Trajectory(new double[n][t], new double[n][t], new double[n][t], new double[n][t]);
            MultiProductRollout.play(s, p, evalSeed, 1, (period, batch, price, order) -> {
                for (int i = 0; i < n; i++) {
                    tr.price[i][period] = s.price(price[i]);
                    tr.order[i][period] = order[i];
                    tr.inventory[i][period] = batch.inventory(0, i);
                    tr.profit[i][period] = batch.lastReward(0, i);
                }
            });
            return tr;
        }
    }

    void write(Path dir, MultiProductPolicy learned, MultiProductPolicy subs) throws IOException {
        Files.createDirectories(dir);
        report.write(dir, "evaluation");
        AtomicFiles.writeString(dir.resolve("summary.txt"), table.text() + "\n" + perProductText(scenario, perProduct));
        MultiProductScenarioJson.save(dir.resolve("scenario.json"), scenario);
        StringBuilder pp = new StringBuilder("policy");
        for (String n : scenario.names()) {
            pp.append(',').append(EvaluationReport.csv(n));
        }
        pp.append(",total\n");
        perProduct.forEach((name, v) -> {
            pp.append(EvaluationReport.csv(name));
            double t = 0;
            for (double x : v) {
                pp.append(',').append(x);
                t += x;
            }
            pp.append(',').append(t).append('\n');
        });
        AtomicFiles.writeString(dir.resolve("per-product.csv"), pp.toString());
        StringBuilder cv = new StringBuilder("algorithm,seed,round,mean_training_profit\n");
        curves.forEach((name, list) -> {
            for (int g = 0; g < list.size(); g++) {
                double[] c = list.get(g);
                for (int r = 0; r < c.length; r++) {
                    cv.append(name).append(',').append(seeds.get(g)).append(',').append(r + 1).append(',').append(c[r])
                            .append('\n');
                }
            }
        });
        AtomicFiles.writeString(dir.resolve("learning-curves.csv"), cv.toString());
        Trajectory tl = Trajectory.record(scenario, learned, report.evalSeed());
        Trajectory ts = Trajectory.record(scenario, subs, report.evalSeed());
        StringBuilder tc = new StringBuilder("policy,product,period,price,order,inventory,profit\n");
        for (Map.Entry<String, Trajectory> e : Map.of(learned.name(), tl, subs.name(), ts).entrySet().stream()
                .sorted(Map.Entry.comparingByKey()).toList()) {
            Trajectory x = e.getValue();
            for (int i = 0; i < scenario.products(); i++) {
                for (int t = 0; t < scenario.horizon(); t++) {
                    tc.append(EvaluationReport.csv(e.getKey())).append(',').append(EvaluationReport.csv(scenario.names()[i]))
                            .append(',').append(t + 1).append(',').append(x.price[i][t]).append(',').append(x.order[i][t])
                            .append(',').append(x.inventory[i][t]).append(',').append(x.profit[i][t]).append('\n');
                }
            }
        }
        AtomicFiles.writeString(dir.resolve("trajectory.csv"), tc.toString());
        html(learned.name(), tl, ts).write(dir.resolve("report.html"));
    }

    private HtmlReport html(String learnedName, Trajectory tl, Trajectory ts) {
        HtmlReport h = new HtmlReport("retailrl compare — multi-product scenario " + label);
        h.metadata("scenario", label + " (" + scenario.products() + " products " + String.join(", ", scenario.names())
                + "; " + scenario.mode().name().toLowerCase(Locale.ROOT) + ", L = " + scenario.leadTime() + ", T = "
                + scenario.horizon() + ")");
        h.metadata("training", episodes + " rounds × " + copies + " copies per run, seeds " + seeds);
        h.metadata("evaluation", report.episodes() + " common episodes, seed " + report.evalSeed()
                + ", greedy learned policies, 95% t-intervals");
        h.heading(2, "Profit comparison");
        List<List<String>> rows = table.rows();
        h.table("Mean total episode profit with its 95% t-interval over the common evaluation episodes; paired "
                + "improvement over each baseline in percent; gap to the exact DP optimum where it exists.",
                rows.get(0), rows.subList(1, rows.size()));
        List<List<String>> pr = perProductRows(scenario, perProduct);
        h.table("Mean episode profit per product (averaged over seeds and episodes).", pr.get(0),
                pr.subList(1, pr.size()));
        List<BarChart.Bar> bars = new ArrayList<>();
        for (PolicyScore s : report.scores()) {
            bars.add(BarChart.Bar.symmetric(s.name(), s.summary().mean(), s.summary().halfWidth()));
        }
        h.figure(new BarChart("Mean total episode profit", "profit per episode", bars, true, 720,
                Math.max(240, 60 + 34 * bars.size())).svg(), "Mean evaluation episode profit (all products) with its "
                + "95% confidence interval (common random numbers).");
        h.heading(2, "Learning curves");
        curves.forEach((name, list) -> {
            List<Series> ss = new ArrayList<>();
            for (int g = 0; g < list.size(); g++) {
                ss.add(Series.indexed(name + " seed " + seeds.get(g), list.get(g)));
            }
            h.figure(LineChart.of(name + ": mean training profit", "round", "profit per episode", ss).svg(),
                    name + ": mean total episode profit of the training rollouts (sampled actions) per round.");
        });
        h.heading(2, learnedName + " and Subs over one episode");
        for (String which : List.of(learnedName, "Subs")) {
            Trajectory x = which.equals("Subs") ? ts : tl;
            List<Series> price = new ArrayList<>();
            List<Series> stock = new ArrayList<>();
            for (int i = 0; i < scenario.products(); i++) {
                price.add(Series.indexed(scenario.names()[i], x.price[i]));
                stock.add(Series.indexed(scenario.names()[i], x.inventory[i]));
            }
            h.figure(TrajectoryChart.of(which + ", evaluation episode 1", "period", List.of(
                    new TrajectoryChart.Panel("price", price), new TrajectoryChart.Panel("ending stock", stock)), true)
                    .svg(), "Price and ending stock of every product per period, " + which
                    + (which.equals("Subs") ? "" : " (seed " + seeds.get(0) + ")") + ", first evaluation episode.");
        }
        h.paragraph("Every number of this page is in evaluation.csv/json, per-product.csv, learning-curves.csv and "
                + "trajectory.csv; trained policies are in models/, checkpoints in checkpoints/.");
        return h;
    }
}
