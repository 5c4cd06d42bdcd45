package org.retailrl.autodiff;

import java.util.ArrayDeque;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.Map;
import org.retailrl.core.Tensor;

/**
 * Recycles float arrays by exact length between training steps: each step of a fixed network
 * asks for the same sizes in the same order, so after the first step nothing big is allocated.
 */
final class BufferPool {
    private final Map<Integer, ArrayDeque<float[]>> free = new HashMap<>();
    private final ArrayList<float[]> lent = new ArrayList<>();
    private long allocations;

    Tensor empty(int... shape) {
        long n = 1;
        for (int d : shape) {
            if (d < 0) {
                throw new IllegalArgumentException("negative dimension in shape " + java.util.Arrays.toString(shape));
            }
            n *= d;
        }
        if (n > Integer.MAX_VALUE - 8) {
            throw new IllegalArgumentException("shape " + java.util.Arrays.toString(shape) + " is too large");
        }
        ArrayDeque<float[]> q = free.get((int) n);
        float[] a;
        if (q == null || q.isEmpty()) {
            a = new float[(int) n];
            allocations++;
        } else {
            a = q.pop();
        }
        lent.add(a);
        return Tensor.wrap(a, shape);
    }

    Tensor zeros(int... shape) {
        Tensor t = empty(shape);
        java.util.Arrays.fill(t.data(), 0f);
        return t;
    }

    /** How many arrays this pool has ever created (constant once a repeated step is warm). */
    long allocations() {
        return allocations;
    }

    void releaseAll() {
        for (float[] a : lent) {
            free.computeIfAbsent(a.length, k -> new ArrayDeque<>()).push(a);
        }
        lent.clear();
    }
}
