package org.retailrl.nn;

import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;

/**
 * A network part that owns {@link Parameter}s (docs/model.md §8 networks). The list order is fixed by
 * construction and never depends on hashing, so optimiser state, gradient clipping and model
 * files see the parameters in the same order on every run.
 */
public interface Module {
    /** The parameters in their deterministic order; names are unique. */
    List<Parameter> parameters();

    /** Sets every parameter's gradient to zero. */
    default void zeroGrad() {
        for (Parameter p : parameters()) {
            p.zeroGrad();
        }
    }

    /** Total number of scalar weights. */
    default long parameterCount() {
        long n = 0;
        for (Parameter p : parameters()) {
            n += p.size();
        }
        return n;
    }

    /**
     * Concatenates the parameter lists of {@code parts} in order and checks that the names are
     * unique (a duplicate would make model files ambiguous).
     */
    static List<Parameter> concat(Module... parts) {
        List<Parameter> all = new ArrayList<>();
        HashSet<String> seen = new HashSet<>();
        for (Module m : parts) {
            for (Parameter p : m.parameters()) {
                if (!seen.add(p.name())) {
                    throw new IllegalArgumentException("parameter name '" + p.name() + "' is used twice");
                }
                all.add(p);
            }
        }
        return List.copyOf(all);
    }
}
