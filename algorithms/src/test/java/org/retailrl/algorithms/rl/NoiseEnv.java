package org.retailrl.algorithms.rl;

import org.retailrl.core.random.Rng;

/**
 * A synthetic environment of any shape for the learner core's tests (docs/model.md §8.13):
 * standard normal observations and rewards that ignore the actions, drawn per copy from the
 * stream of {@code (seed, episode, copy)}. It exercises the training path at a chosen size
 * without any dynamics to learn.
 */
final class NoiseEnv implements OneViewEnv {
    private final int copies;
    private final int horizon;
    private final int observationSize;
    private final int actions;
    private final Rng[] streams;

    NoiseEnv(int copies, int horizon, int observationSize, int actions) {
        this.copies = copies;
        this.horizon = horizon;
        this.observationSize = observationSize;
        this.actions = actions;
        this.streams = new Rng[copies];
    }

    @Override
    public int copies() {
        return copies;
    }

    @Override
    public int horizon() {
        return horizon;
    }

    @Override
    public int agents() {
        return 1;
    }

    @Override
    public int observationSize() {
        return observationSize;
    }

    @Override
    public int actionCount(int agent) {
        return actions;
    }

    @Override
    public void reset(long seed, long episode) {
        for (int i = 0; i < copies; i++) {
            streams[i] = Rng.stream(seed, episode * copies + i);
        }
    }

    @Override
    public void observe(float[] out) {
        for (int i = 0; i < copies; i++) {
            for (int j = 0; j < observationSize; j++) {
                out[i * observationSize + j] = (float) streams[i].normal();
            }
        }
    }

    @Override
    public void step(int[][] choices, Rng[] policyStreams, double[] rewardOut) {
        for (int i = 0; i < copies; i++) {
            rewardOut[i] = streams[i].normal();
        }
    }
}
