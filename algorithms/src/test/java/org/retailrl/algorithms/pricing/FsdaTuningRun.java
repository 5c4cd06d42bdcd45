package org.retailrl.algorithms.pricing;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import org.retailrl.algorithms.eval.PolicyEvaluator;
import org.retailrl.algorithms.heuristics.Heuristic;
import org.retailrl.algorithms.heuristics.HeuristicOptimizer;
import org.retailrl.algorithms.heuristics.HeuristicSuite;
import org.retailrl.algorithms.rl.LearnerConfig;
import org.retailrl.algorithms.rl.LearnerConfigJson;
import org.retailrl.algorithms.rl.Presets;
import org.retailrl.algorithms.rl.StepSize;
import org.retailrl.algorithms.rl.TestConfigs;
import org.retailrl.algorithms.rl.Trainer;
import org.retailrl.envs.pricing.PricingScenario;
import org.retailrl.nn.RecurrentNet;

/**
 * A manual tuning run (not a test): trains FSDA or joint-action PPO on tuning seeds with settings
 * given as {@code key=value} arguments, prints the training curve (mean sampled-policy profit per
 * tenth of the budget) and the training time, then scores the greedy and sampled policies and the
 * fitted heuristics on common evaluation episodes of a tuning evaluation seed.
 *
 * <p>Keys: {@code algo=fsda|ppo|both}, {@code scenario=a..d}, {@code episodes}, {@code copies},
 * {@code seeds=11,12}, {@code lr}, {@code anneal=true|false}, {@code epochs}, {@code mb},
 * {@code ent}, {@code epu} (episodes per update), {@code seq}, {@code eval} (evaluation episodes,
 * 0 skips), {@code evalSeed}, {@code heur=true|false}, {@code heurSeeds=1,2,3} (fitting seeds of the
 * heuristics), {@code cleanrl=true} (start from
 * CleanRL's values instead of the project defaults).
 */
public final class FsdaTuningRun {
    private FsdaTuningRun() {
    }

    public static void main(String[] args) {
        Map<String, String> kv = new LinkedHashMap<>();
        for (String a : args) {
            int i = a.indexOf('=');
            kv.put(a.substring(0, i), a.substring(i + 1));
        }
        String algo = kv.getOrDefault("algo", "fsda");
        PricingScenario sc = PricingScenario.named(kv.getOrDefault("scenario", "b"));
        int episodes = Integer.parseInt(kv.getOrDefault("episodes", "200"));
        int copies = Integer.parseInt(kv.getOrDefault("copies", "16"));
        String[] seedList = kv.getOrDefault("seeds", "11").split(",");
        boolean cleanrl = Boolean.parseBoolean(kv.getOrDefault("cleanrl", "false"));
        LearnerConfig base = cleanrl ? Presets.FSDA_CLEANRL : Presets.FSDA;
        LearnerConfig ppoBase = cleanrl ? Presets.CLEANRL_PPO : Presets.PPO_JOINT;
        int evalEpisodes = Integer.parseInt(kv.getOrDefault("eval", "200"));
        long evalSeed = Long.parseLong(kv.getOrDefault("evalSeed", "777"));
        List<PolicyEvaluator.Candidate> cands = new ArrayList<>();
        for (String what : algo.equals("both") ? new String[] {"fsda", "ppo"} : new String[] {algo}) {
            LearnerConfig p = override(what.equals("fsda") ? base : ppoBase, kv);
            int updates = episodes / p.episodesPerUpdate();
            List<LearnedPricingPolicy> greedy = new ArrayList<>();
            List<LearnedPricingPolicy> sampled = new ArrayList<>();
            for (String s : seedList) {
                long seed = Long.parseLong(s.trim());
                double[] curve = new double[updates];
                long t0 = System.nanoTime();
                long c0 = java.lang.management.ManagementFactory.getThreadMXBean().getCurrentThreadCpuTime();
                List<RecurrentNet> nets;
                if (what.equals("fsda")) {
                    Trainer t = PricingLearners.fsda(sc, copies, p, seed, updates);
                    for (int n = 0; n < updates; n++) {
                        Trainer.RoundStats st = t.round();
                        curve[n] = st.meanEpisodeReward();
                        if (kv.containsKey("verbose")) {
                            System.out.printf(Locale.ROOT, "%4d %9.1f ent %.3f/%.3f kl %.4f/%.4f ev %.3f%n", n,
                                    curve[n], st.agents()[0].entropy(), st.agents()[1].entropy(),
                                    st.agents()[0].approxKl(), st.agents()[1].approxKl(), st.explainedVariance());
                        }
                    }
                    nets = List.of(t.actor(0), t.actor(1));
                } else {
                    Trainer t = PricingLearners.ppoJoint(sc, copies, p, seed, updates);
                    for (int n = 0; n < updates; n++) {
                        Trainer.RoundStats st = t.round();
                        curve[n] = st.meanEpisodeReward();
                        if (kv.containsKey("verbose")) {
                            System.out.printf(Locale.ROOT, "%4d %9.1f ent %.3f kl %.4f ev %.3f%n", n, curve[n],
                                    st.agents()[0].entropy(), st.agents()[0].approxKl(), st.explainedVariance());
                        }
                    }
                    nets = List.of(t.actor(0));
                }
                double secs = (System.nanoTime() - t0) / 1e9;
                double cpu = (java.lang.management.ManagementFactory.getThreadMXBean().getCurrentThreadCpuTime() - c0) / 1e9;
                StringBuilder sb = new StringBuilder();
                for (int d = 0; d < 10; d++) {
                    int lo = updates * d / 10;
                    int hi = Math.max(lo + 1, updates * (d + 1) / 10);
                    double m = 0;
                    for (int i = lo; i < hi; i++) {
                        m += curve[i] / (hi - lo);
                    }
                    sb.append(String.format(Locale.ROOT, " %7.0f", m));
                }
                System.out.printf(Locale.ROOT, "%s seed %d: %d updates x %d eps x %d copies in %.1f s (thread CPU %.1f s); curve%s%n",
                        what, seed, updates, p.episodesPerUpdate(), copies, secs, cpu, sb);
                greedy.add(new LearnedPricingPolicy(what + "-greedy", nets, true, 0));
                sampled.add(new LearnedPricingPolicy(what + "-sampled", nets, false, 0));
            }
            cands.add(new PolicyEvaluator.Candidate(what + "-greedy", greedy));
            cands.add(new PolicyEvaluator.Candidate(what + "-sampled", sampled));
        }
        if (evalEpisodes > 0) {
            if (Boolean.parseBoolean(kv.getOrDefault("heur", "true"))) {
                Map<String, List<PerCopyBatchPolicy>> perName = new LinkedHashMap<>();
                for (String hs : kv.getOrDefault("heurSeeds", "101").split(",")) {
                    HeuristicSuite suite = HeuristicSuite.fit(sc, HeuristicSuite.Settings.defaults(Long.parseLong(hs)));
                    for (HeuristicOptimizer.Result r : suite.fitted()) {
                        Heuristic h = r.policy();
                        perName.computeIfAbsent(h.name(), k -> new ArrayList<>()).add(new PerCopyBatchPolicy(() -> h));
                    }
                }
                perName.forEach((name, list) -> cands.add(new PolicyEvaluator.Candidate(name, list)));
            }
            System.out.println(PolicyEvaluator.evaluate("scenario " + kv.getOrDefault("scenario", "b"), sc, cands,
                    evalEpisodes, evalSeed, Double.NaN).toTable());
        }
    }

    private static LearnerConfig override(LearnerConfig p, Map<String, String> kv) {
        if (kv.containsKey("lr") || kv.containsKey("anneal")) {
            StepSize old = p.agents().get(0).stepSize();
            double lr = Double.parseDouble(kv.getOrDefault("lr", Double.toString(old.initial())));
            boolean anneal = Boolean.parseBoolean(kv.getOrDefault("anneal",
                    Boolean.toString(old.kind() == StepSize.Kind.LINEAR)));
            p = TestConfigs.stepSize(p, anneal ? StepSize.linear(lr) : StepSize.constant(lr));
        }
        // The other keys are members of the configuration's JSON form.
        Map<String, String> members = Map.of("epochs", "epochs", "mb", "minibatches", "ent", "entCoef",
                "epu", "episodesPerUpdate", "seq", "sequenceLength", "gamma", "gamma", "lambda", "gaeLambda");
        StringBuilder json = new StringBuilder("{");
        for (Map.Entry<String, String> m : members.entrySet()) {
            if (kv.containsKey(m.getKey())) {
                json.append(json.length() > 1 ? ", " : "").append('"').append(m.getValue()).append("\": ")
                        .append(kv.get(m.getKey()));
            }
        }
        return LearnerConfigJson.parse(json.append('}').toString(), p);
    }
}
