package org.retailrl.fleet;

import java.io.Serializable;
import java.util.ArrayList;
import java.util.List;
import org.retailrl.core.json.JsonObject;

/**
 * What every series of a fleet run is given (docs/fleet.md): the shared demand model, the
 * scenario options and the per-series budget of {@code retail compare} (docs/model.md §8
 * evaluation protocol). The per-series command lines built from it are exactly those a user
 * would type to run one series alone, which is what makes the two agree.
 *
 * @param model         the fitted demand model every scenario reuses ({@code demand scenario --model})
 * @param stores        the store demographics file the model was fitted with, or {@code null}
 * @param out           the fleet's output folder
 * @param seeds         training seeds per series ({@code compare --seeds})
 * @param episodes      training episodes per run
 * @param copies        environment copies per training episode
 * @param evalEpisodes  evaluation episodes
 * @param heuristicFit  {@code SAMPLES,EPISODES,ROUNDS} of the heuristics' fit
 * @param learners      the learners to train, the first being the one reported ({@code fsda} or {@code ppo-joint})
 * @param threads       engine threads inside one series
 * @param checkpointEvery episodes between a run's checkpoints
 * @param ounces        ounces per unit for every series, or {@code null} for Dominick's orange-juice sizes
 */
public record FleetSettings(String model, String stores, String out, String seeds, int episodes, int copies,
        int evalEpisodes, String heuristicFit, String learners, int threads, int checkpointEvery, String ounces) implements Serializable {

    /** {@code retail demand scenario} for {@code s}, writing {@code scenario}. */
    public List<String> scenarioArgs(SeriesSpec s, String scenario) {
        List<String> a = new ArrayList<>(List.of("demand", "scenario", "--data", s.data(), "--store",
                Integer.toString(s.store()), "--brand", Integer.toString(s.brand()), "--model", model, "--out", scenario));
        if (stores != null) {
            a.addAll(List.of("--stores", stores));
        }
        if (ounces != null) {
            a.addAll(List.of("--ounces", ounces));
        }
        return a;
    }

    /** {@code retail compare} on {@code scenario}, writing the report folder {@code report}. */
    public List<String> compareArgs(String scenario, String report) {
        return new ArrayList<>(List.of("compare", "--scenario", scenario, "--seeds", seeds, "--episodes",
                Integer.toString(episodes), "--copies", Integer.toString(copies), "--eval-episodes",
                Integer.toString(evalEpisodes), "--heuristic-fit", heuristicFit, "--learners", learners, "--threads",
                Integer.toString(threads), "--checkpoint-every", Integer.toString(checkpointEvery), "--out", report,
                "--yes"));
    }

    /** The reported learner's row name in the comparison ({@code FSDA} or {@code PPO-joint}). */
    public String reportedPolicy() {
        return learners.split(",")[0].trim().equals("ppo-joint") ? "PPO-joint" : "FSDA";
    }

    /** Every setting that shapes a series' results (not the thread count, which does not). */
    public JsonObject toJson() {
        JsonObject.Builder b = JsonObject.builder().put("model", model).put("seeds", seeds).put("episodes", episodes)
                .put("copies", copies).put("evalEpisodes", evalEpisodes).put("heuristicFit", heuristicFit)
                .put("learners", learners).put("checkpointEvery", checkpointEvery);
        if (stores != null) {
            b.put("stores", stores);
        }
        if (ounces != null) {
            b.put("ounces", ounces);
        }
        return b.build();
    }
}
