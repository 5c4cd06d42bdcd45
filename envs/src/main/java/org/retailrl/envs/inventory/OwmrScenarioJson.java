package org.retailrl.envs.inventory;

import java.io.IOException;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Set;
import org.retailrl.core.json.Json;
import org.retailrl.core.json.JsonArray;
import org.retailrl.core.json.JsonObject;
import org.retailrl.core.json.JsonValue;

/**
 * Reads and writes {@link OwmrScenario} (docs/model.md §7) as a JSON object whose members are the
 * record's components; {@code demand} is an array with one law object per retailer (see
 * {@link InventoryJson}), {@code allocation} is {@code "proportional"} or {@code "balanced"}.
 * Missing members take the values of {@link OwmrScenario#example()}; when {@code demand} is given
 * without {@code retailerLeads}, every retailer gets the example's lead time 1. Unknown members,
 * wrong types and values out of range are {@link IllegalArgumentException}s naming the field.
 * Writing gives every member.
 */
public final class OwmrScenarioJson {
    private static final Set<String> FIELDS = Set.of("demand", "warehouseLead", "retailerLeads", "warehouseHolding",
            "retailerHolding", "backlogCost", "allocation", "maxOrder", "horizon");

    private OwmrScenarioJson() {
    }

    /** The scenario described by {@code o}. */
    public static OwmrScenario fromJson(JsonObject o) {
        o.requireKnownKeys(FIELDS, "owmr scenario");
        OwmrScenario d = OwmrScenario.example();
        DemandLaw[] laws = d.demand();
        if (o.has("demand")) {
            JsonArray a = o.getArray("demand");
            laws = new DemandLaw[a.size()];
            for (int r = 0; r < laws.length; r++) {
                if (!(a.get(r) instanceof JsonObject law)) {
                    throw new IllegalArgumentException("field 'demand[" + r + "]' must be a demand law object, got "
                            + a.get(r).typeName());
                }
                laws[r] = InventoryJson.demand(law, "demand[" + r + "]");
            }
        }
        int[] leads = d.retailerLeads();
        if (laws.length != leads.length) {
            leads = new int[laws.length];
            Arrays.fill(leads, 1);
        }
        leads = InventoryJson.ints(o, "retailerLeads", leads);
        OwmrScenario.Allocation rule = o.has("allocation") ? OwmrScenario.Allocation.of(o.getString("allocation"))
                : d.allocation();
        return new OwmrScenario(laws, o.getInt("warehouseLead", d.warehouseLead()), leads,
                o.getDouble("warehouseHolding", d.warehouseHolding()), o.getDouble("retailerHolding", d.retailerHolding()),
                o.getDouble("backlogCost", d.backlogCost()), rule, o.getInt("maxOrder", d.maxOrder()),
                o.getInt("horizon", d.horizon()));
    }

    /** Every field of {@code s}. */
    public static JsonObject toJson(OwmrScenario s) {
        List<JsonValue> laws = new ArrayList<>();
        for (DemandLaw law : s.demand()) {
            laws.add(InventoryJson.demand(law));
        }
        return JsonObject.builder()
                .put("demand", new JsonArray(laws))
                .put("warehouseLead", s.warehouseLead())
                .put("retailerLeads", InventoryJson.ints(s.retailerLeads()))
                .put("warehouseHolding", s.warehouseHolding())
                .put("retailerHolding", s.retailerHolding())
                .put("backlogCost", s.backlogCost())
                .put("allocation", s.allocation().label())
                .put("maxOrder", s.maxOrder())
                .put("horizon", s.horizon())
                .build();
    }

    /** Parses JSON text. */
    public static OwmrScenario parse(String text) {
        return fromJson(Json.parseObject(text));
    }

    /** Reads a scenario file; messages name the file and the field. */
    public static OwmrScenario load(Path file) throws IOException {
        JsonObject o = Json.readObject(file);
        try {
            return fromJson(o);
        } catch (IllegalArgumentException e) {
            throw InventoryJson.inFile(file, e);
        }
    }

    /** Writes a scenario file atomically. */
    public static void save(Path file, OwmrScenario s) throws IOException {
        Json.writeFile(file, toJson(s));
    }
}
