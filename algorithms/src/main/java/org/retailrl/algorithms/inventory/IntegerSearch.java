package org.retailrl.algorithms.inventory;

import java.util.HashMap;
import java.util.Map;
import java.util.function.IntToDoubleFunction;

/**
 * Minimises a function of one integer parameter of an inventory heuristic (docs/model.md §7: a
 * base-stock level, an order cap) by descent to a local minimum: from the start, step to the better
 * neighbour until neither neighbour improves. The costs of these policies are unimodal in each
 * parameter in every instance tried (a failure of that would show as a heuristic above its own
 * grid neighbours, which the reports list). Each value is evaluated once.
 */
final class IntegerSearch {
    /** The argmin found and its value. */
    record Best(int arg, double value, int evaluations) {
    }

    private IntegerSearch() {
    }

    static Best minimize(IntToDoubleFunction f, int start, int lo, int hi) {
        Map<Integer, Double> memo = new HashMap<>();
        IntToDoubleFunction g = x -> memo.computeIfAbsent(x, f::applyAsDouble);
        int x = Math.max(lo, Math.min(hi, start));
        double fx = g.applyAsDouble(x);
        int dir = 0;
        if (x + 1 <= hi && g.applyAsDouble(x + 1) < fx) {
            dir = 1;
        } else if (x - 1 >= lo && g.applyAsDouble(x - 1) < fx) {
            dir = -1;
        }
        while (dir != 0) {
            int nx = x + dir;
            if (nx < lo || nx > hi) {
                break;
            }
            double fn = g.applyAsDouble(nx);
            if (fn >= fx) {
                break;
            }
            x = nx;
            fx = fn;
        }
        return new Best(x, fx, memo.size());
    }

    /** Coordinate descent over an integer vector in the box {@code [lo, hi]}: accept any improving ±1 move until none is left. */
    static Best[] minimize(java.util.function.ToDoubleFunction<int[]> f, int[] start, int[] lo, int[] hi) {
        Map<String, Double> memo = new HashMap<>();
        java.util.function.ToDoubleFunction<int[]> g = x -> memo.computeIfAbsent(java.util.Arrays.toString(x),
                k -> f.applyAsDouble(x.clone()));
        int[] x = start.clone();
        double fx = g.applyAsDouble(x);
        boolean moved = true;
        while (moved) {
            moved = false;
            for (int c = 0; c < x.length; c++) {
                for (int dir = -1; dir <= 1; dir += 2) {
                    while (x[c] + dir >= lo[c] && x[c] + dir <= hi[c]) {
                        x[c] += dir;
                        double fn = g.applyAsDouble(x);
                        if (fn < fx) {
                            fx = fn;
                            moved = true;
                        } else {
                            x[c] -= dir;
                            break;
                        }
                    }
                }
            }
        }
        Best[] out = new Best[x.length];
        for (int c = 0; c < x.length; c++) {
            out[c] = new Best(x[c], fx, memo.size());
        }
        return out;
    }
}
