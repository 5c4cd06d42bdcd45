/**
 * Checkpoints of the learners of MODEL.md §8 (issue 4 "reliability"): the binary container
 * {@link org.retailrl.algorithms.checkpoint.CheckpointFormat} (magic, version, named sections,
 * CRC-32C, atomic replacement), the checkpoint content
 * {@link org.retailrl.algorithms.checkpoint.TrainingCheckpoint}, and
 * {@link org.retailrl.algorithms.checkpoint.ResumableTrainer}, a run that continues from a
 * checkpoint bit for bit.
 */
package org.retailrl.algorithms.checkpoint;
