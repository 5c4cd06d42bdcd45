package org.retailrl.autodiff;

import org.retailrl.core.simd.Kernels;

/**
 * Elementwise one-input ops. The forward pass uses {@link Kernels} where a kernel exists; every
 * backward closure adds {@code g · f'(x)} into the input's gradient, reading whichever of the input
 * or the output gives {@code f'} most cheaply (e.g. {@code 1 − y²} for tanh). Backward rules are
 * single fused loops with unit strides, which the JIT vectorises; building them from
 * {@link Kernels} calls would take three or four passes over memory instead of one.
 */
final class UnaryOps {
    private UnaryOps() {
    }

    /** The derivative rule of one op, applied to a whole tensor. */
    private interface Backward {
        void addInto(float[] ga, float[] g, float[] x, float[] y, int n);
    }

    private static Var unary(String op, Var a, java.util.function.BiConsumer<float[], float[]> fwd, Backward bwd) {
        Tape t = OpSupport.tapeOf(op, a);
        boolean req = OpSupport.needsGrad(t, a);
        Var out = OpSupport.output(t, req, a.shape());
        float[] x = a.value().data();
        float[] y = out.value().data();
        fwd.accept(x, y);
        if (req) {
            t.record(() -> {
                if (out.hasGrad()) {
                    bwd.addInto(a.grad().data(), out.grad().data(), x, y, x.length);
                }
            });
        }
        return out;
    }

    static Var neg(Var a) {
        return scale("neg", a, -1f);
    }

    static Var scale(String op, Var a, float s) {
        OpSupport.requireFinite(op, "s", s);
        return unary(op, a, (x, y) -> Kernels.scale(s, x, 0, y, 0, x.length),
                (ga, g, x, y, n) -> Kernels.axpy(s, g, 0, ga, 0, n));
    }

    static Var addScalar(Var a, float s) {
        OpSupport.requireFinite("addScalar", "s", s);
        return unary("addScalar", a, (x, y) -> {
            for (int i = 0; i < x.length; i++) {
                y[i] = x[i] + s;
            }
        }, (ga, g, x, y, n) -> Kernels.axpy(1f, g, 0, ga, 0, n));
    }

    static Var tanh(Var a) {
        return unary("tanh", a, (x, y) -> Kernels.tanh(x, 0, y, 0, x.length), (ga, g, x, y, n) -> {
            for (int i = 0; i < n; i++) {
                ga[i] += g[i] * (1f - y[i] * y[i]);
            }
        });
    }

    static Var sigmoid(Var a) {
        return unary("sigmoid", a, (x, y) -> Kernels.sigmoid(x, 0, y, 0, x.length), (ga, g, x, y, n) -> {
            for (int i = 0; i < n; i++) {
                ga[i] += g[i] * y[i] * (1f - y[i]);
            }
        });
    }

    static Var relu(Var a) {
        return unary("relu", a, (x, y) -> {
            for (int i = 0; i < x.length; i++) {
                y[i] = x[i] > 0f ? x[i] : 0f;
            }
        }, (ga, g, x, y, n) -> {
            // Subgradient 0 at x = 0, as PyTorch.
            for (int i = 0; i < n; i++) {
                if (x[i] > 0f) {
                    ga[i] += g[i];
                }
            }
        });
    }

    static Var exp(Var a) {
        return unary("exp", a, (x, y) -> Kernels.exp(x, 0, y, 0, x.length), (ga, g, x, y, n) -> {
            for (int i = 0; i < n; i++) {
                ga[i] += g[i] * y[i];
            }
        });
    }

    static Var log(Var a) {
        return unary("log", a, (x, y) -> {
            for (int i = 0; i < x.length; i++) {
                y[i] = (float) Math.log(x[i]);
            }
        }, (ga, g, x, y, n) -> {
            for (int i = 0; i < n; i++) {
                ga[i] += g[i] / x[i];
            }
        });
    }

    static Var sqrt(Var a) {
        return unary("sqrt", a, (x, y) -> {
            for (int i = 0; i < x.length; i++) {
                y[i] = (float) Math.sqrt(x[i]);
            }
        }, (ga, g, x, y, n) -> {
            for (int i = 0; i < n; i++) {
                ga[i] += g[i] * 0.5f / y[i];
            }
        });
    }

    static Var abs(Var a) {
        return unary("abs", a, (x, y) -> {
            for (int i = 0; i < x.length; i++) {
                y[i] = Math.abs(x[i]);
            }
        }, (ga, g, x, y, n) -> {
            // Subgradient 0 at x = 0, as PyTorch.
            for (int i = 0; i < n; i++) {
                ga[i] += x[i] > 0f ? g[i] : x[i] < 0f ? -g[i] : 0f;
            }
        });
    }

    static Var square(Var a) {
        return unary("square", a, (x, y) -> Kernels.mul(x, 0, x, 0, y, 0, x.length), (ga, g, x, y, n) -> {
            for (int i = 0; i < n; i++) {
                ga[i] += 2f * g[i] * x[i];
            }
        });
    }

    static Var clamp(Var a, float lo, float hi) {
        if (Float.isNaN(lo) || Float.isNaN(hi) || lo > hi) {
            throw new IllegalArgumentException("clamp: need lo <= hi (not NaN), got lo=" + lo + " hi=" + hi);
        }
        return unary("clamp", a, (x, y) -> {
            for (int i = 0; i < x.length; i++) {
                y[i] = Math.min(Math.max(x[i], lo), hi);
            }
        }, (ga, g, x, y, n) -> {
            // Edges pass the gradient, as PyTorch's clamp (mask lo <= x <= hi).
            for (int i = 0; i < n; i++) {
                if (x[i] >= lo && x[i] <= hi) {
                    ga[i] += g[i];
                }
            }
        });
    }

    static Var huber(Var a, float delta) {
        if (!(delta > 0f) || !Float.isFinite(delta)) {
            throw new IllegalArgumentException("huber: delta must be finite and > 0, got " + delta);
        }
        return unary("huber", a, (x, y) -> {
            for (int i = 0; i < x.length; i++) {
                float ax = Math.abs(x[i]);
                y[i] = ax <= delta ? 0.5f * x[i] * x[i] : delta * (ax - 0.5f * delta);
            }
        }, (ga, g, x, y, n) -> {
            for (int i = 0; i < n; i++) {
                float xi = x[i];
                float d = xi > delta ? delta : xi < -delta ? -delta : xi;
                ga[i] += g[i] * d;
            }
        });
    }

    /** {@code √(2/π)} of the tanh form of GELU. */
    private static final float GELU_C = (float) Math.sqrt(2 / Math.PI);
    private static final float GELU_A = 0.044715f;

    /**
     * GELU in the tanh form of Hendrycks &amp; Gimpel (as GPT-2 and PyTorch's
     * {@code approximate="tanh"}; docs/model.md §6.3): {@code x/2 · (1 + tanh(√(2/π)(x + 0.044715 x³)))}.
     * The inner tanh is kept (pooled) for backward.
     */
    static Var gelu(Var a) {
        float[] th = a.tape().empty(a.value().size()).data();
        return unary("gelu", a, (x, y) -> {
            for (int i = 0; i < x.length; i++) {
                float xi = x[i];
                th[i] = GELU_C * (xi + GELU_A * xi * xi * xi);
            }
            Kernels.tanh(th, 0, th, 0, th.length);
            for (int i = 0; i < x.length; i++) {
                y[i] = 0.5f * x[i] * (1f + th[i]);
            }
        }, (ga, g, x, y, n) -> {
            for (int i = 0; i < n; i++) {
                float xi = x[i];
                float ti = th[i];
                float du = GELU_C * (1f + 3f * GELU_A * xi * xi);
                ga[i] += g[i] * (0.5f * (1f + ti) + 0.5f * xi * (1f - ti * ti) * du);
            }
        });
    }

    /**
     * Inverted dropout (docs/model.md §6.3): each element is kept with probability {@code 1 − p} and
     * then scaled by {@code 1/(1 − p)}, so the expected value is unchanged; {@code p = 0} returns
     * {@code a} itself. One uniform of {@code rng} per element in index order, so the mask is a
     * function of the stream's state.
     */
    static Var dropout(Var a, float p, org.retailrl.core.random.Rng rng) {
        OpSupport.tapeOf("dropout", a);
        if (!(p >= 0f && p < 1f)) {
            throw new IllegalArgumentException("dropout: p must be in [0, 1), got " + p);
        }
        if (rng == null) {
            throw new IllegalArgumentException("dropout: rng must not be null");
        }
        if (p == 0f) {
            return a;
        }
        float[] mask = a.tape().empty(a.value().size()).data();
        float keep = (float) (1.0 / (1.0 - p));
        for (int i = 0; i < mask.length; i++) {
            mask[i] = rng.nextFloat() < p ? 0f : keep;
        }
        return unary("dropout", a, (x, y) -> Kernels.mul(x, 0, mask, 0, y, 0, x.length), (ga, g, x, y, n) -> {
            for (int i = 0; i < n; i++) {
                ga[i] += g[i] * mask[i];
            }
        });
    }
}
