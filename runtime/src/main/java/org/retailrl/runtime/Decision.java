package org.retailrl.runtime;

import java.util.Arrays;

/**
 * One greedy decision of a pricing-and-replenishment policy (docs/model.md §1): the index of the
 * price in the scenario's grid, that price, the order quantity, and each actor's scores (logits)
 * and action probabilities, from which the decision is the arg-max. Immutable: the arrays are
 * private copies and every accessor returns a new copy.
 *
 * <p>Actors (docs/model.md §8.1): a policy of kind {@code "fsda"} has two — actor 0 scores the
 * grid prices, actor 1 the order quantities {@code 0..Q}; a {@code "ppo-joint"} policy has one
 * over the joint action {@code priceIndex·(Q + 1) + order}. An action excluded by
 * {@link DecisionConstraints} has score {@code -Infinity} and probability 0.
 */
public final class Decision {
    private final int priceIndex;
    private final double price;
    private final int order;
    private final float[][] scores;

    Decision(int priceIndex, double price, int order, float[][] scores) {
        this.priceIndex = priceIndex;
        this.price = price;
        this.order = order;
        this.scores = scores;
    }

    /**
     * The chosen price's index.
     *
     * @return an index into {@link PricingPolicy#prices()}
     */
    public int priceIndex() {
        return priceIndex;
    }

    /**
     * The chosen price.
     *
     * @return currency per unit
     */
    public double price() {
        return price;
    }

    /**
     * The chosen order.
     *
     * @return units, {@code 0..Q}; they arrive {@code L} periods later
     */
    public int order() {
        return order;
    }

    /**
     * The number of actors whose scores this decision carries.
     *
     * @return 2 for {@code "fsda"}, 1 for {@code "ppo-joint"}
     */
    public int actors() {
        return scores.length;
    }

    /**
     * One actor's scores (logits) over its actions, {@code -Infinity} where a constraint excludes
     * the action.
     *
     * @param actor {@code 0 <= actor < actors()}
     * @return a copy of the scores
     */
    public float[] scores(int actor) {
        return scores[check(actor)].clone();
    }

    /**
     * One actor's action probabilities: the softmax of its scores (what the trained stochastic
     * policy would sample from; the decision itself takes the most probable action).
     *
     * @param actor {@code 0 <= actor < actors()}
     * @return probabilities summing to 1, 0 for excluded actions
     */
    public double[] probabilities(int actor) {
        float[] s = scores[check(actor)];
        double max = Double.NEGATIVE_INFINITY;
        for (float v : s) {
            max = Math.max(max, v);
        }
        double[] p = new double[s.length];
        double sum = 0;
        for (int k = 0; k < s.length; k++) {
            p[k] = s[k] == Float.NEGATIVE_INFINITY ? 0 : Math.exp(s[k] - max);
            sum += p[k];
        }
        for (int k = 0; k < s.length; k++) {
            p[k] /= sum;
        }
        return p;
    }

    private int check(int actor) {
        if (actor < 0 || actor >= scores.length) {
            throw new IllegalArgumentException("actor must be in [0, " + (scores.length - 1) + "], got " + actor);
        }
        return actor;
    }

    @Override
    public boolean equals(Object o) {
        return o instanceof Decision && ((Decision) o).priceIndex == priceIndex && ((Decision) o).order == order
                && Double.compare(((Decision) o).price, price) == 0 && Arrays.deepEquals(((Decision) o).scores, scores);
    }

    @Override
    public int hashCode() {
        return 31 * (31 * priceIndex + order) + Arrays.deepHashCode(scores);
    }

    @Override
    public String toString() {
        return "Decision[priceIndex=" + priceIndex + ", price=" + price + ", order=" + order + "]";
    }
}
