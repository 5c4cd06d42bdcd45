package org.retailrl.cli;

import java.util.List;
import org.retailrl.algorithms.recommendation.ComparisonOptions;
import org.retailrl.algorithms.recommendation.ComparisonResult;
import org.retailrl.algorithms.recommendation.Learner;
import org.retailrl.algorithms.recommendation.PolicyOutcome;
import org.retailrl.algorithms.recommendation.Spread;
import org.retailrl.algorithms.recommendation.MeanInterval;

/**
 * The {@code result.json} of {@link RecommendationReport}: every number of a docs/model.md §3
 * comparison — options, per-policy summaries and all episode profits (currency per episode),
 * paired differences, concentration ratios, learning curves and the claims — as one JSON object.
 * Non-finite numbers (a half-width of one sample) are written as {@code null}.
 */
public final class RecommendationJson {
    private RecommendationJson() {
    }

    /** The JSON text of {@code r}; {@code seconds} is the wall time. */
    public static String of(ComparisonResult r, double seconds) {
        ComparisonOptions o = r.options();
        StringBuilder sb = new StringBuilder("{\n");
        sb.append("  \"scenario\": ").append(str(o.scenarioName())).append(",\n");
        sb.append("  \"seeds\": ").append(o.seeds()).append(",\n");
        sb.append("  \"trainingEpisodesPerLearner\": ").append((long) o.rounds() * r.episodesPerRound()).append(",\n");
        sb.append("  \"evaluationEpisodes\": ").append(o.evalEpisodes()).append(",\n");
        sb.append("  \"threads\": ").append(o.threads()).append(",\n");
        sb.append("  \"wallSeconds\": ").append(num(seconds)).append(",\n");
        sb.append("  \"policies\": [\n");
        List<PolicyOutcome> ps = r.policies();
        for (int i = 0; i < ps.size(); i++) {
            PolicyOutcome p = ps.get(i);
            MeanInterval m = p.summary();
            sb.append("    {\"name\": ").append(str(p.name())).append(", \"learned\": ").append(p.learned())
                    .append(", \"mean\": ").append(num(m.mean())).append(", \"halfWidth95\": ").append(num(m.halfWidth()))
                    .append(", \"sd\": ").append(num(Spread.sd(p.pooled()))).append(", \"iqr\": ")
                    .append(num(Spread.iqr(p.pooled()))).append(", \"seedMeans\": ").append(arr(p.groupMeans()))
                    .append(", \"episodeProfits\": [");
            double[][] x = p.rewards();
            for (int g = 0; g < x.length; g++) {
                sb.append(g == 0 ? "" : ", ").append(arr(x[g]));
            }
            sb.append("]}").append(i + 1 < ps.size() ? ",\n" : "\n");
        }
        sb.append("  ],\n  \"differences\": [\n");
        List<ComparisonResult.Difference> ds = r.differences();
        for (int i = 0; i < ds.size(); i++) {
            ComparisonResult.Difference d = ds.get(i);
            sb.append("    {\"policy\": ").append(str(d.policy())).append(", \"baseline\": ").append(str(d.baseline()))
                    .append(", \"mean\": ").append(num(d.diff().mean())).append(", \"halfWidth95\": ")
                    .append(num(d.diff().halfWidth())).append('}').append(i + 1 < ds.size() ? ",\n" : "\n");
        }
        sb.append("  ],\n  \"concentration\": [\n");
        List<ComparisonResult.Concentration> cs = r.concentration();
        for (int i = 0; i < cs.size(); i++) {
            ComparisonResult.Concentration c = cs.get(i);
            sb.append("    {\"policy\": ").append(str(c.policy())).append(", \"other\": ").append(str(c.other()))
                    .append(", \"sd\": ").append(arr(c.sd())).append(", \"iqr\": ").append(arr(c.iqr()))
                    .append(", \"sdRatio\": ").append(ratio(c.sdRatio())).append(", \"iqrRatio\": ")
                    .append(ratio(c.iqrRatio())).append('}').append(i + 1 < cs.size() ? ",\n" : "\n");
        }
        sb.append("  ],\n  \"learningCurves\": {\"episodesPerRound\": ").append(r.episodesPerRound());
        Learner[] ls = Learner.values();
        for (int l = 0; l < ls.length; l++) {
            sb.append(", ").append(str(ls[l].label())).append(": [");
            double[][] c = r.curves().get(l);
            for (int g = 0; g < c.length; g++) {
                sb.append(g == 0 ? "" : ", ").append(arr(c[g]));
            }
            sb.append(']');
        }
        sb.append("},\n  \"claims\": {\"coordinatedAboveSiloed\": ").append(r.claims().coordinatedAboveSiloed())
                .append(", \"naiveWorse\": ").append(r.claims().naiveWorse()).append(", \"mtmaConcentrated\": ")
                .append(r.claims().mtmaConcentrated()).append(", \"evidence\": [");
        List<String> ev = r.claims().evidence();
        for (int i = 0; i < ev.size(); i++) {
            sb.append(i == 0 ? "" : ", ").append(str(ev.get(i)));
        }
        sb.append("]}\n}\n");
        return sb.toString();
    }

    private static String ratio(Spread.Ratio r) {
        return "{\"ratio\": " + num(r.ratio()) + ", \"low\": " + num(r.low()) + ", \"high\": " + num(r.high()) + "}";
    }

    private static String arr(double[] x) {
        StringBuilder sb = new StringBuilder("[");
        for (int i = 0; i < x.length; i++) {
            sb.append(i == 0 ? "" : ", ").append(num(x[i]));
        }
        return sb.append(']').toString();
    }

    private static String num(double v) {
        return Double.isFinite(v) ? Double.toString(v) : "null";
    }

    /** A JSON string literal. */
    static String str(String s) {
        StringBuilder sb = new StringBuilder("\"");
        for (int i = 0; i < s.length(); i++) {
            char c = s.charAt(i);
            switch (c) {
                case '"' -> sb.append("\\\"");
                case '\\' -> sb.append("\\\\");
                case '\n' -> sb.append("\\n");
                case '\r' -> sb.append("\\r");
                case '\t' -> sb.append("\\t");
                default -> {
                    if (c < 0x20) {
                        sb.append(String.format("\\u%04x", (int) c));
                    } else {
                        sb.append(c);
                    }
                }
            }
        }
        return sb.append('"').toString();
    }
}
