/**
 * Single-agent recurrent PPO with CleanRL's defaults (MODEL.md §8 PPO): the hyperparameter record
 * and the trainer loop.
 */
package org.retailrl.algorithms.ppo;
