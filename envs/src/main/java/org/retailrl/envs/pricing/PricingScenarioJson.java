package org.retailrl.envs.pricing;

import java.io.IOException;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Set;
import org.retailrl.core.json.Json;
import org.retailrl.core.json.JsonArray;
import org.retailrl.core.json.JsonNull;
import org.retailrl.core.json.JsonNumber;
import org.retailrl.core.json.JsonObject;
import org.retailrl.core.json.JsonString;
import org.retailrl.core.json.JsonValue;
import org.retailrl.envs.demand.ScannerTreeDemand;

/**
 * Reads and writes {@link PricingScenario} (docs/model.md §1) as a JSON object whose member names are
 * the record's component names. Reading starts from a named scenario — member {@code "base"}
 * ({@code "a"}–{@code "d"}, default {@code "b"}) — and overrides the members present; setting
 * {@code leadTime} without {@code initialPipeline} gives an empty pipeline. Enums are strings,
 * case-insensitive ({@code "undercut"}, {@code "lost_sales"}); {@code inventoryCap} is an integer
 * or {@code null} for no cap. Unknown members, wrong JSON types and values outside the record's
 * ranges are {@link IllegalArgumentException}s naming the field. Writing gives every member, so a
 * saved file does not depend on the defaults of a later version.
 *
 * <p>A data-driven scenario (docs/model.md §5.4) has a member {@code "demand"} describing its
 * {@link DemandModel} ({@link ScannerTreeDemand}: the product's weekly data and the path of the
 * fitted model file, relative paths resolved against the scenario file's folder); a scenario
 * without it uses the logit demand of §1.2 and is written exactly as before.
 */
public final class PricingScenarioJson {
    private static final List<String> FIELDS = List.of("base", "prices", "maxOrder", "unitCost", "holdingCost",
            "shortageCost", "fixedCost", "leadTime", "horizon", "initialInventory", "initialPipeline", "marketSize",
            "periodLength", "betaIntercept", "betaRank", "betaGap", "betaCompetitors", "betaAverage",
            "betaReference", "referenceWeight", "initialReference", "competitor", "undercutStep",
            "initialCompetitorPrice", "fixedCompetitorPrice", "mode", "inventoryCap", "demand");

    private PricingScenarioJson() {
    }

    /** The scenario described by {@code o}; see the class description. */
    public static PricingScenario fromJson(JsonObject o) {
        return fromJson(o, null);
    }

    /**
     * The scenario described by {@code o}; a data-driven demand's relative model path is resolved
     * against {@code baseDir} ({@code null}: the working directory).
     */
    public static PricingScenario fromJson(JsonObject o, Path baseDir) {
        o.requireKnownKeys(Set.copyOf(FIELDS), "pricing scenario");
        PricingScenario cur = PricingScenario.named(o.getString("base", "b"));
        PricingScenarioBuilder b = cur.toBuilder();
        if (o.has("prices")) {
            b.prices(o.getDoubleArray("prices"));
        }
        b.maxOrder(o.getInt("maxOrder", cur.maxOrder()))
                .unitCost(o.getDouble("unitCost", cur.unitCost()))
                .holdingCost(o.getDouble("holdingCost", cur.holdingCost()))
                .shortageCost(o.getDouble("shortageCost", cur.shortageCost()))
                .fixedCost(o.getDouble("fixedCost", cur.fixedCost()))
                .horizon(o.getInt("horizon", cur.horizon()))
                .initialInventory(o.getInt("initialInventory", cur.initialInventory()))
                .marketSize(o.getDouble("marketSize", cur.marketSize()))
                .periodLength(o.getDouble("periodLength", cur.periodLength()))
                .betas(o.getDouble("betaIntercept", cur.betaIntercept()), o.getDouble("betaRank", cur.betaRank()),
                        o.getDouble("betaGap", cur.betaGap()),
                        o.getDouble("betaCompetitors", cur.betaCompetitors()),
                        o.getDouble("betaAverage", cur.betaAverage()),
                        o.getDouble("betaReference", cur.betaReference()))
                .referenceWeight(o.getDouble("referenceWeight", cur.referenceWeight()))
                .initialReference(o.getDouble("initialReference", cur.initialReference()))
                .undercutStep(o.getDouble("undercutStep", cur.undercutStep()))
                .initialCompetitorPrice(o.getDouble("initialCompetitorPrice", cur.initialCompetitorPrice()))
                .fixedCompetitorPrice(o.getDouble("fixedCompetitorPrice", cur.fixedCompetitorPrice()));
        if (o.has("leadTime")) {
            b.leadTime(o.getInt("leadTime"));
        }
        if (o.has("initialPipeline")) {
            double[] pipe = o.getDoubleArray("initialPipeline");
            int[] ints = new int[pipe.length];
            for (int k = 0; k < pipe.length; k++) {
                if (pipe[k] != Math.rint(pipe[k]) || Math.abs(pipe[k]) > PricingScenario.MAX_UNITS) {
                    throw new IllegalArgumentException("field 'initialPipeline'[" + k
                            + "] must be an integer in [0, maxOrder], got " + pipe[k]);
                }
                ints[k] = (int) pipe[k];
            }
            b.initialPipeline(ints);
        }
        if (o.has("competitor")) {
            b.competitor(parseEnum(CompetitorKind.class, "competitor", o.getString("competitor")));
        }
        if (o.has("mode")) {
            b.mode(parseEnum(ShortageMode.class, "mode", o.getString("mode")));
        }
        if (o.has("inventoryCap")) {
            b.inventoryCap(o.get("inventoryCap") instanceof JsonNull ? PricingScenario.UNCAPPED
                    : o.getInt("inventoryCap"));
        }
        if (o.has("demand")) {
            try {
                b.demandModel(ScannerTreeDemand.fromJson(o.getObject("demand"), baseDir));
            } catch (IOException e) {
                throw new IllegalArgumentException(e.getMessage(), e);
            }
        }
        return b.build();
    }

    private static <E extends Enum<E>> E parseEnum(Class<E> type, String field, String text) {
        for (E e : type.getEnumConstants()) {
            if (e.name().equalsIgnoreCase(text.trim())) {
                return e;
            }
        }
        List<String> allowed = new ArrayList<>();
        for (E e : type.getEnumConstants()) {
            allowed.add(e.name().toLowerCase(Locale.ROOT));
        }
        throw new IllegalArgumentException("field '" + field + "' must be one of " + String.join(", ", allowed)
                + ", got '" + text + "'");
    }

    /** Every field of {@code s} as a JSON object (no {@code base}); {@code demand} only when data-driven. */
    public static JsonObject toJson(PricingScenario s) {
        List<JsonValue> pipe = new ArrayList<>();
        for (int q : s.initialPipeline()) {
            pipe.add(JsonNumber.of(q));
        }
        JsonObject.Builder b = JsonObject.builder()
                .put("prices", JsonArray.ofDoubles(s.prices()))
                .put("maxOrder", s.maxOrder())
                .put("unitCost", s.unitCost())
                .put("holdingCost", s.holdingCost())
                .put("shortageCost", s.shortageCost())
                .put("fixedCost", s.fixedCost())
                .put("leadTime", s.leadTime())
                .put("horizon", s.horizon())
                .put("initialInventory", s.initialInventory())
                .put("initialPipeline", new JsonArray(pipe))
                .put("marketSize", s.marketSize())
                .put("periodLength", s.periodLength())
                .put("betaIntercept", s.betaIntercept())
                .put("betaRank", s.betaRank())
                .put("betaGap", s.betaGap())
                .put("betaCompetitors", s.betaCompetitors())
                .put("betaAverage", s.betaAverage())
                .put("betaReference", s.betaReference())
                .put("referenceWeight", s.referenceWeight())
                .put("initialReference", s.initialReference())
                .put("competitor", new JsonString(s.competitor().name().toLowerCase(Locale.ROOT)))
                .put("undercutStep", s.undercutStep())
                .put("initialCompetitorPrice", s.initialCompetitorPrice())
                .put("fixedCompetitorPrice", s.fixedCompetitorPrice())
                .put("mode", new JsonString(s.mode().name().toLowerCase(Locale.ROOT)))
                .put("inventoryCap", s.capped() ? JsonNumber.of(s.inventoryCap()) : JsonNull.INSTANCE);
        if (s.demandModel() != null) {
            b.put("demand", s.demandModel().toJson());
        }
        return b.build();
    }

    /** Parses a scenario from JSON text. */
    public static PricingScenario parse(String text) {
        return fromJson(Json.parseObject(text));
    }

    /** The scenario as pretty JSON text. */
    public static String write(PricingScenario s) {
        return Json.writePretty(toJson(s));
    }

    /** Reads a scenario file; messages name the file and the field. */
    public static PricingScenario load(Path file) throws IOException {
        JsonObject o = Json.readObject(file);
        try {
            return fromJson(o, file.toAbsolutePath().getParent());
        } catch (IllegalArgumentException e) {
            throw new IllegalArgumentException(file + ": " + e.getMessage(), e);
        }
    }

    /** Writes a scenario file atomically. */
    public static void save(Path file, PricingScenario s) throws IOException {
        Json.writeFile(file, toJson(s));
    }
}
