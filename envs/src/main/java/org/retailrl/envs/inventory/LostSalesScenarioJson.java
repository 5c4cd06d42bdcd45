package org.retailrl.envs.inventory;

import java.io.IOException;
import java.nio.file.Path;
import java.util.Set;
import org.retailrl.core.json.Json;
import org.retailrl.core.json.JsonObject;

/**
 * Reads and writes {@link LostSalesScenario} (docs/model.md §7) as a JSON object whose members are the
 * record's components; {@code demand} is an object (see {@link InventoryJson}). Missing members take
 * the values of Zipkin's instance (Poisson mean 5, {@code p = 9}, {@code L = 2}); when {@code demand}
 * is given without {@code maxOrder}, orders go up to the new law's largest demand, and a
 * {@code leadTime} without {@code initialPipeline} gives an empty pipeline. Unknown members, wrong
 * types and values out of range are {@link IllegalArgumentException}s naming the field. Writing
 * gives every member.
 */
public final class LostSalesScenarioJson {
    private static final Set<String> FIELDS = Set.of("demand", "leadTime", "holdingCost", "penaltyCost", "unitCost",
            "maxOrder", "horizon", "initialInventory", "initialPipeline");

    private LostSalesScenarioJson() {
    }

    /** The scenario described by {@code o}. */
    public static LostSalesScenario fromJson(JsonObject o) {
        o.requireKnownKeys(FIELDS, "lost-sales scenario");
        LostSalesScenario d = LostSalesScenario.zipkin(DemandLaw.Kind.POISSON, 9, 2);
        DemandLaw law = o.has("demand") ? InventoryJson.demand(o.getObject("demand"), "demand") : d.demand();
        int lead = o.getInt("leadTime", d.leadTime());
        int[] pipe = InventoryJson.ints(o, "initialPipeline", new int[Math.max(lead - 1, 0)]);
        return new LostSalesScenario(law, lead, o.getDouble("holdingCost", d.holdingCost()),
                o.getDouble("penaltyCost", d.penaltyCost()), o.getDouble("unitCost", d.unitCost()),
                o.getInt("maxOrder", law.max()), o.getInt("horizon", d.horizon()),
                o.getInt("initialInventory", d.initialInventory()), pipe);
    }

    /** Every field of {@code s}. */
    public static JsonObject toJson(LostSalesScenario s) {
        return JsonObject.builder()
                .put("demand", InventoryJson.demand(s.demand()))
                .put("leadTime", s.leadTime())
                .put("holdingCost", s.holdingCost())
                .put("penaltyCost", s.penaltyCost())
                .put("unitCost", s.unitCost())
                .put("maxOrder", s.maxOrder())
                .put("horizon", s.horizon())
                .put("initialInventory", s.initialInventory())
                .put("initialPipeline", InventoryJson.ints(s.initialPipeline()))
                .build();
    }

    /** Parses JSON text. */
    public static LostSalesScenario parse(String text) {
        return fromJson(Json.parseObject(text));
    }

    /** Reads a scenario file; messages name the file and the field. */
    public static LostSalesScenario load(Path file) throws IOException {
        JsonObject o = Json.readObject(file);
        try {
            return fromJson(o);
        } catch (IllegalArgumentException e) {
            throw InventoryJson.inFile(file, e);
        }
    }

    /** Writes a scenario file atomically. */
    public static void save(Path file, LostSalesScenario s) throws IOException {
        Json.writeFile(file, toJson(s));
    }
}
