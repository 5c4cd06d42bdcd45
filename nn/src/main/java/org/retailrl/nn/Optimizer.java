package org.retailrl.nn;

/**
 * A first-order optimiser over a fixed list of {@link Parameter}s (docs/model.md §8: Adam for PPO,
 * HAPPO, FSDA). {@link #step()} reads each parameter's gradient and updates its value in place; it
 * does not clear gradients.
 */
public interface Optimizer {
    /** One update with the current learning rate. */
    void step();

    /** The learning rate used by the next {@link #step()}. */
    double learningRate();

    /** Sets the learning rate (schedules call this before each update); must be finite and >= 0. */
    void setLearningRate(double lr);
}
