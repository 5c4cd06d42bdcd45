/**
 * Checkpoints of the learners of docs/model.md §8 : the binary container
 * {@link org.retailrl.algorithms.checkpoint.CheckpointFormat} (magic, version, named sections,
 * CRC-32C, atomic replacement), the checkpoint content
 * {@link org.retailrl.algorithms.checkpoint.TrainingCheckpoint}, and
 * {@link org.retailrl.algorithms.checkpoint.ResumableTrainer}, a run that continues from a
 * checkpoint bit for bit.
 */
package org.retailrl.algorithms.checkpoint;
