package org.retailrl.autodiff;

import org.retailrl.core.simd.Kernels;

/**
 * Broadcasting binary elementwise ops (add, sub, mul, div, minimum, maximum). Forward and backward
 * work run by run over the {@link Broadcast} layout; within a run each input has stride 1
 * (contiguous, handed to {@link Kernels}) or stride 0 (repeated, so its gradient is a sum).
 */
final class BinaryOps {
    enum Kind { ADD, SUB, MUL, DIV, MIN, MAX }

    private BinaryOps() {
    }

    static Var apply(Kind kind, Var a, Var b) {
        String op = kind.name().toLowerCase(java.util.Locale.ROOT);
        Tape t = OpSupport.tapeOf(op, a, b);
        Broadcast bc = new Broadcast(op, a.shape(), b.shape());
        boolean req = OpSupport.needsGrad(t, a, b);
        Var out = OpSupport.output(t, req, bc.outShape);
        float[] x = a.value().data();
        float[] y = b.value().data();
        float[] o = out.value().data();
        int sa = bc.innerA();
        int sb = bc.innerB();
        bc.forEachRun((ao, bo, oo, n) -> forward(kind, x, ao, sa, y, bo, sb, o, oo, n));
        if (req) {
            t.record(() -> {
                if (!out.hasGrad()) {
                    return;
                }
                float[] g = out.grad().data();
                float[] ga = OpSupport.gradOrNull(a);
                float[] gb = OpSupport.gradOrNull(b);
                bc.forEachRun((ao, bo, oo, n) -> backward(kind, x, ao, sa, y, bo, sb, g, oo, n, ga, gb));
            });
        }
        return out;
    }

    private static void forward(Kind kind, float[] a, int ao, int sa, float[] b, int bo, int sb, float[] o, int oo, int n) {
        boolean dense = sa == 1 && sb == 1;
        switch (kind) {
            case ADD -> {
                if (dense) {
                    Kernels.add(a, ao, b, bo, o, oo, n);
                } else {
                    for (int i = 0; i < n; i++) {
                        o[oo + i] = a[ao + i * sa] + b[bo + i * sb];
                    }
                }
            }
            case SUB -> {
                if (dense) {
                    Kernels.sub(a, ao, b, bo, o, oo, n);
                } else {
                    for (int i = 0; i < n; i++) {
                        o[oo + i] = a[ao + i * sa] - b[bo + i * sb];
                    }
                }
            }
            case MUL -> {
                if (dense) {
                    Kernels.mul(a, ao, b, bo, o, oo, n);
                } else {
                    for (int i = 0; i < n; i++) {
                        o[oo + i] = a[ao + i * sa] * b[bo + i * sb];
                    }
                }
            }
            case DIV -> {
                for (int i = 0; i < n; i++) {
                    o[oo + i] = a[ao + i * sa] / b[bo + i * sb];
                }
            }
            case MIN -> {
                for (int i = 0; i < n; i++) {
                    float u = a[ao + i * sa];
                    float v = b[bo + i * sb];
                    o[oo + i] = u <= v ? u : v;
                }
            }
            case MAX -> {
                for (int i = 0; i < n; i++) {
                    float u = a[ao + i * sa];
                    float v = b[bo + i * sb];
                    o[oo + i] = u >= v ? u : v;
                }
            }
        }
    }

    private static void backward(Kind kind, float[] a, int ao, int sa, float[] b, int bo, int sb,
                                 float[] g, int oo, int n, float[] ga, float[] gb) {
        switch (kind) {
            case ADD -> {
                passThrough(1f, g, oo, n, ga, ao, sa);
                passThrough(1f, g, oo, n, gb, bo, sb);
            }
            case SUB -> {
                passThrough(1f, g, oo, n, ga, ao, sa);
                passThrough(-1f, g, oo, n, gb, bo, sb);
            }
            case MUL -> {
                if (sa == 1 && sb == 1) {
                    // Unit strides written out so that the JIT can vectorise the loops.
                    mulDense(g, oo, b, bo, ga, ao, n);
                    mulDense(g, oo, a, ao, gb, bo, n);
                    return;
                }
                if (ga != null) {
                    for (int i = 0; i < n; i++) {
                        ga[ao + i * sa] += g[oo + i] * b[bo + i * sb];
                    }
                }
                if (gb != null) {
                    for (int i = 0; i < n; i++) {
                        gb[bo + i * sb] += g[oo + i] * a[ao + i * sa];
                    }
                }
            }
            case DIV -> {
                if (ga != null) {
                    for (int i = 0; i < n; i++) {
                        ga[ao + i * sa] += g[oo + i] / b[bo + i * sb];
                    }
                }
                if (gb != null) {
                    for (int i = 0; i < n; i++) {
                        float v = b[bo + i * sb];
                        gb[bo + i * sb] -= g[oo + i] * a[ao + i * sa] / (v * v);
                    }
                }
            }
            case MIN, MAX -> {
                boolean min = kind == Kind.MIN;
                for (int i = 0; i < n; i++) {
                    float u = a[ao + i * sa];
                    float v = b[bo + i * sb];
                    // Ties go to a, matching the forward choice.
                    boolean takeA = min ? u <= v : u >= v;
                    if (takeA) {
                        if (ga != null) {
                            ga[ao + i * sa] += g[oo + i];
                        }
                    } else if (gb != null) {
                        gb[bo + i * sb] += g[oo + i];
                    }
                }
            }
        }
    }

    /** {@code grad[go + i] += g[oo + i] · x[xo + i]}. */
    private static void mulDense(float[] g, int oo, float[] x, int xo, float[] grad, int go, int n) {
        if (grad == null) {
            return;
        }
        for (int i = 0; i < n; i++) {
            grad[go + i] += g[oo + i] * x[xo + i];
        }
    }

    /** {@code grad += s·g} along a run: an axpy when contiguous, a sum when the input repeats. */
    private static void passThrough(float s, float[] g, int oo, int n, float[] grad, int off, int stride) {
        if (grad == null) {
            return;
        }
        if (stride == 1) {
            Kernels.axpy(s, g, oo, grad, off, n);
        } else {
            grad[off] += s * Kernels.sum(g, oo, n);
        }
    }
}
