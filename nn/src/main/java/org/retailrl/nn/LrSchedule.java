package org.retailrl.nn;

/**
 * A learning-rate schedule over a run of {@code total} updates (docs/model.md §8 PPO), indexed by the
 * 0-based update number.
 */
public sealed interface LrSchedule {
    /** The learning rate for update {@code update} (0-based). */
    double at(int update);

    /** Always {@code lr}. */
    record Constant(double lr) implements LrSchedule {
        /** Validates {@code lr >= 0}. */
        public Constant {
            if (!(lr >= 0) || !Double.isFinite(lr)) {
                throw new IllegalArgumentException("lr must be finite and >= 0, got " + lr);
            }
        }

        @Override
        public double at(int update) {
            return lr;
        }
    }

    /**
     * CleanRL's {@code anneal_lr}: {@code lr · (1 − update/total)} for the 0-based update, so the
     * first update uses {@code lr} and the last {@code lr/total}.
     */
    record LinearAnneal(double lr, int total) implements LrSchedule {
        /** Validates {@code lr >= 0}, {@code total >= 1}. */
        public LinearAnneal {
            if (!(lr >= 0) || !Double.isFinite(lr)) {
                throw new IllegalArgumentException("lr must be finite and >= 0, got " + lr);
            }
            if (total < 1) {
                throw new IllegalArgumentException("total must be >= 1, got " + total);
            }
        }

        @Override
        public double at(int update) {
            if (update < 0 || update >= total) {
                throw new IllegalArgumentException("update must be in [0, " + total + "), got " + update);
            }
            return lr * (1.0 - (double) update / total);
        }
    }

    /**
     * Linear warm-up then cosine decay (the Decision Transformer of docs/model.md §6.3): update
     * {@code u < warmup} uses {@code lr·(u + 1)/warmup}; later updates
     * {@code minLr + (lr − minLr)·(1 + cos(π·(u − warmup)/(total − warmup − 1)))/2}, so the rate peaks at
     * {@code lr} when warm-up ends and reaches {@code minLr} after the last update.
     */
    record WarmupCosine(double lr, double minLr, int warmup, int total) implements LrSchedule {
        /** Validates {@code 0 <= minLr <= lr}, {@code 0 <= warmup < total}. */
        public WarmupCosine {
            if (!(lr >= 0) || !Double.isFinite(lr)) {
                throw new IllegalArgumentException("lr must be finite and >= 0, got " + lr);
            }
            if (!(minLr >= 0 && minLr <= lr)) {
                throw new IllegalArgumentException("minLr must be in [0, lr = " + lr + "], got " + minLr);
            }
            if (total < 1) {
                throw new IllegalArgumentException("total must be >= 1, got " + total);
            }
            if (warmup < 0 || warmup >= total) {
                throw new IllegalArgumentException("warmup must be in [0, total = " + total + "), got " + warmup);
            }
        }

        @Override
        public double at(int update) {
            if (update < 0 || update >= total) {
                throw new IllegalArgumentException("update must be in [0, " + total + "), got " + update);
            }
            if (update < warmup) {
                return lr * (update + 1) / warmup;
            }
            int span = total - warmup;
            double progress = span <= 1 ? 1.0 : (double) (update - warmup) / (span - 1);
            return minLr + (lr - minLr) * 0.5 * (1 + Math.cos(Math.PI * progress));
        }
    }
}
