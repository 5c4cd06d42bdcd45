package org.retailrl.nn;

import java.util.List;
import org.retailrl.autodiff.Ops;
import org.retailrl.autodiff.Var;
import org.retailrl.core.Tensor;
import org.retailrl.core.random.Rng;

/**
 * A learned lookup table {@code [count, width]} (docs/model.md §6.3: the Decision Transformer's
 * timestep embedding and its embedding of discrete action components): row {@code i} is the
 * vector of symbol {@code i}. Rows start as independent normal draws with standard deviation
 * 0.02 (GPT-2's initialisation). Lookups are one {@code indexSelect}, whose backward scatter-adds.
 */
public final class Embedding implements Module {
    private final int count;
    private final int width;
    private final Parameter table;

    /**
     * @param count number of symbols, >= 1
     * @param width embedding width, >= 1
     */
    public Embedding(String name, int count, int width, Rng rng) {
        if (count < 1) {
            throw new IllegalArgumentException("count must be >= 1, got " + count);
        }
        if (width < 1) {
            throw new IllegalArgumentException("width must be >= 1, got " + width);
        }
        this.count = count;
        this.width = width;
        this.table = new Parameter(name + ".weight", Tensor.zeros(count, width));
        float[] d = table.value().data();
        for (int i = 0; i < d.length; i++) {
            d[i] = (float) (0.02 * rng.normal());
        }
    }

    /** Number of symbols. */
    public int count() {
        return count;
    }

    /** The table {@code [count, width]}. */
    public Parameter table() {
        return table;
    }

    @Override
    public List<Parameter> parameters() {
        return List.of(table);
    }

    /**
     * The rows of {@code ids} as {@code [ids.length, width]}; every id must be in {@code [0, count)}.
     */
    public Var forward(org.retailrl.autodiff.Tape tape, int[] ids) {
        for (int i = 0; i < ids.length; i++) {
            if (ids[i] < 0 || ids[i] >= count) {
                throw new IllegalArgumentException("Embedding " + table.name() + ": id " + ids[i] + " at " + i
                        + " outside [0, " + count + ")");
            }
        }
        return Ops.indexSelect(table.leaf(tape), ids);
    }
}
