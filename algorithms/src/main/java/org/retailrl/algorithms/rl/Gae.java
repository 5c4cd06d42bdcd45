package org.retailrl.algorithms.rl;

/**
 * Generalised advantage estimation GAE(λ) (Schulman et al. 2016; CleanRL {@code ppo.py}, docs/model.md
 * §8 PPO) over a rollout of {@code S} steps of {@code N} copies, arrays step-major
 * ({@code index = t·N + n}):
 * <pre>
 *   δ_t = r_t + γ · (1 − end_t) · V_{t+1} − V_t
 *   A_t = δ_t + γλ · (1 − end_t) · A_{t+1},      R_t = A_t + V_t
 * </pre>
 * where {@code end_t = 1} when step {@code t} was the last of its episode (no bootstrap across an
 * episode boundary) and {@code V_S} is the bootstrap value after the rollout. Computed in double,
 * stored in float. Units: those of the rewards.
 */
public final class Gae {
    private Gae() {
    }

    /**
     * Writes advantages and returns.
     *
     * @param rewards    {@code r_t} [S·N]
     * @param values     {@code V_t} [S·N]
     * @param ends       1 where the step ended an episode [S·N]
     * @param lastValues {@code V_S} per copy [N]
     * @param gamma      discount, in [0, 1]
     * @param lambda     GAE λ, in [0, 1]
     * @param advOut     advantages [S·N]
     * @param retOut     returns [S·N]
     */
    public static void compute(float[] rewards, float[] values, float[] ends, float[] lastValues, double gamma,
                               double lambda, float[] advOut, float[] retOut) {
        if (!(gamma >= 0 && gamma <= 1)) {
            throw new IllegalArgumentException("gamma must be in [0, 1], got " + gamma);
        }
        if (!(lambda >= 0 && lambda <= 1)) {
            throw new IllegalArgumentException("lambda must be in [0, 1], got " + lambda);
        }
        int n = lastValues.length;
        int total = rewards.length;
        if (n < 1 || total % n != 0 || values.length != total || ends.length != total
                || advOut.length != total || retOut.length != total) {
            throw new IllegalArgumentException("rewards, values, ends, advOut and retOut must all have length S·N with N = lastValues.length = "
                    + n + "; got " + rewards.length + ", " + values.length + ", " + ends.length + ", " + advOut.length + ", " + retOut.length);
        }
        int steps = total / n;
        for (int c = 0; c < n; c++) {
            double next = lastValues[c];
            double gae = 0;
            for (int t = steps - 1; t >= 0; t--) {
                int i = t * n + c;
                double live = ends[i] != 0 ? 0 : 1;
                double delta = rewards[i] + gamma * live * next - values[i];
                gae = delta + gamma * lambda * live * gae;
                advOut[i] = (float) gae;
                retOut[i] = (float) (gae + values[i]);
                next = values[i];
            }
        }
    }
}
