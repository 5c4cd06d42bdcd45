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
    private record Snapshot(float[] source, float[] derived) {
    }

    private final UnaryOperator<float[]> derive;
    private volatile Snapshot snapshot;

    /** A cache of {@code derive} applied to the weights; {@code derive} must not keep its argument. */
    DerivedWeights(UnaryOperator<float[]> derive) {
        this.derive = derive;
    }

    /** {@code derive(weights)}, rebuilt only when {@code weights} differ from the last call's. */
    float[] of(float[] weights) {
        Snapshot s = snapshot;
        if (s != null && Arrays.equals(s.source(), weights)) {
            return s.derived();
        }
        s = new Snapshot(weights.clone(), derive.apply(weights));
        snapshot = s;
        return s.derived();
    }
}
