package org.retailrl.cli;

import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import org.retailrl.algorithms.eval.EvaluationReport;
import org.retailrl.algorithms.eval.PairedComparison;
import org.retailrl.algorithms.eval.PolicyEvaluator;
import org.retailrl.algorithms.eval.PolicyScore;
import org.retailrl.algorithms.eval.Summary;
import org.retailrl.algorithms.pricing.BatchPricingPolicy;
import org.retailrl.algorithms.pricing.LearnedPricingPolicy;
import org.retailrl.envs.pricing.PricingScenario;
import org.retailrl.nn.RecurrentNet;

/**
 * Sample efficiency of the learners of {@code compare --efficiency} (docs/model.md §8.11): each
 * learner's actors kept after given numbers of training episodes, scored greedy on the comparison's
 * own evaluation episodes (the last checkpoint, the budget, is the comparison's own score of the
 * trained actors) (so every heuristic's mean is a fixed reference on the same episodes),
 * with the mean over training seeds and its 95% t-interval, and for every learner and baseline the
 * first checkpoint at which the learner's mean over seeds is above the baseline's and the first
 * at which the paired per-seed difference is significantly positive (its 95% t-interval above 0).
 *
 * @param learners  learner names, in column order
 * @param episodes  the checkpoints (training episodes), ascending
 * @param seedMeans {@code seedMeans[l][k]}: learner {@code l}'s per-seed mean profit at checkpoint {@code k}
 * @param baselines every non-learned policy of the comparison (heuristics, DP)
 */
record EfficiencyTable(List<String> learners, int[] episodes, double[][][] seedMeans, List<PolicyScore> baselines) {
    /**
     * Scores the snapshots of {@code perSeed} (taken at {@code episodes} except the last, the training
     * budget, whose scores are {@code report}'s) on the evaluation of {@code report}, on {@code threads} threads.
     */
    static EfficiencyTable evaluate(String label, PricingScenario scenario, List<CompareCommand.Contender> contenders,
                                    List<CompareCommand.SeedResult> perSeed, int[] episodes, EvaluationReport report,
                                    int evalEpisodes, long evalSeed, int threads) throws Exception {
        List<PolicyEvaluator.Candidate> candidates = new ArrayList<>();
        List<String> names = new ArrayList<>();
        int snapshots = episodes.length - 1;
        for (int c = 0; c < contenders.size(); c++) {
            names.add(contenders.get(c).name());
            for (int k = 0; k < snapshots; k++) {
                String name = contenders.get(c).name() + "@" + episodes[k];
                List<BatchPricingPolicy> ps = new ArrayList<>();
                for (CompareCommand.SeedResult r : perSeed) {
                    List<List<RecurrentNet>> snaps = r.learned().get(c).snapshots();
                    if (k >= snaps.size()) {
                        throw new IllegalStateException(name + ": no snapshot after " + episodes[k] + " episodes");
                    }
                    ps.add(new LearnedPricingPolicy(name, snaps.get(k), true, 0));
                }
                candidates.add(new PolicyEvaluator.Candidate(name, ps));
            }
        }
        List<PolicyScore> scores = candidates.isEmpty() ? List.of()
                : Experiment.evaluate(label, scenario, candidates, evalEpisodes, evalSeed, Double.NaN, threads).scores();
        double[][][] means = new double[contenders.size()][episodes.length][];
        List<PolicyScore> base = new ArrayList<>();
        for (PolicyScore s : report.scores()) {
            int c = names.indexOf(s.name());
            if (c >= 0) {
                means[c][snapshots] = s.seedMeans();
            } else if (!isLearned(s.name(), names)) {
                base.add(s);
            }
        }
        for (int c = 0; c < contenders.size(); c++) {
            for (int k = 0; k < snapshots; k++) {
                means[c][k] = scores.get(c * snapshots + k).seedMeans();
            }
        }
        return new EfficiencyTable(List.copyOf(names), episodes.clone(), means, List.copyOf(base));
    }

    /** Whether {@code name} is a learned row (a learner, greedy or sampled). */
    private static boolean isLearned(String name, List<String> learners) {
        for (String l : learners) {
            if (name.equals(l) || name.equals(l + CompareCommand.SAMPLED)) {
                return true;
            }
        }
        return false;
    }

    /** Learner {@code l}'s summary over seeds at checkpoint {@code k}. */
    Summary at(int l, int k) {
        return Summary.of(seedMeans[l][k], PolicyEvaluator.LEVEL);
    }

    /** The first checkpoint at which learner {@code l}'s mean over seeds is above {@code b}'s mean, or -1. */
    int firstAhead(int l, PolicyScore b) {
        for (int k = 0; k < episodes.length; k++) {
            if (at(l, k).mean() > b.summary().mean()) {
                return episodes[k];
            }
        }
        return -1;
    }

    /**
     * The first checkpoint at which learner {@code l}'s paired per-seed differences against {@code b}
     * have a 95% t-interval above 0, or -1 (also when {@code b} has not one value per seed, as the
     * single DP policy).
     */
    int firstSignificantlyAhead(int l, PolicyScore b) {
        if (b.seedMeans().length != seedMeans[l][0].length || seedMeans[l][0].length < 2) {
            return -1;
        }
        for (int k = 0; k < episodes.length; k++) {
            PairedComparison c = PairedComparison.of(learners.get(l), seedMeans[l][k], b.name(), b.seedMeans(),
                    PolicyEvaluator.LEVEL);
            if (c.difference().lower() > 0) {
                return episodes[k];
            }
        }
        return -1;
    }

    private static String f(double x) {
        return String.format(Locale.ROOT, "%.2f", x);
    }

    private static String interval(Summary s) {
        return s.n() < 2 ? f(s.mean()) : f(s.mean()) + " ± " + f(s.halfWidth());
    }

    /** Rows of the profit-by-checkpoint table: episodes, then each learner's mean ± interval over seeds. */
    List<List<String>> profitRows() {
        List<List<String>> rows = new ArrayList<>();
        List<String> head = new ArrayList<>(List.of("training episodes"));
        head.addAll(learners);
        rows.add(head);
        for (int k = 0; k < episodes.length; k++) {
            List<String> r = new ArrayList<>(List.of(Integer.toString(episodes[k])));
            for (int l = 0; l < learners.size(); l++) {
                r.add(interval(at(l, k)));
            }
            rows.add(r);
        }
        return rows;
    }

    /** Rows of the first-ahead table: baseline and its mean, then per learner "ahead / significantly ahead". */
    List<List<String>> aheadRows() {
        List<List<String>> rows = new ArrayList<>();
        List<String> head = new ArrayList<>(List.of("baseline", "mean profit"));
        for (String l : learners) {
            head.add(l + " ahead / significant");
        }
        rows.add(head);
        for (PolicyScore b : baselines) {
            List<String> r = new ArrayList<>(List.of(b.name(), f(b.summary().mean())));
            for (int l = 0; l < learners.size(); l++) {
                r.add(episodesText(firstAhead(l, b)) + " / " + episodesText(firstSignificantlyAhead(l, b)));
            }
            rows.add(r);
        }
        return rows;
    }

    private static String episodesText(int e) {
        return e < 0 ? "never" : Integer.toString(e);
    }

    /** Both tables as aligned text with their legends. */
    String text() {
        int n = seedMeans[0][0].length;
        return String.format(Locale.ROOT, "sample efficiency: greedy profit after each number of training episodes, "
                + "mean over %d seeds ± 95%% t-interval across seeds%n", n)
                + CompareTable.align(profitRows())
                + String.format(Locale.ROOT, "%nfirst checkpoint at which the learner is ahead of each baseline: by its mean "
                + "over seeds / with the paired per-seed difference's 95%% t-interval above 0 ('never': not within "
                + "the budget; DP has one policy, so no paired test)%n")
                + CompareTable.align(aheadRows());
    }

    /** CSV: one row per learner and checkpoint (kind {@code profit}), then per learner and baseline (kind {@code ahead}). */
    String csv() {
        StringBuilder sb = new StringBuilder("kind,learner,episodes,baseline,seeds,mean,ci_low,ci_high,"
                + "first_ahead_episodes,first_significant_episodes\n");
        for (int l = 0; l < learners.size(); l++) {
            for (int k = 0; k < episodes.length; k++) {
                Summary s = at(l, k);
                sb.append(String.format(Locale.ROOT, "profit,%s,%d,,%d,%s,%s,%s,,%n", EvaluationReport.csv(learners.get(l)),
                        episodes[k], s.n(), num(s.mean()), num(s.n() < 2 ? Double.NaN : s.lower()),
                        num(s.n() < 2 ? Double.NaN : s.upper())));
            }
        }
        for (int l = 0; l < learners.size(); l++) {
            for (PolicyScore b : baselines) {
                sb.append(String.format(Locale.ROOT, "ahead,%s,,%s,,%s,,,%s,%s%n", EvaluationReport.csv(learners.get(l)),
                        EvaluationReport.csv(b.name()), num(b.summary().mean()), blankIfNever(firstAhead(l, b)),
                        blankIfNever(firstSignificantlyAhead(l, b))));
            }
        }
        return sb.toString();
    }

    private static String blankIfNever(int e) {
        return e < 0 ? "" : Integer.toString(e);
    }

    private static String num(double x) {
        return Double.isNaN(x) ? "" : Double.toString(x);
    }
}
