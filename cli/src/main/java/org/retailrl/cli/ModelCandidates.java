package org.retailrl.cli;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.retailrl.algorithms.deploy.PolicyFile;
import org.retailrl.algorithms.eval.PolicyEvaluator;
import org.retailrl.algorithms.pricing.LearnedPricingPolicy;
import org.retailrl.algorithms.pricing.BatchPricingPolicy;
import org.retailrl.envs.pricing.PricingScenario;

/**
 * The {@code --model} option of {@code evaluate}: trained policy files ({@link PolicyFile}) turned
 * into candidates of the docs/model.md §8 evaluation protocol, greedy decisions. Files of one kind
 * ({@code fsda}, {@code ppo-joint}) are the seeds of one candidate named after the kind.
 */
final class ModelCandidates {
    private ModelCandidates() {
    }

    /**
     * Loads the files named by {@code option} (comma-separated) and by the positional words that
     * follow it; each must hold a policy for {@code scenario}.
     */
    static List<PolicyEvaluator.Candidate> load(String option, List<String> more, PricingScenario scenario)
            throws IOException {
        List<String> names = new ArrayList<>();
        if (option.equals("true")) {
            throw new UsageException("--model needs at least one policy file (.rrpf)");
        }
        for (String s : option.split(",")) {
            if (!s.isBlank()) {
                names.add(s.trim());
            }
        }
        names.addAll(more);
        Map<String, List<BatchPricingPolicy>> byKind = new LinkedHashMap<>();
        for (String n : names) {
            Path f = Path.of(n);
            if (!Files.isRegularFile(f)) {
                throw new UsageException("--model file does not exist: '" + n + "'");
            }
            PolicyFile.Contents c = PolicyFile.read(f);
            if (!c.scenario().equals(scenario)) {
                throw new UsageException("--model " + n + " was trained on another scenario than --scenario");
            }
            String name = c.kind().equals(PolicyFile.FSDA) ? CompareCommand.FSDA : CompareCommand.PPO;
            byKind.computeIfAbsent(name, k -> new ArrayList<>()).add(new LearnedPricingPolicy(name, c.actors(), true, 0));
        }
        List<PolicyEvaluator.Candidate> out = new ArrayList<>();
        byKind.forEach((k, list) -> out.add(new PolicyEvaluator.Candidate(k, list)));
        return out;
    }
}
