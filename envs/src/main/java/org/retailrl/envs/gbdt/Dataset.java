package org.retailrl.envs.gbdt;

import java.util.HashSet;
import java.util.List;
import java.util.Set;

/**
 * A table for the learner of docs/model.md §5: named feature columns (feature-major, one
 * {@code double[]} per feature, {@code NaN} = missing), which of them are categorical (any finite
 * value is a category code), and the target. Arrays are referenced, not copied: do not change them
 * while a trainer or model uses them.
 *
 * @param names       feature names, distinct, non-empty
 * @param columns     {@code columns[f][row]}, all of the same length
 * @param categorical {@code categorical[f]}: whether feature {@code f} is a category code
 * @param target      {@code target[row]}, finite (checked against the objective when training)
 */
public record Dataset(List<String> names, double[][] columns, boolean[] categorical, double[] target) {

    /** Validates shapes and names. */
    public Dataset {
        if (names == null || columns == null || categorical == null || target == null) {
            throw new IllegalArgumentException("names, columns, categorical and target must not be null");
        }
        names = List.copyOf(names);
        if (names.isEmpty()) {
            throw new IllegalArgumentException("a dataset needs at least one feature");
        }
        if (columns.length != names.size() || categorical.length != names.size()) {
            throw new IllegalArgumentException("names (" + names.size() + "), columns (" + columns.length
                    + ") and categorical (" + categorical.length + ") must have the same length");
        }
        Set<String> seen = new HashSet<>();
        for (int f = 0; f < names.size(); f++) {
            String n = names.get(f);
            if (n.isEmpty() || !seen.add(n)) {
                throw new IllegalArgumentException("feature name '" + n + "' is empty or repeated");
            }
            if (columns[f] == null || columns[f].length != target.length) {
                throw new IllegalArgumentException("feature '" + n + "' has "
                        + (columns[f] == null ? "no column" : columns[f].length + " rows") + ", the target has " + target.length);
            }
        }
        if (target.length == 0) {
            throw new IllegalArgumentException("a dataset needs at least one row");
        }
    }

    /** Number of rows. */
    public int rows() {
        return target.length;
    }

    /** Number of features. */
    public int features() {
        return names.size();
    }
}
