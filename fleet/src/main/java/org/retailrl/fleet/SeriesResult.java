package org.retailrl.fleet;

import java.io.Serializable;
import java.util.List;
import java.util.Locale;
import org.retailrl.core.json.JsonNull;
import org.retailrl.core.json.JsonNumber;
import org.retailrl.core.json.JsonObject;
import org.retailrl.core.json.JsonValue;

/**
 * One row of the fleet's results table (docs/fleet.md): the evaluation of one series' trained
 * policy against its heuristics on common episodes (docs/model.md §8), or why the series failed.
 * Profits are per evaluation episode in the scenario's currency; {@code *Low}/{@code *High} are the
 * 95% t-interval over evaluation episodes; the improvement is the paired one of
 * {@code retail compare} ({@code 100·mean(policy − heuristic)/|mean(heuristic)|}) against the
 * heuristic with the highest mean profit, Oracle Myopic excluded (it knows the true demand law).
 * Numbers of a failed series are NaN.
 *
 * @param store            store number
 * @param brand            brand number
 * @param status           {@code ok} or {@code failed}
 * @param reason           why it failed ("" when ok)
 * @param policy           the reported learner's name
 * @param policyMean       its mean profit (greedy decisions)
 * @param policyLow        lower end of its interval
 * @param policyHigh       upper end of its interval
 * @param bestHeuristic    the best heuristic's name
 * @param heuristicMean    its mean profit
 * @param heuristicLow     lower end of its interval
 * @param heuristicHigh    upper end of its interval
 * @param improvementPct   paired improvement of the policy over the best heuristic, percent
 * @param improvementHalfWidthPct half-width of its 95% interval, percent
 * @param oracleMean       Oracle Myopic's mean profit
 * @param seconds          wall seconds of the series (scenario, training, evaluation, report)
 * @param policyFile       the reported learner's policy file (first seed)
 * @param report           the series' report folder
 */
public record SeriesResult(int store, int brand, String status, String reason, String policy, double policyMean,
        double policyLow, double policyHigh, String bestHeuristic, double heuristicMean, double heuristicLow,
        double heuristicHigh, double improvementPct, double improvementHalfWidthPct, double oracleMean,
        double seconds, String policyFile, String report) implements Serializable {

    /** The column names of {@link #csvRow()}, in order. */
    public static final List<String> COLUMNS = List.of("series", "store", "brand", "status", "reason", "policy",
            "policy_mean", "policy_ci_low", "policy_ci_high", "best_heuristic", "heuristic_mean", "heuristic_ci_low",
            "heuristic_ci_high", "improvement_pct", "improvement_half_width_pct", "oracle_mean", "seconds",
            "policy_file", "report");

    /** A failed series. */
    public static SeriesResult failed(SeriesSpec s, String reason, double seconds, String report) {
        double n = Double.NaN;
        return new SeriesResult(s.store(), s.brand(), "failed", reason, "", n, n, n, "", n, n, n, n, n, n, seconds, "",
                report);
    }

    /** {@code s<store>-b<brand>}. */
    public String series() {
        return new SeriesSpec(store, brand, "-").id();
    }

    /** Whether the series was evaluated. */
    public boolean ok() {
        return status.equals("ok");
    }

    /** The row's values as CSV fields (quoted where needed), in {@link #COLUMNS} order. */
    public String csvRow() {
        Object[] v = {series(), store, brand, status, reason, policy, policyMean, policyLow, policyHigh, bestHeuristic,
                heuristicMean, heuristicLow, heuristicHigh, improvementPct, improvementHalfWidthPct, oracleMean, seconds,
                policyFile, report};
        StringBuilder sb = new StringBuilder();
        for (int i = 0; i < v.length; i++) {
            if (i > 0) {
                sb.append(',');
            }
            sb.append(field(v[i]));
        }
        return sb.toString();
    }

    private static String field(Object o) {
        if (o instanceof Double d) {
            return Double.isNaN(d) ? "" : Double.toString(d);
        }
        String s = o.toString();
        return s.contains(",") || s.contains("\"") || s.contains("\n") ? "\"" + s.replace("\"", "\"\"") + "\"" : s;
    }

    /** As JSON, NaN as null. */
    public JsonObject toJson() {
        return JsonObject.builder().put("store", store).put("brand", brand).put("status", status).put("reason", reason)
                .put("policy", policy).put("policyMean", num(policyMean)).put("policyLow", num(policyLow))
                .put("policyHigh", num(policyHigh)).put("bestHeuristic", bestHeuristic)
                .put("heuristicMean", num(heuristicMean)).put("heuristicLow", num(heuristicLow))
                .put("heuristicHigh", num(heuristicHigh)).put("improvementPct", num(improvementPct))
                .put("improvementHalfWidthPct", num(improvementHalfWidthPct)).put("oracleMean", num(oracleMean))
                .put("seconds", seconds).put("policyFile", policyFile).put("report", report).build();
    }

    /** The row {@link #toJson} wrote. */
    public static SeriesResult fromJson(JsonObject o) {
        return new SeriesResult(o.getInt("store"), o.getInt("brand"), o.getString("status"), o.getString("reason"),
                o.getString("policy"), real(o, "policyMean"), real(o, "policyLow"), real(o, "policyHigh"),
                o.getString("bestHeuristic"), real(o, "heuristicMean"), real(o, "heuristicLow"),
                real(o, "heuristicHigh"), real(o, "improvementPct"), real(o, "improvementHalfWidthPct"),
                real(o, "oracleMean"), o.getDouble("seconds"), o.getString("policyFile"), o.getString("report"));
    }

    private static JsonValue num(double v) {
        return Double.isFinite(v) ? new JsonNumber(v) : JsonNull.INSTANCE;
    }

    private static double real(JsonObject o, String key) {
        return o.get(key) instanceof JsonNumber n ? n.value() : Double.NaN;
    }

    @Override
    public String toString() {
        return ok() ? String.format(Locale.ROOT, "%s: %s %.2f vs %s %.2f (%+.2f%%)", series(), policy, policyMean,
                bestHeuristic, heuristicMean, improvementPct) : series() + ": failed: " + reason;
    }
}
