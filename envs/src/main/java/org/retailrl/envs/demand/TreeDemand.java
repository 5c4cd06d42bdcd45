package org.retailrl.envs.demand;

import org.retailrl.envs.gbdt.GbdtModel;
import org.retailrl.envs.gbdt.Objective;

/**
 * Demand predicted by a fitted gradient-boosted tree model (docs/model.md §5): the agents' prices and
 * the period are written into a copy of a context row (the product's other state features — store,
 * brand, demographics, recent sales) by a {@link RowWriter}, and the model's prediction becomes the
 * Poisson mean. A model of log units (an L2 fit of a log target such as Dominick's
 * {@code logmove}) is read through {@code exp}; a Poisson or Tweedie model already predicts the
 * mean. The noise is drawn by {@link #sample} from the simulator's own stream.
 *
 * <p>Allocation-free per call; keeps one scratch row, so one instance per simulator copy or thread.
 */
public final class TreeDemand implements DemandSource {
    /** Writes the prices and the period into a feature row (in the model's feature order). */
    @FunctionalInterface
    public interface RowWriter {
        /** Sets the features that depend on the prices or the period; leaves the rest. */
        void write(double[] row, double price, double competitorPrice, double referencePrice, int period);
    }

    private final GbdtModel model;
    private final double[] context;
    private final double[] row;
    private final RowWriter writer;
    private final boolean logUnits;
    private final double scale;

    /**
     * @param model    the fitted model
     * @param context  feature values for everything the writer does not set (copied)
     * @param writer   how prices and period enter the features
     * @param logUnits whether an L2 model predicts log units (then the mean is {@code exp}); must be
     *                 false for the log-link objectives, which predict the mean
     * @param scale    units per model unit (e.g. 1, or a market-size ratio), finite and &gt; 0
     */
    public TreeDemand(GbdtModel model, double[] context, RowWriter writer, boolean logUnits, double scale) {
        if (model == null || context == null || writer == null) {
            throw new IllegalArgumentException("model, context and writer must not be null");
        }
        if (context.length != model.numFeatures()) {
            throw new IllegalArgumentException("context must hold " + model.numFeatures() + " feature values, got "
                    + context.length);
        }
        if (logUnits && model.objective() != Objective.L2) {
            throw new IllegalArgumentException("logUnits applies to an L2 model; a " + model.objective()
                    + " model already predicts the mean");
        }
        if (!(scale > 0) || !Double.isFinite(scale)) {
            throw new IllegalArgumentException("scale must be finite and > 0, got " + scale);
        }
        this.model = model;
        this.context = context.clone();
        this.row = context.clone();
        this.writer = writer;
        this.logUnits = logUnits;
        this.scale = scale;
    }

    @Override
    public double rate(double price, double competitorPrice, double referencePrice, int period) {
        System.arraycopy(context, 0, row, 0, row.length);
        writer.write(row, price, competitorPrice, referencePrice, period);
        double v = logUnits ? Math.exp(model.predictRaw(row)) : model.predict(row);
        // An L2 model of units can dip below zero where data are thin; a Poisson mean cannot.
        return Math.max(0, v * scale);
    }
}
