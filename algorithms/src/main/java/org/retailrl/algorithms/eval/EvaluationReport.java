package org.retailrl.algorithms.eval;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import org.retailrl.core.io.AtomicFiles;
import org.retailrl.core.json.Json;
import org.retailrl.core.json.JsonArray;
import org.retailrl.core.json.JsonNull;
import org.retailrl.core.json.JsonObject;
import org.retailrl.core.json.JsonValue;

/**
 * The result of {@link PolicyEvaluator} (docs/model.md §8 protocol) and its three renderings: an
 * aligned text table, CSV (one row per policy, then one per paired comparison) and JSON. Profits
 * in currency per episode, gaps and improvements in percent, intervals at 95%.
 *
 * @param label scenario label
 * @param episodes evaluation episodes per policy and seed
 * @param evalSeed seed of the evaluation episodes
 * @param optimum DP optimum of the expected episode profit, NaN when unknown
 * @param scores one per policy, in the order given
 * @param comparisons every pair {@code (i, j)}, {@code i < j}: policy {@code i} minus policy {@code j}
 */
public record EvaluationReport(String label, int episodes, long evalSeed, double optimum, List<PolicyScore> scores,
        List<PairedComparison> comparisons) {

    private static String f(double x) {
        return Double.isNaN(x) ? "-" : String.format(Locale.ROOT, "%.2f", x);
    }

    /** The aligned text table. */
    public String toTable() {
        StringBuilder sb = new StringBuilder();
        sb.append(String.format(Locale.ROOT, "scenario %s: %d evaluation episodes (seed %d), 95%% t-intervals%n",
                label, episodes, evalSeed));
        if (!Double.isNaN(optimum)) {
            sb.append(String.format(Locale.ROOT, "DP optimum V* = %.2f%n", optimum));
        }
        List<String[]> rows = new ArrayList<>();
        rows.add(new String[] {"policy", "seeds", "mean profit", "95% CI", "sd(seed means)", "gap to V* %"});
        for (PolicyScore s : scores) {
            Summary m = s.summary();
            rows.add(new String[] {s.name(), Integer.toString(s.seedMeans().length), f(m.mean()),
                    "[" + f(m.lower()) + ", " + f(m.upper()) + "]", f(s.seedSd()),
                    Double.isNaN(s.gapToOptimumPct()) ? "-" : f(s.gapToOptimumPct()) + " ± " + f(s.gapHalfWidthPct())});
        }
        align(sb, rows);
        if (!comparisons.isEmpty()) {
            sb.append(String.format("%npaired differences (same episodes)%n"));
            List<String[]> pr = new ArrayList<>();
            pr.add(new String[] {"policy", "vs", "mean diff", "95% CI", "improvement %"});
            for (PairedComparison c : comparisons) {
                Summary d = c.difference();
                pr.add(new String[] {c.policy(), c.baseline(), f(d.mean()), "[" + f(d.lower()) + ", " + f(d.upper()) + "]",
                        Double.isNaN(c.improvementPct()) ? "-"
                                : f(c.improvementPct()) + " ± " + f(c.improvementHalfWidthPct())});
            }
            align(sb, pr);
        }
        return sb.toString();
    }

    private static void align(StringBuilder sb, List<String[]> rows) {
        int[] w = new int[rows.get(0).length];
        for (String[] r : rows) {
            for (int k = 0; k < r.length; k++) {
                w[k] = Math.max(w[k], r[k].length());
            }
        }
        for (String[] r : rows) {
            StringBuilder line = new StringBuilder();
            for (int k = 0; k < r.length; k++) {
                if (k == 0) {
                    line.append(String.format("%-" + w[k] + "s", r[k]));
                } else {
                    line.append("  ").append(String.format("%" + w[k] + "s", r[k]));
                }
            }
            sb.append(line.toString().stripTrailing()).append('\n');
        }
    }

    /** CSV: a header, one {@code score} row per policy, one {@code paired} row per comparison. */
    public String toCsv() {
        StringBuilder sb = new StringBuilder("kind,policy,baseline,n,mean,ci_low,ci_high,sd,seeds,seed_sd,gap_pct,"
                + "gap_halfwidth_pct,improvement_pct,improvement_halfwidth_pct\n");
        for (PolicyScore s : scores) {
            Summary m = s.summary();
            sb.append(String.join(",", "score", csv(s.name()), "", Integer.toString(m.n()), num(m.mean()),
                    num(m.lower()), num(m.upper()), num(m.sd()), Integer.toString(s.seedMeans().length), num(s.seedSd()),
                    num(s.gapToOptimumPct()), num(s.gapHalfWidthPct()), "", "")).append('\n');
        }
        for (PairedComparison c : comparisons) {
            Summary d = c.difference();
            sb.append(String.join(",", "paired", csv(c.policy()), csv(c.baseline()), Integer.toString(d.n()),
                    num(d.mean()), num(d.lower()), num(d.upper()), num(d.sd()), "", "", "", "",
                    num(c.improvementPct()), num(c.improvementHalfWidthPct()))).append('\n');
        }
        return sb.toString();
    }

    /** {@code s} as one CSV field: quoted (quotes doubled) when it holds a comma or a quote. */
    public static String csv(String s) {
        return s.contains(",") || s.contains("\"") ? "\"" + s.replace("\"", "\"\"") + "\"" : s;
    }

    private static String num(double x) {
        return Double.isNaN(x) ? "" : Double.toString(x);
    }

    private static JsonValue jnum(double x) {
        return Double.isFinite(x) ? org.retailrl.core.json.JsonNumber.of(x) : JsonNull.INSTANCE;
    }

    /** The report as a JSON object. */
    public JsonObject toJson() {
        List<JsonValue> ps = new ArrayList<>();
        for (PolicyScore s : scores) {
            Summary m = s.summary();
            ps.add(JsonObject.builder().put("policy", s.name()).put("n", m.n()).put("mean", m.mean())
                    .put("ciLow", m.lower()).put("ciHigh", m.upper()).put("sd", m.sd())
                    .put("seedMeans", JsonArray.ofDoubles(s.seedMeans()))
                    .put("gapPct", jnum(s.gapToOptimumPct())).put("gapHalfWidthPct", jnum(s.gapHalfWidthPct())).build());
        }
        List<JsonValue> cs = new ArrayList<>();
        for (PairedComparison c : comparisons) {
            Summary d = c.difference();
            cs.add(JsonObject.builder().put("policy", c.policy()).put("baseline", c.baseline())
                    .put("meanDifference", d.mean()).put("ciLow", d.lower()).put("ciHigh", d.upper())
                    .put("improvementPct", jnum(c.improvementPct()))
                    .put("improvementHalfWidthPct", jnum(c.improvementHalfWidthPct())).build());
        }
        return JsonObject.builder().put("scenario", label).put("episodes", episodes)
                .put("evalSeed", Long.toString(evalSeed)).put("level", PolicyEvaluator.LEVEL)
                .put("dpOptimum", jnum(optimum)).put("scores", new JsonArray(ps))
                .put("comparisons", new JsonArray(cs)).build();
    }

    /** Writes {@code <stem>.txt}, {@code .csv} and {@code .json} into {@code dir}, each atomically. */
    public void write(Path dir, String stem) throws IOException {
        Files.createDirectories(dir);
        AtomicFiles.writeString(dir.resolve(stem + ".txt"), toTable());
        AtomicFiles.writeString(dir.resolve(stem + ".csv"), toCsv());
        AtomicFiles.writeString(dir.resolve(stem + ".json"), Json.writePretty(toJson()) + "\n");
    }
}
