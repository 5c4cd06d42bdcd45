package org.retailrl.cli;

import java.io.IOException;
import java.io.PrintStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import org.retailrl.algorithms.checkpoint.Algorithm;
import org.retailrl.algorithms.deploy.PolicyFile;
import org.retailrl.algorithms.recommendation.CrnEvaluation;
import org.retailrl.algorithms.recommendation.LearnedPolicy;
import org.retailrl.algorithms.recommendation.MeanInterval;
import org.retailrl.algorithms.recommendation.PolicyOutcome;
import org.retailrl.algorithms.recommendation.RecommendationComparison;
import org.retailrl.core.io.AtomicFiles;
import org.retailrl.envs.recommendation.RecommendationScenario;

/**
 * {@code evaluate} on an inventory-with-recommendation scenario (docs/model.md §3.10): saved
 * policy files of the recommendation learners (mtma, joint-im-rs, im-only, rs-only, rs-only-base-stock, mtma-discrete, joint-im-rs-discrete) scored beside
 * the base-stock heuristics on the same evaluation episodes (common random numbers), as mean
 * episode profit with a 95% interval and each policy's paired difference to the first model.
 */
final class RecommendationEvaluate {
    private RecommendationEvaluate() {
    }

    static int run(String spec, RecommendationScenario scenario, List<String> modelFiles, int episodes, long evalSeed,
                   int fitEpisodes, String outDir, PrintStream out, PrintStream err) throws IOException {
        List<String> names = new ArrayList<>();
        List<double[]> rewards = new ArrayList<>();
        for (String n : modelFiles) {
            Path f = Path.of(n);
            if (!Files.isRegularFile(f)) {
                throw new UsageException("--model file does not exist: '" + n + "'");
            }
            PolicyFile.Contents c = PolicyFile.read(f);
            Algorithm a = Algorithm.of(c.kind());
            if (a.problem() != Algorithm.Problem.RECOMMENDATION) {
                throw new UsageException("--model " + n + " holds a '" + c.kind() + "' pricing policy; --scenario "
                        + spec + " needs a recommendation policy (mtma, joint-im-rs, im-only, rs-only, rs-only-base-stock, mtma-discrete, joint-im-rs-discrete)");
            }
            if (!c.scenario().equals(scenario)) {
                throw new UsageException("--model " + n + " was trained on another scenario than --scenario " + spec);
            }
            String label = a.label() + " (" + f.getFileName() + ")";
            LearnedPolicy p = a.learner().policy(label, a.space(scenario), c.actors());
            err.println("evaluating " + label + "...");
            names.add(label);
            rewards.add(CrnEvaluation.episodeRewards(scenario, p, evalSeed, episodes));
        }
        err.println("fitting and evaluating the base-stock heuristics...");
        for (PolicyOutcome h : RecommendationComparison.heuristics(scenario, fitEpisodes, evalSeed, episodes)) {
            names.add(h.name());
            rewards.add(h.rewards()[0]);
        }
        StringBuilder table = new StringBuilder();
        table.append(String.format(Locale.ROOT, "%s: %d common evaluation episodes (seed %d); episode profit, 95%% CI%n",
                spec, episodes, evalSeed));
        table.append(String.format(Locale.ROOT, "%-44s %26s %28s%n", "policy", "mean profit ± 95% CI",
                modelFiles.isEmpty() ? "" : "vs " + names.get(0)));
        StringBuilder csv = new StringBuilder("policy,mean,half_width,episodes,diff_vs_first,diff_half_width\n");
        for (int i = 0; i < names.size(); i++) {
            MeanInterval m = MeanInterval.of(rewards.get(i));
            MeanInterval d = modelFiles.isEmpty() || i == 0 ? null : MeanInterval.ofDifference(rewards.get(i), rewards.get(0));
            table.append(String.format(Locale.ROOT, "%-44s %15.1f ± %8.1f %28s%n", names.get(i), m.mean(), m.halfWidth(),
                    d == null ? "—" : String.format(Locale.ROOT, "%+.1f ± %.1f", d.mean(), d.halfWidth())));
            csv.append(String.format(Locale.ROOT, "\"%s\",%s,%s,%d,%s,%s%n", names.get(i), m.mean(), m.halfWidth(), m.n(),
                    d == null ? "" : Double.toString(d.mean()), d == null ? "" : Double.toString(d.halfWidth())));
        }
        out.print(table);
        if (outDir != null) {
            Path dir = Path.of(outDir);
            Files.createDirectories(dir);
            AtomicFiles.writeString(dir.resolve("evaluation.txt"), table.toString());
            AtomicFiles.writeString(dir.resolve("evaluation.csv"), csv.toString());
            err.println("wrote evaluation.{txt,csv} in " + dir);
        }
        return 0;
    }
}
