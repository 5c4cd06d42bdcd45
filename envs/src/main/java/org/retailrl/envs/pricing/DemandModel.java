package org.retailrl.envs.pricing;

import org.retailrl.core.json.JsonObject;
import org.retailrl.core.random.RawStreams;

/**
 * A demand law that replaces the logit rate of docs/model.md §1.2 inside the pricing simulator
 * (docs/model.md §5.4): for every copy of a batch it gives the Poisson mean of the coming period at
 * the firm's price and the competitor's price the observation shows, and it keeps whatever
 * per-copy state its features need (a replayed week, a sales history). The simulator draws the
 * demand from the copy's own stream and does the accounting of §1.5 as for the logit law.
 * Implementations are immutable; per-batch state lives in {@link Copies}.
 */
public interface DemandModel {
    /** Scratch and state for {@code copies} simulator copies of episodes of {@code horizon} periods. */
    Copies newCopies(int copies, int horizon);

    /** The longest episode this model can play, in periods. */
    int maxHorizon();

    /** The model as the {@code "demand"} member of a scenario file (docs/model.md §5.4). */
    JsonObject toJson();

    /**
     * The per-copy state of one batch; not thread-safe. Calls for copy {@code i} come in the order
     * {@code reset}, then per period {@code rate} (any number of times) and one {@code advance}.
     */
    interface Copies {
        /**
         * Starts copy {@code i}'s episode; may draw from the copy's raw stream
         * ({@link RawStreams}, {@code seed[i]}, {@code gamma[i]}). Returns the competitor's price for
         * period 1, in the scenario's currency per unit.
         */
        double reset(int i, long[] seed, long[] gamma);

        /** The Poisson mean of copy {@code i}'s coming period at own price {@code price}; finite, {@code >= 0}. */
        double rate(int i, double price);

        /**
         * Records that copy {@code i} charged {@code price} and met demand {@code demand} (units) this
         * period, and moves it to the next; returns the competitor's price for the next period.
         */
        double advance(int i, double price, int demand);
    }
}
