package org.retailrl.algorithms.inventory;

import java.util.Arrays;
import org.retailrl.algorithms.eval.PairedComparison;
import org.retailrl.algorithms.deploy.RecurrentInference;
import org.retailrl.algorithms.eval.Summary;
import org.retailrl.algorithms.rl.FactorLayout;
import org.retailrl.nn.RecurrentNet;
import org.retailrl.core.random.Rng;
import org.retailrl.envs.inventory.LostSalesBatch;
import org.retailrl.envs.inventory.LostSalesScenario;

/**
 * Long-run average cost of learned and classic policies of docs/model.md §7 by simulation with
 * common random numbers: every copy {@code i} of an evaluation runs on {@code Rng.stream(seed, i)},
 * plays {@code burnIn} discarded periods and then {@code periods} measured ones, and each copy's
 * average is returned in copy order, so two policies evaluated with the same seed, copies and
 * periods see the same demands and can be compared copy by copy
 * ({@link org.retailrl.algorithms.eval.PairedComparison}).
 *
 * <p>A learned policy acts greedily (the most likely choice of every factor). Its recurrent
 * memory is zeroed every {@code T} periods ({@code T} = the environment's episode length), as at
 * the start of every training episode, while the inventory state runs on: the actor is only ever
 * asked about memories of the age it was trained with.
 */
public final class InventoryEvaluation {
    /** Mixed into the seed of the sampled policy's streams, so they differ from the demand streams. */
    private static final long SAMPLING = 0x5A4D_504C_494E_4721L;

    /** Copies of a learned policy's evaluation (each on its own demand stream). */
    public static final int COPIES = 100;
    /** Periods discarded at the start of every copy (the start state is empty). */
    public static final int BURN_IN = 500;
    /** Periods averaged per copy. */
    public static final int PERIODS = 2000;

    private InventoryEvaluation() {
    }

    /**
     * Scores {@code actor}, trained on lost-sales {@code s} for {@code rounds} rounds of
     * {@code copies} copies in {@code trainSeconds}, greedily and sampled, against the optimal
     * policy {@code optimal} on the same {@link #COPIES} × ({@link #BURN_IN} + {@link #PERIODS})
     * demands of {@code seed}.
     */
    public static LearnedResult scoreLostSales(LostSalesScenario s, LostSalesPolicy optimal, RecurrentNet actor,
            String name, int rounds, int copies, double trainSeconds, long seed) {
        double[] opt = lostSales(s, optimal, COPIES, BURN_IN, PERIODS, seed);
        double[] greedy = learned(new LostSalesAgentEnv(s, COPIES), actor, BURN_IN, PERIODS, seed, false);
        double[] sampled = learned(new LostSalesAgentEnv(s, COPIES), actor, BURN_IN, PERIODS, seed, true);
        return new LearnedResult(name, rounds, copies, s.horizon(), trainSeconds, Summary.of(opt, 0.95),
                Summary.of(greedy, 0.95), PairedComparison.of(name, greedy, "optimal", opt, 0.95),
                Summary.of(sampled, 0.95), PairedComparison.of(name + " (sampled)", sampled, "optimal", opt, 0.95));
    }

    /** Per-copy average cost per period of {@code policy} on {@code s} (orders above {@code Q} cut to it). */
    public static double[] lostSales(LostSalesScenario s, LostSalesPolicy policy, int copies, int burnIn, int periods,
            long seed) {
        LostSalesBatch batch = new LostSalesBatch(s, copies);
        batch.reset(seed, 0);
        int[] state = new int[batch.observationSize()];
        return BatchAverage.perCopy(batch, (b, orders) -> {
            for (int i = 0; i < copies; i++) {
                batch.state(i, state);
                orders[i] = Math.min(s.maxOrder(), policy.order(state));
            }
        }, burnIn, periods);
    }

    /**
     * Per-copy average cost per period of the greedy policy of {@code actor} (trained on an
     * environment like {@code env}) over {@code env.copies()} copies.
     */
    public static double[] learned(InventoryAgentEnv env, RecurrentNet actor, int burnIn, int periods, long seed) {
        return learned(env, actor, burnIn, periods, seed, false);
    }

    /**
     * As {@link #learned(InventoryAgentEnv, RecurrentNet, int, int, long)}; with {@code sampled} the
     * policy draws its choices as in training, copy {@code i} from {@code Rng.stream(seed ^ SAMPLING, i)}
     * (a stream family apart from the demands'), instead of taking the most likely ones.
     */
    public static double[] learned(InventoryAgentEnv env, RecurrentNet actor, int burnIn, int periods, long seed,
            boolean sampled) {
        RecurrentNet.Config c = actor.config();
        FactorLayout layout = env.actionLayout(0);
        if (c.inputs() != env.observationSize() || c.outputs() != layout.width()) {
            throw new IllegalArgumentException("actor must map " + env.observationSize() + " inputs to "
                    + layout.width() + " logits, has " + c.inputs() + " → " + c.outputs());
        }
        int n = env.copies();
        int f = layout.factors();
        int memory = env.horizon();
        float[] obs = new float[n * env.observationSize()];
        float[] hidden = new float[c.hiddenSize() * n];
        float[] mask = new float[n];
        int[] choices = new int[n * f];
        float[] factor = new float[layout.width()];
        int[] period = {0};
        Rng[] draws = new Rng[n];
        for (int i = 0; i < n; i++) {
            draws[i] = Rng.stream(seed ^ SAMPLING, i);
        }
        RecurrentNet.StepWorkspace ws = new RecurrentNet.StepWorkspace();
        float[] logits = new float[n * c.outputs()];
        env.batch().reset(seed, 0);
        return BatchAverage.perCopy(env.batch(), (b, actions) -> {
            env.encode(obs);
            Arrays.fill(mask, period[0]++ % memory == 0 ? 1f : 0f);
            actor.step(obs, mask, n, hidden, logits, ws, 0);
            for (int i = 0; i < n; i++) {
                if (sampled) {
                    layout.sample(logits, i, draws[i], choices, i * f);
                    continue;
                }
                for (int k = 0; k < f; k++) {
                    System.arraycopy(logits, i * layout.width() + layout.offset(k), factor, 0, layout.size(k));
                    choices[i * f + k] = RecurrentInference.argmax(factor, layout.size(k));
                }
            }
            env.decode(choices, actions);
        }, burnIn, periods);
    }
}
