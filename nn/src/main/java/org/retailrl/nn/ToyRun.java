package org.retailrl.nn;

/**
 * The record of a short training run on a toy task (the selfcheck command: an MLP on XOR and
 * a GRU on a memory task, docs/model.md §8 networks).
 *
 * @param task      task name
 * @param steps     the update numbers at which {@code losses} were logged
 * @param losses    the training loss (mean squared error) at those updates
 * @param finalLoss the loss after the last update, on the task's evaluation data
 * @param accuracy  fraction of evaluation cases answered correctly, in [0, 1]
 */
public record ToyRun(String task, int[] steps, double[] losses, double finalLoss, double accuracy) {
}
