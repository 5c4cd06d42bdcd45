package org.retailrl.cli;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import org.retailrl.algorithms.eval.PairedComparison;
import org.retailrl.algorithms.eval.Summary;
import org.retailrl.algorithms.inventory.HeuristicResult;
import org.retailrl.algorithms.inventory.InventoryEvaluation;
import org.retailrl.algorithms.inventory.LearnedResult;
import org.retailrl.algorithms.inventory.LostSalesComparison;
import org.retailrl.algorithms.inventory.LostSalesHeuristics;
import org.retailrl.algorithms.inventory.LostSalesSolver;
import org.retailrl.cli.report.BarChart;
import org.retailrl.cli.report.HtmlReport;
import org.retailrl.core.io.AtomicFiles;
import org.retailrl.core.json.Json;
import org.retailrl.core.json.JsonArray;
import org.retailrl.core.json.JsonObject;
import org.retailrl.core.json.JsonValue;
import org.retailrl.envs.inventory.LostSalesScenarioJson;

/**
 * The files of {@code retail inventory compare} for the lost-sales problem of docs/model.md §7:
 * <ul>
 * <li>{@code table.txt} — the printed table: per instance the exact optimum and each heuristic's
 *     cost with its gap to the optimum, and with learning PPO's simulated cost and paired gap;</li>
 * <li>{@code table.csv} — one row per (instance, policy): law, penalty, lead time, policy, parameters,
 *     average cost, gap (percent), states, sweeps, seconds;</li>
 * <li>{@code result.json} — every instance's scenario, optimum (with its certified bracket, state
 *     bound, states, sweeps, solve time) and heuristics;</li>
 * <li>{@code report.html} — the tables and a chart of the mean gap of each heuristic.</li>
 * </ul>
 * Costs are currency per period; every file is written atomically.
 */
final class InventoryReport {
    private InventoryReport() {
    }

    static String num(double v) {
        return v == Math.rint(v) ? Long.toString((long) v) : String.format(Locale.ROOT, "%s", v);
    }

    private static String f2(double v) {
        return String.format(Locale.ROOT, "%.2f", v);
    }

    /** The fixed-width text table. */
    static String lostSalesText(List<LostSalesComparison> rows) {
        StringBuilder sb = new StringBuilder();
        List<String> names = heuristicNames(rows);
        sb.append(String.format(Locale.ROOT, "%-13s %4s %2s %9s %8s %6s %7s", "demand", "p", "L", "optimum", "states",
                "sweeps", "solve s"));
        for (String n : names) {
            sb.append(String.format(Locale.ROOT, " | %-19s", n));
        }
        boolean learned = rows.get(0).learned() != null;
        if (learned) {
            sb.append(String.format(Locale.ROOT, " | %-28s", "ppo (greedy, simulated)"));
        }
        sb.append('\n');
        for (LostSalesComparison r : rows) {
            sb.append(String.format(Locale.ROOT, "%-13s %4s %2d %9.4f %8d %6d %7.2f", r.scenario().demand().label(),
                    num(r.scenario().penaltyCost()), r.scenario().leadTime(), r.optimum().cost(), r.optimum().states(),
                    r.optimum().sweeps(), r.optimum().seconds()));
            for (HeuristicResult h : r.heuristics()) {
                sb.append(String.format(Locale.ROOT, " | %8.4f %+8.2f%% ", h.cost(), h.gapPercent(r.optimum().cost())));
            }
            if (learned) {
                PairedComparison g = r.learned().greedyGap();
                sb.append(String.format(Locale.ROOT, " | %8.4f %+8.2f%% +- %5.2f%%", r.learned().greedy().mean(),
                        g.improvementPct(), g.improvementHalfWidthPct()));
            }
            sb.append('\n');
        }
        sb.append("costs per period; gap = (heuristic - optimum) / optimum\n");
        if (learned) {
            LearnedResult l = rows.get(0).learned();
            sb.append(String.format(Locale.ROOT, "ppo: %d rounds x %d copies x %d periods per instance; greedy policy "
                    + "simulated, %d copies x %d periods after %d, gap to the optimal policy on the same demands "
                    + "(95%% interval)%n", l.rounds(), l.copies(), l.horizon(), InventoryEvaluation.COPIES,
                    InventoryEvaluation.PERIODS, InventoryEvaluation.BURN_IN));
        }
        return sb.toString();
    }

    private static List<String> heuristicNames(List<LostSalesComparison> rows) {
        List<String> names = new ArrayList<>();
        for (HeuristicResult h : rows.get(0).heuristics()) {
            names.add(h.name());
        }
        return names;
    }

    static String lostSalesCsv(List<LostSalesComparison> rows) {
        StringBuilder sb = new StringBuilder("demand,penalty,lead,policy,parameters,cost,gap_percent,states,sweeps,seconds\n");
        for (LostSalesComparison r : rows) {
            String head = r.scenario().demand().label() + "," + num(r.scenario().penaltyCost()) + ","
                    + r.scenario().leadTime() + ",";
            sb.append(head).append("optimal,B=").append(r.optimum().bound()).append(',')
                    .append(num(r.optimum().cost())).append(",0,").append(r.optimum().states()).append(',')
                    .append(r.optimum().sweeps()).append(',').append(num(r.optimum().seconds())).append('\n');
            for (HeuristicResult h : r.heuristics()) {
                sb.append(head).append(h.name()).append(',').append(h.parameters()).append(',').append(num(h.cost()))
                        .append(',').append(num(h.gapPercent(r.optimum().cost()))).append(",,")
                        .append(h.evaluations()).append(',').append(num(h.seconds())).append('\n');
            }
            LearnedResult l = r.learned();
            if (l != null) {
                String params = "rounds=" + l.rounds() + " copies=" + l.copies() + " T=" + l.horizon();
                sb.append(head).append("ppo greedy,").append(params).append(',').append(num(l.greedy().mean()))
                        .append(',').append(num(l.greedyGap().improvementPct())).append(",,,")
                        .append(num(l.trainSeconds())).append('\n');
                sb.append(head).append("ppo sampled,").append(params).append(',').append(num(l.sampled().mean()))
                        .append(',').append(num(l.sampledGap().improvementPct())).append(",,,")
                        .append(num(l.trainSeconds())).append('\n');
            }
        }
        return sb.toString();
    }

    static JsonObject lostSalesJson(List<LostSalesComparison> rows, double seconds, String table) {
        List<JsonValue> items = new ArrayList<>();
        for (LostSalesComparison r : rows) {
            List<JsonValue> hs = new ArrayList<>();
            for (HeuristicResult h : r.heuristics()) {
                hs.add(JsonObject.builder().put("name", h.name()).put("parameters", h.parameters())
                        .put("cost", h.cost()).put("halfWidth", h.halfWidth())
                        .put("gapPercent", h.gapPercent(r.optimum().cost())).put("evaluations", h.evaluations())
                        .put("seconds", h.seconds()).build());
            }
            JsonObject.Builder item = JsonObject.builder()
                    .put("scenario", LostSalesScenarioJson.toJson(r.scenario()))
                    .put("optimum", JsonObject.builder().put("cost", r.optimum().cost())
                            .put("lower", r.optimum().lower()).put("upper", r.optimum().upper())
                            .put("stateBound", r.optimum().bound()).put("standardBaseStock", r.optimum().standardLevel())
                            .put("states", r.optimum().states()).put("sweeps", r.optimum().sweeps())
                            .put("seconds", r.optimum().seconds()).build())
                    .put("heuristics", new JsonArray(hs));
            if (r.learned() != null) {
                LearnedResult l = r.learned();
                item.put("learned", JsonObject.builder().put("name", l.name()).put("rounds", l.rounds())
                        .put("copies", l.copies()).put("horizon", l.horizon()).put("trainSeconds", l.trainSeconds())
                        .put("optimalSimulated", summary(l.optimal())).put("greedy", summary(l.greedy()))
                        .put("greedyGapPercent", l.greedyGap().improvementPct())
                        .put("greedyGapHalfWidthPercent", l.greedyGap().improvementHalfWidthPct())
                        .put("sampled", summary(l.sampled()))
                        .put("sampledGapPercent", l.sampledGap().improvementPct())
                        .put("sampledGapHalfWidthPercent", l.sampledGap().improvementHalfWidthPct()).build());
            }
            items.add(item.build());
        }
        return JsonObject.builder().put("problem", "lost-sales").put("table", table)
                .put("spanTolerance", LostSalesSolver.TOLERANCE).put("evaluationTolerance", LostSalesHeuristics.TOLERANCE)
                .put("wallSeconds", seconds).put("instances", new JsonArray(items)).build();
    }

    private static JsonObject summary(Summary s) {
        return JsonObject.builder().put("mean", s.mean()).put("halfWidth", s.halfWidth()).put("copies", s.n()).build();
    }

    static HtmlReport lostSalesHtml(List<LostSalesComparison> rows, double seconds, String table) {
        HtmlReport h = new HtmlReport("Lost sales with lead time: optimum and heuristics");
        h.metadata("instances", rows.size() + (table.equals("zipkin") ? " (Zipkin 2008 test bed)" : ""))
                .metadata("span tolerance", num(LostSalesSolver.TOLERANCE))
                .metadata("wall time", String.format(Locale.ROOT, "%.1f s", seconds));
        h.paragraph("docs/model.md §7. Long-run average cost per period (holding h on stock left at the end of a period, "
                + "penalty p per unit lost). The optimum is relative value iteration on the pipeline state, bracketed "
                + "within the span tolerance; every heuristic is fitted and scored exactly on its own Markov chain. "
                + "Gap = (heuristic − optimum) / optimum.");
        List<String> names = heuristicNames(rows);
        List<String> header = new ArrayList<>(List.of("demand", "p", "L", "optimum"));
        for (String n : names) {
            header.add(n);
        }
        boolean learned = rows.get(0).learned() != null;
        if (learned) {
            header.add("ppo (greedy, simulated)");
            LearnedResult l = rows.get(0).learned();
            h.paragraph(String.format(Locale.ROOT, "PPO (preset ppo-inventory): %d rounds × %d copies × %d-period "
                    + "episodes per instance, scored greedily by simulation (%d copies × %d periods after %d of burn-in); "
                    + "its gap is to the optimal policy simulated on the same demands, with a 95%% interval. "
                    + "docs/inventory.md describes the training and its bias.", l.rounds(), l.copies(), l.horizon(),
                    InventoryEvaluation.COPIES, InventoryEvaluation.PERIODS, InventoryEvaluation.BURN_IN));
        }
        List<List<String>> body = new ArrayList<>();
        List<List<String>> stats = new ArrayList<>();
        double[] gapSum = new double[names.size()];
        for (LostSalesComparison r : rows) {
            List<String> row = new ArrayList<>(List.of(r.scenario().demand().label(), num(r.scenario().penaltyCost()),
                    Integer.toString(r.scenario().leadTime()), f2(r.optimum().cost())));
            for (int k = 0; k < r.heuristics().size(); k++) {
                HeuristicResult x = r.heuristics().get(k);
                double gap = x.gapPercent(r.optimum().cost());
                gapSum[k] += gap;
                row.add(f2(x.cost()) + " (" + String.format(Locale.ROOT, "%.1f", gap) + "%)");
            }
            if (learned) {
                PairedComparison g = r.learned().greedyGap();
                row.add(f2(r.learned().greedy().mean()) + String.format(Locale.ROOT, " (%.1f ± %.1f%%)",
                        g.improvementPct(), g.improvementHalfWidthPct()));
            }
            body.add(row);
            stats.add(List.of(r.scenario().demand().label(), num(r.scenario().penaltyCost()),
                    Integer.toString(r.scenario().leadTime()), Integer.toString(r.optimum().bound()),
                    Integer.toString(r.optimum().states()), Integer.toString(r.optimum().sweeps()),
                    String.format(Locale.ROOT, "%.3f", r.optimum().seconds()),
                    String.format(Locale.ROOT, "%.1e", r.optimum().upper() - r.optimum().lower())));
        }
        h.table("Average cost per period: optimum and heuristics (gap to the optimum)", header, body);
        h.heading(2, "Exact solutions");
        h.table("Relative value iteration: state bound B on the inventory position, states, sweeps, solve time and "
                + "width of the certified bracket", List.of("demand", "p", "L", "B", "states", "sweeps", "seconds",
                        "bracket"), stats);
        List<BarChart.Bar> bars = new ArrayList<>();
        for (int k = 0; k < names.size(); k++) {
            double g = gapSum[k] / rows.size();
            bars.add(new BarChart.Bar(names.get(k), g, g, g));
        }
        if (learned) {
            double g = 0;
            for (LostSalesComparison r : rows) {
                g += r.learned().greedyGap().improvementPct() / rows.size();
            }
            bars.add(new BarChart.Bar("ppo (greedy)", g, g, g));
        }
        h.figure(BarChart.of("Mean gap to the optimum", "gap (%)", bars).svg(),
                "Mean gap of each heuristic over the " + rows.size() + " instances.");
        return h;
    }

    static void writeLostSales(Path dir, List<LostSalesComparison> rows, String text, double seconds, String table)
            throws IOException {
        Files.createDirectories(dir);
        AtomicFiles.writeString(dir.resolve("table.txt"), text);
        AtomicFiles.writeString(dir.resolve("table.csv"), lostSalesCsv(rows));
        AtomicFiles.writeString(dir.resolve("result.json"), Json.writePretty(lostSalesJson(rows, seconds, table)) + "\n");
        lostSalesHtml(rows, seconds, table).write(dir.resolve("report.html"));
    }
}
