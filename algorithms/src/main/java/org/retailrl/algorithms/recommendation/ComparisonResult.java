package org.retailrl.algorithms.recommendation;

import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import org.retailrl.algorithms.recommendation.MeanInterval;

/**
 * Everything a {@link RecommendationComparison} measured (docs/model.md §3 with the §8 protocol):
 * every policy's common-random-number episode profits, the paired differences of the
 * coordinated learners against every other policy, the concentration of the learned policies'
 * rewards, each learner's learning curves, and the verdict on the three claims of Jiang et al. §VI.B
 * and Jiang, Han, Peng and Zhang — each at 95 % confidence. Profits are currency per episode.
 *
 * @param options        the settings of the run
 * @param policies       learned policies first (the {@link Learner}s in order, then Naive IM-RS), then heuristics
 * @param curves         per learner (in {@link Learner} order) {@code [seed][round]} mean training-episode profit
 * @param episodesPerRound training episodes per round (the x unit of the curves)
 * @param differences    paired differences of MTMA and Joint IM-RS against every other policy
 * @param concentration  MTMA's spread against every other learned policy
 * @param claims         the verdicts
 */
public record ComparisonResult(ComparisonOptions options, List<PolicyOutcome> policies, List<double[][]> curves,
                               int episodesPerRound, List<Difference> differences, List<Concentration> concentration,
                               Claims claims) {
    /** Names of the policies that train. */
    public static final String MTMA = Learner.MTMA.label();
    /** Joint IM-RS. */
    public static final String JOINT = Learner.JOINT.label();
    /** IM-Only. */
    public static final String IM_ONLY = Learner.IM_ONLY.label();
    /** RS-Only. */
    public static final String RS_ONLY = Learner.RS_ONLY.label();
    /** RS-Only with base-stock orders. */
    public static final String RS_ONLY_BASE_STOCK = Learner.RS_ONLY_BASE_STOCK.label();
    /** Naive IM-RS. */
    public static final String NAIVE = "Naive IM-RS";

    /**
     * A paired difference {@code policy − baseline} on common random numbers.
     *
     * @param policy   the minuend
     * @param baseline the subtrahend
     * @param diff     mean difference and its 95 % interval
     */
    public record Difference(String policy, String baseline, MeanInterval diff) {
    }

    /**
     * The spread of {@code policy}'s pooled episode profits against {@code other}'s.
     *
     * @param policy   the policy examined
     * @param other    the one it is compared with
     * @param sd       sample standard deviations {@code {policy, other}}
     * @param iqr      interquartile ranges {@code {policy, other}}
     * @param sdRatio  {@code sd(policy)/sd(other)} with its paired-bootstrap 95 % interval
     * @param iqrRatio the same for the IQR
     */
    public record Concentration(String policy, String other, double[] sd, double[] iqr, Spread.Ratio sdRatio,
                                Spread.Ratio iqrRatio) {
    }

    /**
     * The claims and the evidence, one line per comparison.
     *
     * @param coordinatedAboveSiloed MTMA and Joint IM-RS each above IM-Only, both RS-Only and Naive IM-RS (paired CI
     *                               above 0)
     * @param naiveWorse             Naive IM-RS below both MTMA and Joint IM-RS (paired CI below 0)
     * @param mtmaConcentrated       MTMA's SD below every other learned policy's (bootstrap CI of the ratio below 1)
     * @param evidence               the comparisons behind the verdicts
     */
    public record Claims(boolean coordinatedAboveSiloed, boolean naiveWorse, boolean mtmaConcentrated,
                         List<String> evidence) {
    }

    /** The outcome named {@code name}. */
    public PolicyOutcome policy(String name) {
        for (PolicyOutcome p : policies) {
            if (p.name().equals(name)) {
                return p;
            }
        }
        throw new IllegalArgumentException("no policy named '" + name + "'");
    }

    /** The difference {@code policy − baseline}, which must have been computed. */
    public Difference difference(String policy, String baseline) {
        for (Difference d : differences) {
            if (d.policy().equals(policy) && d.baseline().equals(baseline)) {
                return d;
            }
        }
        throw new IllegalArgumentException("no difference " + policy + " − " + baseline);
    }

    /**
     * {@code policy − baseline} with the training seeds as replicates: the Student-t interval of the
     * per-seed differences of mean episode profit, paired by seed (a heuristic, which has one group,
     * is the same baseline for every seed).
     */
    public MeanInterval seedDifference(String policy, String baseline) {
        double[] a = policy(policy).groupMeans();
        double[] b = policy(baseline).groupMeans();
        if (b.length == 1 && a.length > 1) {
            b = java.util.Collections.nCopies(a.length, b[0]).stream().mapToDouble(Double::doubleValue).toArray();
        }
        return MeanInterval.ofDifference(a, b);
    }

    /** Computes the differences, concentrations and claims of {@code policies}. */
    static ComparisonResult of(ComparisonOptions options, List<PolicyOutcome> policies, List<double[][]> curves,
                               int episodesPerRound, int resamples, long bootstrapSeed) {
        List<Difference> diffs = new ArrayList<>();
        for (String c : List.of(MTMA, JOINT)) {
            PolicyOutcome pc = find(policies, c);
            for (PolicyOutcome b : policies) {
                if (!b.name().equals(c)) {
                    diffs.add(new Difference(c, b.name(), pc.minus(b)));
                }
            }
        }
        List<Concentration> conc = new ArrayList<>();
        PolicyOutcome m = find(policies, MTMA);
        int groups = m.rewards().length;
        for (PolicyOutcome b : policies) {
            if (!b.learned() || b.name().equals(MTMA)) {
                continue;
            }
            double[][] mr = m.rewards();
            double[][] br = b.asGroups(groups);
            conc.add(new Concentration(MTMA, b.name(), new double[] {Spread.sd(m.pooled()), Spread.sd(b.pooled())},
                    new double[] {Spread.iqr(m.pooled()), Spread.iqr(b.pooled())},
                    Spread.ratio(mr, br, false, resamples, bootstrapSeed),
                    Spread.ratio(mr, br, true, resamples, bootstrapSeed)));
        }
        ComparisonResult partial = new ComparisonResult(options, policies, curves, episodesPerRound, diffs, conc, null);
        return new ComparisonResult(options, policies, curves, episodesPerRound, diffs, conc, partial.judge());
    }

    private static PolicyOutcome find(List<PolicyOutcome> ps, String name) {
        for (PolicyOutcome p : ps) {
            if (p.name().equals(name)) {
                return p;
            }
        }
        throw new IllegalArgumentException("policies must include '" + name + "'");
    }

    private Claims judge() {
        List<String> ev = new ArrayList<>();
        boolean above = true;
        boolean naive = true;
        for (String c : List.of(MTMA, JOINT)) {
            for (String s : List.of(IM_ONLY, RS_ONLY, RS_ONLY_BASE_STOCK, NAIVE)) {
                MeanInterval d = difference(c, s).diff();
                boolean ok = d.low() > 0;
                above &= ok;
                if (s.equals(NAIVE)) {
                    naive &= ok;
                }
                ev.add(String.format(Locale.ROOT, "%s − %s = %.1f ± %.1f → %s", c, s, d.mean(), d.halfWidth(),
                        ok ? "higher (95 %)" : "not shown higher"));
            }
        }
        boolean conc = true;
        for (Concentration k : concentration) {
            boolean ok = k.sdRatio().high() < 1;
            conc &= ok;
            ev.add(String.format(Locale.ROOT, "sd(%s)/sd(%s) = %.3f [%.3f, %.3f] → %s", k.policy(), k.other(),
                    k.sdRatio().ratio(), k.sdRatio().low(), k.sdRatio().high(),
                    ok ? "more concentrated (95 %)" : "not shown more concentrated"));
        }
        return new Claims(above, naive, conc, List.copyOf(ev));
    }
}
