package org.retailrl.algorithms.eval;

import java.util.ArrayList;
import java.util.List;
import org.retailrl.algorithms.pricing.BatchPricingPolicy;
import org.retailrl.envs.pricing.PricingScenario;

/**
 * The evaluation protocol of docs/model.md §8. Every policy is given as one instance per training (or
 * fitting) seed. Every instance plays the same {@code episodes} evaluation episodes: episode
 * {@code e} runs on the simulator stream {@code Rng.stream(evalSeed, e)} for every policy and seed
 * (common random numbers). A policy's episode score is its profit on that episode averaged over its
 * seeds; means, 95% t-intervals, paired differences and gaps are computed over the episodes, so
 * they are conditional on the seeds drawn (the spread of the per-seed means is reported beside).
 */
public final class PolicyEvaluator {
    /** Confidence level of every interval the protocol reports. */
    public static final double LEVEL = 0.95;

    /** A policy to score: its name and one instance per seed. */
    public record Candidate(String name, List<? extends BatchPricingPolicy> perSeed) {
        /** Validates that there is at least one instance. */
        public Candidate {
            if (name == null || name.isBlank()) {
                throw new IllegalArgumentException("candidate name must be non-blank");
            }
            if (perSeed == null || perSeed.isEmpty()) {
                throw new IllegalArgumentException("candidate '" + name + "' needs at least one seed's policy");
            }
            perSeed = List.copyOf(perSeed);
        }
    }

    private PolicyEvaluator() {
    }

    /**
     * Scores {@code candidates} on {@code scenario}; {@code optimum} is the DP optimum of the
     * episode's expected profit, or NaN when none is known.
     */
    public static EvaluationReport evaluate(String label, PricingScenario scenario, List<Candidate> candidates,
            int episodes, long evalSeed, double optimum) {
        checkRequest(candidates, episodes);
        List<String> names = new ArrayList<>();
        List<double[][]> profits = new ArrayList<>();
        for (Candidate c : candidates) {
            double[][] perSeed = new double[c.perSeed().size()][];
            for (int s = 0; s < perSeed.length; s++) {
                perSeed[s] = Rollout.profits(scenario, c.perSeed().get(s), evalSeed, episodes);
            }
            names.add(c.name());
            profits.add(perSeed);
        }
        return fromProfits(label, names, profits, evalSeed, optimum);
    }

    /**
     * The checks {@link #evaluate} makes before any policy plays, for callers that play the
     * candidates themselves and report with {@link #fromProfits}: at least two episodes (for an
     * interval) and at least one candidate.
     */
    public static void checkRequest(List<Candidate> candidates, int episodes) {
        if (episodes < 2) {
            throw new IllegalArgumentException("episodes must be >= 2 for an interval, got " + episodes);
        }
        if (candidates.isEmpty()) {
            throw new IllegalArgumentException("candidates must not be empty");
        }
    }

    /**
     * The report of policies already played: {@code profits.get(k)[s][e]} is policy
     * {@code names.get(k)}'s profit with seed {@code s} on evaluation episode {@code e} (the same
     * episodes, common random numbers, for every policy and seed). Used by every problem whose
     * simulator is not the pricing one (docs/model.md §4).
     */
    public static EvaluationReport fromProfits(String label, List<String> names, List<double[][]> profits,
                                               long evalSeed, double optimum) {
        if (names.isEmpty() || names.size() != profits.size()) {
            throw new IllegalArgumentException("names and profits must be non-empty and of the same length");
        }
        int episodes = profits.get(0)[0].length;
        if (episodes < 2) {
            throw new IllegalArgumentException("episodes must be >= 2 for an interval, got " + episodes);
        }
        List<PolicyScore> scores = new ArrayList<>();
        for (int k = 0; k < names.size(); k++) {
            double[][] perSeed = profits.get(k);
            int seeds = perSeed.length;
            double[] perEpisode = new double[episodes];
            double[] seedMeans = new double[seeds];
            for (int s = 0; s < seeds; s++) {
                double[] x = perSeed[s];
                if (x.length != episodes) {
                    throw new IllegalArgumentException("policy '" + names.get(k) + "' seed " + s + " has " + x.length
                            + " episodes, expected " + episodes);
                }
                double m = 0;
                for (int e = 0; e < episodes; e++) {
                    perEpisode[e] += x[e] / seeds;
                    m += x[e];
                }
                seedMeans[s] = m / episodes;
            }
            Summary sum = Summary.of(perEpisode, LEVEL);
            double gap = Double.NaN;
            double gapHw = Double.NaN;
            if (!Double.isNaN(optimum) && optimum != 0) {
                gap = 100 * (optimum - sum.mean()) / Math.abs(optimum);
                gapHw = 100 * sum.halfWidth() / Math.abs(optimum);
            }
            scores.add(new PolicyScore(names.get(k), perEpisode, seedMeans, sum, gap, gapHw));
        }
        List<PairedComparison> pairs = new ArrayList<>();
        for (int i = 0; i < scores.size(); i++) {
            for (int j = i + 1; j < scores.size(); j++) {
                pairs.add(PairedComparison.of(scores.get(i).name(), scores.get(i).episodeScores(),
                        scores.get(j).name(), scores.get(j).episodeScores(), LEVEL));
            }
        }
        return new EvaluationReport(label, episodes, evalSeed, optimum, List.copyOf(scores), List.copyOf(pairs));
    }
}
