/**
 * MTMA (MODEL.md §3; seeds 000/001): the multi-timescale multi-agent learner that coordinates
 * replenishment and recommendation — one recurrent actor per decision on its own observation, one
 * centralised recurrent critic, PPO-style clipped updates, per-agent step sizes and update
 * frequencies — and the learned baselines of seed 002 §VI.B (Joint IM-RS, IM-Only, RS-Only, Naive
 * IM-RS), with the common-random-number comparison that ranks them against the heuristics.
 */
package org.retailrl.algorithms.mtma;
