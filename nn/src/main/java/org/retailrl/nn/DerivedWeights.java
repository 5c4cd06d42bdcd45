package org.retailrl.nn;

import java.util.Arrays;
import java.util.function.UnaryOperator;

/**
 * An array derived from a weight array (its transpose, its GEMM packing) for the inference forward
 * passes of docs/model.md §8.1 networks, kept while the weights' values are unchanged. A rollout or
 * a deployed policy runs one step per call, where rebuilding the derived operand would cost as much
 * as the product itself; the weights change only between updates (in place, by any writer), so the
 * cache compares values rather than trusting a version. Each snapshot is immutable once published,
 * so concurrent callers (the rollout's shards) may share it.
 */
final class DerivedWeights {
    /**
     * {@code source}: a copy of the weights {@code derived} was made from; {@code live} and
     * {@code epoch}: the array last found equal to it and the tape's weights epoch then (0: none).
     */
    private record Snapshot(float[] source, float[] derived, float[] live, long epoch) {
    }

    private final UnaryOperator<float[]> derive;
    private volatile Snapshot snapshot;

    /** A cache of {@code derive} applied to the weights; {@code derive} must not keep its argument. */
    DerivedWeights(UnaryOperator<float[]> derive) {
        this.derive = derive;
    }

    /**
     * {@code derive(weights)}, rebuilt only when {@code weights} differ from the last call's. Under
     * a tape's weights epoch ({@code Tape.weightsEpoch}; 0: none) the values are compared once, and
     * later calls of the same epoch with the same array trust them — at one step of a few copies
     * the comparison cost more than the products.
     */
    float[] of(float[] weights, long epoch) {
        Snapshot s = snapshot;
        if (s != null && epoch != 0 && s.epoch() == epoch && s.live() == weights) {
            return s.derived();
        }
        if (s != null && Arrays.equals(s.source(), weights)) {
            if (epoch != 0) {
                snapshot = new Snapshot(s.source(), s.derived(), weights, epoch);
            }
            return s.derived();
        }
        s = new Snapshot(weights.clone(), derive.apply(weights), weights, epoch);
        snapshot = s;
        return s.derived();
    }
}
