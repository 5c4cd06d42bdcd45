package org.retailrl.nn;

import java.util.List;

/**
 * Adam with bias correction (Kingma &amp; Ba 2015; PyTorch's {@code torch.optim.Adam}, the
 * optimiser of docs/model.md §8 PPO):
 * <pre>
 *   m ← β1 m + (1 − β1) g,   v ← β2 v + (1 − β2) g²
 *   θ ← θ − lr · (m / (1 − β1ᵗ)) / (√(v / (1 − β2ᵗ)) + ε)
 * </pre>
 * The moments are kept in float like PyTorch; {@code 1 − β} and the bias corrections are computed
 * in double and rounded once, as PyTorch passes them to its float kernels. The update is evaluated
 * in the order of PyTorch's single-tensor CPU Adam with the fused multiply-adds its vectorised
 * kernels use, {@code m ← fma(1−β1, g, β1·m)}, {@code v ← fma((1−β2)·g, g, β2·v)},
 * {@code θ ← θ − (lr/bc1)·m / (√v / √bc2 + ε)}, so a step gives PyTorch's float32 result bit for bit
 * (checked against {@code torch.optim.Adam} fixtures, docs/torch-reference.md).
 * {@link #state()} / {@link #restore} save and restore the step count and both moments.
 */
public final class Adam implements Optimizer {
    private final List<Parameter> params;
    private final AdamConfig config;
    private double lr;
    private long step;
    private final float[][] m;
    private final float[][] v;

    /** Snapshot of the optimiser state: step count and both moment arrays per parameter. */
    public record State(long step, float[][] m, float[][] v) {
    }

    /** Adam over {@code params} with the given hyperparameters. */
    public Adam(List<Parameter> params, AdamConfig config) {
        this.params = List.copyOf(params);
        this.config = config;
        this.lr = config.lr();
        m = new float[this.params.size()][];
        v = new float[this.params.size()][];
        for (int i = 0; i < m.length; i++) {
            m[i] = new float[this.params.get(i).size()];
            v[i] = new float[this.params.get(i).size()];
        }
    }

    /** The hyperparameters it was built with. */
    public AdamConfig config() {
        return config;
    }

    /** Number of steps taken. */
    public long steps() {
        return step;
    }

    @Override
    public double learningRate() {
        return lr;
    }

    @Override
    public void setLearningRate(double lr) {
        if (!(lr >= 0) || !Double.isFinite(lr)) {
            throw new IllegalArgumentException("lr must be finite and >= 0, got " + lr);
        }
        this.lr = lr;
    }

    @Override
    public void step() {
        step++;
        float b1 = (float) config.beta1();
        float b2 = (float) config.beta2();
        // 1 − β in double, then rounded: 1f − (float) 0.999 would be 9.99987e-4, 1.3e-5 below the
        // 1e-3 that the bias correction 1 − β2ᵗ assumes, and every early step 6e-6 too large.
        float c1 = (float) (1 - config.beta1());
        float c2 = (float) (1 - config.beta2());
        double bc1 = 1 - Math.pow(config.beta1(), step);
        double bc2 = 1 - Math.pow(config.beta2(), step);
        // θ −= (lr/bc1) · m / (√v / √bc2 + ε), PyTorch's arrangement of the bias corrections;
        // a division by √bc2, not a product with its reciprocal, to round as PyTorch does.
        float stepSize = (float) (lr / bc1);
        float sqrtBc2 = (float) Math.sqrt(bc2);
        float eps = (float) config.eps();
        for (int p = 0; p < m.length; p++) {
            float[] w = params.get(p).value().data();
            float[] g = params.get(p).grad().data();
            float[] mp = m[p];
            float[] vp = v[p];
            for (int i = 0; i < w.length; i++) {
                float gi = g[i];
                float mi = Math.fma(c1, gi, b1 * mp[i]);
                float vi = Math.fma(c2 * gi, gi, b2 * vp[i]);
                mp[i] = mi;
                vp[i] = vi;
                w[i] -= stepSize * mi / ((float) Math.sqrt(vi) / sqrtBc2 + eps);
            }
        }
    }

    /** A deep copy of the state. */
    public State state() {
        float[][] mc = new float[m.length][];
        float[][] vc = new float[v.length][];
        for (int i = 0; i < m.length; i++) {
            mc[i] = m[i].clone();
            vc[i] = v[i].clone();
        }
        return new State(step, mc, vc);
    }

    /** Restores a state taken from an Adam over parameters of the same sizes. */
    public void restore(State s) {
        if (s.step() < 0) {
            throw new IllegalArgumentException("state.step must be >= 0, got " + s.step());
        }
        if (s.m().length != m.length || s.v().length != v.length) {
            throw new IllegalArgumentException("state has " + s.m().length + " parameters, optimiser has " + m.length);
        }
        for (int i = 0; i < m.length; i++) {
            if (s.m()[i].length != m[i].length || s.v()[i].length != v[i].length) {
                throw new IllegalArgumentException("state parameter " + i + " has size " + s.m()[i].length + ", expected " + m[i].length);
            }
        }
        for (int i = 0; i < m.length; i++) {
            System.arraycopy(s.m()[i], 0, m[i], 0, m[i].length);
            System.arraycopy(s.v()[i], 0, v[i], 0, v[i].length);
        }
        step = s.step();
    }
}
