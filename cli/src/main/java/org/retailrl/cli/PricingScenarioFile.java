package org.retailrl.cli;

import java.io.IOException;
import java.nio.file.Path;
import java.util.Locale;
import java.util.Set;
import org.retailrl.core.json.JsonArray;
import org.retailrl.core.json.Json;
import org.retailrl.core.json.JsonObject;
import org.retailrl.envs.pricing.CompetitorKind;
import org.retailrl.envs.pricing.PricingScenario;
import org.retailrl.envs.pricing.PricingScenarioBuilder;
import org.retailrl.envs.pricing.ShortageMode;

/**
 * Reads a MODEL.md §1 scenario from a JSON object: optional {@code "base"} ({@code "a".."d"},
 * default {@code "b"}) and any of the {@link PricingScenario} component names overriding it;
 * {@code competitor} is {@code "undercut" | "uniform" | "fixed"}, {@code mode} is
 * {@code "lost_sales" | "backlog"}, {@code inventoryCap} an integer (absent: no cap). Unknown
 * names are errors, so a typo never silently falls back to a default.
 */
final class PricingScenarioFile {
    private static final Set<String> KEYS = Set.of("base", "prices", "maxOrder", "unitCost", "holdingCost",
            "shortageCost", "fixedCost", "leadTime", "horizon", "initialInventory", "initialPipeline", "marketSize",
            "periodLength", "betaIntercept", "betaRank", "betaGap", "betaCompetitors", "betaAverage", "betaReference",
            "referenceWeight", "initialReference", "competitor", "undercutStep", "initialCompetitorPrice",
            "fixedCompetitorPrice", "mode", "inventoryCap");

    private PricingScenarioFile() {
    }

    /** A named scenario ({@code a..d}) or the scenario in JSON file {@code spec}. */
    static PricingScenario resolve(String spec) throws IOException {
        String s = spec.trim().toLowerCase(Locale.ROOT);
        if (s.matches("[abcd]")) {
            return PricingScenario.named(s);
        }
        if (!spec.endsWith(".json")) {
            throw new UsageException("--scenario must be a, b, c, d or a .json file, got '" + spec + "'");
        }
        return parse(Json.readObject(Path.of(spec)));
    }

    /** The scenario described by {@code o}. */
    static PricingScenario parse(JsonObject o) {
        o.requireKnownKeys(KEYS, "scenario");
        PricingScenarioBuilder b = PricingScenario.named(o.getString("base", "b")).toBuilder();
        if (o.has("prices")) {
            b.prices(o.getDoubleArray("prices"));
        }
        if (o.has("maxOrder")) {
            b.maxOrder(o.getInt("maxOrder"));
        }
        if (o.has("unitCost")) {
            b.unitCost(o.getDouble("unitCost"));
        }
        if (o.has("holdingCost")) {
            b.holdingCost(o.getDouble("holdingCost"));
        }
        if (o.has("shortageCost")) {
            b.shortageCost(o.getDouble("shortageCost"));
        }
        if (o.has("fixedCost")) {
            b.fixedCost(o.getDouble("fixedCost"));
        }
        if (o.has("leadTime")) {
            b.leadTime(o.getInt("leadTime"));
        }
        if (o.has("horizon")) {
            b.horizon(o.getInt("horizon"));
        }
        if (o.has("initialInventory")) {
            b.initialInventory(o.getInt("initialInventory"));
        }
        if (o.has("initialPipeline")) {
            JsonArray a = o.getArray("initialPipeline");
            double[] d = a.toDoubleArray("initialPipeline");
            int[] q = new int[d.length];
            for (int i = 0; i < d.length; i++) {
                if (d[i] != Math.rint(d[i])) {
                    throw new IllegalArgumentException("initialPipeline[" + i + "] must be an integer, got " + d[i]);
                }
                q[i] = (int) d[i];
            }
            b.initialPipeline(q);
        }
        if (o.has("marketSize")) {
            b.marketSize(o.getDouble("marketSize"));
        }
        if (o.has("periodLength")) {
            b.periodLength(o.getDouble("periodLength"));
        }
        PricingScenario base = b.build();
        b.betas(o.getDouble("betaIntercept", base.betaIntercept()), o.getDouble("betaRank", base.betaRank()),
                o.getDouble("betaGap", base.betaGap()), o.getDouble("betaCompetitors", base.betaCompetitors()),
                o.getDouble("betaAverage", base.betaAverage()), o.getDouble("betaReference", base.betaReference()));
        if (o.has("referenceWeight")) {
            b.referenceWeight(o.getDouble("referenceWeight"));
        }
        if (o.has("initialReference")) {
            b.initialReference(o.getDouble("initialReference"));
        }
        if (o.has("competitor")) {
            String c = o.getString("competitor").trim().toUpperCase(Locale.ROOT);
            try {
                b.competitor(CompetitorKind.valueOf(c));
            } catch (IllegalArgumentException e) {
                throw new IllegalArgumentException("competitor must be undercut, uniform or fixed, got '"
                        + o.getString("competitor") + "'");
            }
        }
        if (o.has("undercutStep")) {
            b.undercutStep(o.getDouble("undercutStep"));
        }
        if (o.has("initialCompetitorPrice")) {
            b.initialCompetitorPrice(o.getDouble("initialCompetitorPrice"));
        }
        if (o.has("fixedCompetitorPrice")) {
            b.fixedCompetitorPrice(o.getDouble("fixedCompetitorPrice"));
        }
        if (o.has("mode")) {
            String m = o.getString("mode").trim().toUpperCase(Locale.ROOT);
            try {
                b.mode(ShortageMode.valueOf(m));
            } catch (IllegalArgumentException e) {
                throw new IllegalArgumentException("mode must be lost_sales or backlog, got '" + o.getString("mode") + "'");
            }
        }
        if (o.has("inventoryCap")) {
            b.inventoryCap(o.getInt("inventoryCap"));
        }
        return b.build();
    }
}
