package org.retailrl.cli;

import java.io.PrintStream;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.concurrent.Callable;
import java.util.concurrent.ConcurrentHashMap;
import org.retailrl.algorithms.checkpoint.Algorithm;
import org.retailrl.algorithms.checkpoint.RunSpec;
import org.retailrl.algorithms.recommendation.ComparisonOptions;
import org.retailrl.algorithms.recommendation.CrnEvaluation;
import org.retailrl.algorithms.recommendation.LearnedPolicy;
import org.retailrl.algorithms.recommendation.MeanInterval;
import org.retailrl.algorithms.recommendation.RecommendationComparison;
import org.retailrl.algorithms.recommendation.Spread;
import org.retailrl.algorithms.rl.Presets;
import org.retailrl.cli.CompareCommand.Contender;
import org.retailrl.cli.report.DensityChart;
import org.retailrl.cli.report.HtmlReport;
import org.retailrl.core.io.AtomicFiles;

/**
 * {@code compare --scenario recommendation-... --ablation exposure|timescales}: the ablations of
 * the docs/model.md §3 learners (§3.7 exposure actions, §8.9 timescales). Every variant is trained
 * through the experiment layer on the comparison's training seeds of its learner
 * ({@link RecommendationComparison#trainingSeed}) and scored on the comparison's evaluation
 * episodes, so the default MTMA and Joint IM-RS rows reproduce {@code compare}'s. Seeds are the
 * replicates: per variant the mean over seeds of the per-seed mean profit with its t-interval, and
 * the paired per-seed difference to the first variant (MTMA as the defaults state it).
 */
final class RecommendationAblation {
    /** The default MTMA: simplex exposure, decaying two-timescale steps, recommendation fast. */
    private static final Contender MTMA = new Contender("MTMA", "mtma", Algorithm.MTMA, Presets.MTMA);
    /** Joint IM-RS on the simplex, the reference of both ablations. */
    private static final Contender JOINT = new Contender("Joint IM-RS", "joint-im-rs", Algorithm.JOINT_IM_RS,
            Presets.MTMA_SINGLE);

    /** Which agent is fast, and a vanishing against a constant step ratio. */
    static final List<Contender> TIMESCALES = List.of(MTMA,
            new Contender("MTMA constant steps", "mtma-constant", Algorithm.MTMA, Presets.MTMA_CONSTANT),
            new Contender("MTMA replenishment fast", "mtma-replenishment-fast", Algorithm.MTMA,
                    Presets.MTMA_REPLENISHMENT_FAST),
            JOINT);

    /** The paper's simplex exposure against the discrete segment choices ({@code DecisionSpace.segments}). */
    static final List<Contender> EXPOSURE = List.of(MTMA,
            new Contender("MTMA discrete", "mtma-discrete", Algorithm.MTMA_DISCRETE, Presets.MTMA),
            new Contender("MTMA discrete, constant steps", "mtma-discrete-constant", Algorithm.MTMA_DISCRETE,
                    Presets.MTMA_CONSTANT),
            JOINT,
            new Contender("Joint IM-RS discrete", "joint-im-rs-discrete", Algorithm.JOINT_IM_RS_DISCRETE,
                    Presets.MTMA_SINGLE));

    private RecommendationAblation() {
    }

    /** The variants of {@code --ablation name}. */
    static List<Contender> variants(String name) {
        return switch (name) {
            case "timescales" -> TIMESCALES;
            case "exposure" -> EXPOSURE;
            default -> throw new UsageException("--ablation must be 'exposure' or 'timescales' for a recommendation"
                    + " scenario, got '" + name + "'");
        };
    }

    /**
     * The outcome: {@code rewards[v][g]} the evaluation episode profits of variant {@code v}
     * trained on seed {@code g}.
     */
    record Result(List<Contender> variants, double[][][] rewards) {
        double[] seedMeans(int v) {
            double[] m = new double[rewards[v].length];
            for (int g = 0; g < m.length; g++) {
                m[g] = MeanInterval.of(rewards[v][g]).mean();
            }
            return m;
        }

        double[] pooled(int v) {
            int n = 0;
            for (double[] r : rewards[v]) {
                n += r.length;
            }
            double[] out = new double[n];
            int at = 0;
            for (double[] r : rewards[v]) {
                System.arraycopy(r, 0, out, at, r.length);
                at += r.length;
            }
            return out;
        }
    }

    /** Trains and scores every variant of every seed ({@code configs} by variant key), files under {@code dir}. */
    static Result run(ComparisonOptions o, List<Contender> variants, Map<String, org.retailrl.algorithms.rl.LearnerConfig>
            configs, Path dir, PrintStream err) throws Exception {
        int rounds = o.rounds();
        int seeds = o.seeds();
        ProgressBar bar = new ProgressBar(err, (long) seeds * variants.size() * (rounds + 1), ProgressBar.isTerminal(err));
        Map<String, Double> latest = new ConcurrentHashMap<>();
        List<Callable<Object>> jobs = new ArrayList<>();
        for (Contender v : variants) {
            for (int g = 0; g < seeds; g++) {
                RunSpec run = new RunSpec(v.algorithm(), o.scenario(), o.copies(),
                        RecommendationComparison.trainingSeed(g, v.algorithm().learner()), rounds, configs.get(v.key()));
                String stem = v.key() + "-seed" + (g + 1);
                jobs.add(() -> {
                    Experiment.Trained t = Experiment.train(run, stem, new int[0], dir, RecommendationCompare.CHECKPOINT_EVERY,
                            "train " + variants.size() + " variants", bar, latest, null);
                    double[] r = CrnEvaluation.episodeRewards(o.scenario(), LearnedPolicy.of(stem, t.trainer()),
                            RecommendationComparison.EVAL_SEED, o.evalEpisodes());
                    bar.advance("evaluate", 1, Double.NaN);
                    return r;
                });
            }
        }
        List<Object> out = Experiment.runAll(jobs, o.threads());
        bar.finish();
        double[][][] rewards = new double[variants.size()][seeds][];
        for (int v = 0; v < variants.size(); v++) {
            for (int g = 0; g < seeds; g++) {
                rewards[v][g] = (double[]) out.get(v * seeds + g);
            }
        }
        return new Result(variants, rewards);
    }

    /** The table: seed means, mean over seeds ± 95 % CI, paired difference to the first variant, SD of episode profit. */
    static String text(ComparisonOptions o, Result r) {
        StringBuilder sb = new StringBuilder();
        sb.append(String.format(Locale.ROOT, "%s: %d seeds × %d training episodes per variant, %d evaluation episodes per"
                + " seed (common random numbers); episode profit (currency), seeds as replicates%n", o.scenarioName(),
                o.seeds(), (long) o.rounds() * o.copies() * o.mtma().episodesPerUpdate(), o.evalEpisodes()));
        sb.append(String.format(Locale.ROOT, "%-32s %-36s %-22s %-24s %s%n", "variant", "seed means", "over seeds ± 95% CI",
                "paired vs " + r.variants().get(0).name(), "sd"));
        for (String[] row : rows(r)) {
            sb.append(String.format(Locale.ROOT, "%-32s %-36s %-22s %-24s %s%n", (Object[]) row));
        }
        return sb.toString();
    }

    static String csv(Result r) {
        StringBuilder sb = new StringBuilder("variant,key,seed_means,mean,half_width_95,diff_vs_first,diff_half_width_95,"
                + "sd\n");
        double[] first = r.seedMeans(0);
        for (int v = 0; v < r.variants().size(); v++) {
            double[] m = r.seedMeans(v);
            MeanInterval over = MeanInterval.of(m);
            MeanInterval d = v == 0 ? null : MeanInterval.ofDifference(m, first);
            StringBuilder each = new StringBuilder();
            for (double x : m) {
                each.append(each.length() == 0 ? "" : ";").append(x);
            }
            sb.append('"').append(r.variants().get(v).name()).append("\",").append(r.variants().get(v).key()).append(',')
                    .append(each).append(',').append(over.mean()).append(',').append(over.halfWidth()).append(',')
                    .append(d == null ? "" : Double.toString(d.mean())).append(',')
                    .append(d == null ? "" : Double.toString(d.halfWidth())).append(',')
                    .append(Spread.sd(r.pooled(v))).append('\n');
        }
        return sb.toString();
    }

    private static List<String[]> rows(Result r) {
        List<String[]> rows = new ArrayList<>();
        double[] first = r.seedMeans(0);
        for (int v = 0; v < r.variants().size(); v++) {
            double[] m = r.seedMeans(v);
            StringBuilder each = new StringBuilder();
            for (double x : m) {
                each.append(each.length() == 0 ? "" : " ").append(String.format(Locale.ROOT, "%.1f", x));
            }
            rows.add(new String[] {r.variants().get(v).name(), each.toString(), pm(MeanInterval.of(m)),
                v == 0 ? "—" : signed(MeanInterval.ofDifference(m, first)),
                String.format(Locale.ROOT, "%.1f", Spread.sd(r.pooled(v)))});
        }
        return rows;
    }

    /** Writes ablation.txt, ablation.csv, density.svg and report.html into {@code dir}. */
    static void write(ComparisonOptions o, String ablation, Result r, Path dir, double seconds) throws java.io.IOException {
        AtomicFiles.writeString(dir.resolve("ablation.txt"), text(o, r));
        AtomicFiles.writeString(dir.resolve("ablation.csv"), csv(r));
        List<DensityChart.Sample> samples = new ArrayList<>();
        for (int v = 0; v < r.variants().size(); v++) {
            samples.add(new DensityChart.Sample(r.variants().get(v).name(), r.pooled(v)));
        }
        String svg = DensityChart.of("Episode profit, " + o.scenarioName() + ", " + ablation + " ablation",
                "episode profit (currency)", samples).svg();
        AtomicFiles.writeString(dir.resolve("density.svg"), svg);
        HtmlReport h = new HtmlReport("Inventory with recommendation: " + ablation + " ablation, " + o.scenarioName());
        h.metadata("training seeds", Integer.toString(o.seeds()))
                .metadata("training episodes per variant and seed",
                        Long.toString((long) o.rounds() * o.copies() * o.mtma().episodesPerUpdate()))
                .metadata("evaluation episodes per seed", Integer.toString(o.evalEpisodes()))
                .metadata("wall time", String.format(Locale.ROOT, "%.1f s", seconds));
        h.paragraph("docs/model.md §3.7 and §8.9. Seeds as replicates: the mean over training seeds of each seed's mean "
                + "episode profit with its 95 % Student-t interval, and the paired per-seed difference to the first "
                + "variant; SD over all (seed, episode) profits.");
        List<List<String>> rows = new ArrayList<>();
        for (String[] row : rows(r)) {
            rows.add(List.of(row));
        }
        h.table("Episode profit (currency) by variant", List.of("variant", "seed means", "over seeds ± 95 % CI",
                "paired vs " + r.variants().get(0).name(), "SD"), rows);
        h.figure(svg, "Kernel-density estimates of the evaluation episode profits of every variant (all seeds pooled).");
        h.write(dir.resolve("report.html"));
    }

    private static String signed(MeanInterval m) {
        return String.format(Locale.ROOT, "%+.1f ± %.1f", m.mean(), m.halfWidth());
    }

    private static String pm(MeanInterval m) {
        return String.format(Locale.ROOT, "%.1f ± %.1f", m.mean(), m.halfWidth());
    }
}
