package org.retailrl.nn.torchref;

import java.util.ArrayList;
import java.util.List;
import org.retailrl.nn.Parameter;

/**
 * The comparisons of one run of the PyTorch reference cases (docs/model.md §8 networks, losses and
 * optimisers): each records the worst relative difference between an engine result and its
 * reference, and the tolerance it must stay within. Two measures:
 * <ul>
 *   <li>{@link #array} — normwise {@code max|e − r| / max|r|}: float32 sums and products are
 *       accurate relative to the size of their terms, not to a result that cancels, so an
 *       elementwise measure would flag harmless entries near zero;</li>
 *   <li>{@link #elementwise} — {@code max |e − r| / |r|}: for optimiser states, where every entry
 *       is one short chain of float operations and each must match on its own.</li>
 * </ul>
 */
public final class Comparison {
    /** One compared item: its case, name, worst relative difference and tolerance. */
    public record Result(String caseName, String item, double worst, double tolerance) {
        /** Within tolerance (a NaN difference fails). */
        public boolean ok() {
            return worst <= tolerance;
        }
    }

    private final List<Result> results = new ArrayList<>();
    private String caseName = "?";

    /** Starts recording the comparisons of case {@code name}. */
    public void begin(String name) {
        caseName = name;
    }

    /** The results so far, in order. */
    public List<Result> results() {
        return List.copyOf(results);
    }

    /** Records {@code worst} for {@code item} and returns it. */
    public double record(String item, double worst, double tolerance) {
        results.add(new Result(caseName, item, worst, tolerance));
        return worst;
    }

    private static void sameLength(String item, int engine, int ref) {
        if (engine != ref) {
            throw new IllegalArgumentException(item + ": the engine gives " + engine + " values, the reference " + ref);
        }
    }

    /** Normwise relative difference {@code max|e − r| / max|r|} (absolute when the reference is all 0). */
    public double array(String item, float[] engine, float[] ref, double tolerance) {
        sameLength(item, engine.length, ref.length);
        double diff = 0;
        double scale = 0;
        for (int i = 0; i < ref.length; i++) {
            double d = Math.abs((double) engine[i] - ref[i]);
            diff = Double.isNaN(d) ? Double.NaN : Math.max(diff, d);
            scale = Math.max(scale, Math.abs(ref[i]));
        }
        return record(item, scale > 0 ? diff / scale : diff, tolerance);
    }

    /** Elementwise relative difference {@code max |e − r| / |r|} (absolute where {@code r = 0}). */
    public double elementwise(String item, float[] engine, float[] ref, double tolerance) {
        sameLength(item, engine.length, ref.length);
        double worst = 0;
        for (int i = 0; i < ref.length; i++) {
            double d = Math.abs((double) engine[i] - ref[i]);
            double r = ref[i] != 0 ? d / Math.abs(ref[i]) : d;
            worst = Double.isNaN(r) ? Double.NaN : Math.max(worst, r);
        }
        return record(item, worst, tolerance);
    }

    /** Relative difference of one number (absolute when the reference is 0). */
    public double scalar(String item, double engine, double ref, double tolerance) {
        double d = Math.abs(engine - ref);
        return record(item, ref != 0 ? d / Math.abs(ref) : d, tolerance);
    }

    /** {@link #array} of every parameter's gradient against the entry {@code "grad." + name}. */
    public void gradients(List<Parameter> params, Fixture f, double tolerance) {
        for (Parameter p : params) {
            array("grad." + p.name(), p.grad().data(), f.f32("grad." + p.name()), tolerance);
        }
    }
}
