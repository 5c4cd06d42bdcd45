package org.retailrl.algorithms.inventory;

import org.retailrl.algorithms.rl.FactorLayout;
import org.retailrl.envs.inventory.SerialBatch;
import org.retailrl.envs.inventory.SerialScenario;

/**
 * The serial supply chain of docs/model.md §7 ({@link SerialBatch}) as an environment of the learner
 * core: one agent placing every stage's order, one factor per stage (stage 0 first).
 *
 * <p><b>Action</b>: stage {@code j}'s choice is a target echelon position {@code k ∈ 0..cap_j}; it
 * orders {@code min(Q, (k − echelon position_j)^+)}, all positions read before any order of the
 * period (as {@link ClarkScarf#simulate}). {@code cap_j} is the {@code 1 − 10^-6} quantile of the
 * demand over {@code L_0 + … + L_j + 1} periods, well above any sensible echelon level. As for lost
 * sales ({@link LostSalesAgentEnv}), a state-blind choice is then a base-stock policy instead of a
 * constant order whose backlog drifts without bound; here echelon base-stock is even optimal
 * (Clark–Scarf), so the learner has to find the right targets, and any state dependence it keeps
 * is a cost.
 *
 * <p><b>Observation</b>: stage 0's net inventory and the upstream stages' stock on hand, what each
 * upstream stage owes, the shipments in transit, and their sum (the system's stock net of backlog),
 * in units of the mean demand over the longest lead time plus one period (see
 * {@link InventoryAgentEnv}).
 */
public final class SerialAgentEnv extends InventoryAgentEnv {
    private final SerialBatch batch;
    private final FactorLayout layout;

    /** {@code copies} copies of {@code scenario}, episodes of the scenario's horizon. */
    public SerialAgentEnv(SerialScenario scenario, int copies) {
        this(new SerialBatch(scenario, copies));
    }

    private SerialAgentEnv(SerialBatch batch) {
        super(batch, unit(batch.scenario()));
        this.batch = batch;
        int[] caps = targetCaps(batch.scenario());
        int[] sizes = new int[caps.length];
        for (int j = 0; j < caps.length; j++) {
            sizes[j] = caps[j] + 1;
        }
        this.layout = new FactorLayout(sizes);
    }

    /** The highest target echelon position of every stage (see the class description). */
    public static int[] targetCaps(SerialScenario s) {
        int[] caps = new int[s.stages()];
        int periods = 1;
        for (int j = 0; j < caps.length; j++) {
            periods += s.leadTimes()[j];
            double[] law = s.demand().convolutionPower(periods);
            double below = 0;
            int k = 0;
            while (k < law.length - 1 && (below += law[k]) < 1 - 1e-6) {
                k++;
            }
            caps[j] = Math.max(k, 1);
        }
        return caps;
    }

    private static double unit(SerialScenario s) {
        int longest = 0;
        for (int l : s.leadTimes()) {
            longest = Math.max(longest, l);
        }
        return Math.max(1e-9, s.demand().mean() * (longest + 1));
    }

    @Override
    public SerialBatch batch() {
        return batch;
    }

    @Override
    public FactorLayout layout() {
        return layout;
    }

    /** Every stage of copy {@code i} orders up to its target echelon position, cut to {@code Q}. */
    @Override
    public void decode(int[] choices, int[] actions) {
        int n = batch.scenario().stages();
        int q = batch.scenario().maxOrder();
        for (int i = 0; i < batch.copies(); i++) {
            for (int j = 0; j < n; j++) {
                actions[i * n + j] = Math.min(q, Math.max(0, choices[i * n + j] - batch.echelonPosition(i, j)));
            }
        }
    }
}
