/**
 * The fast-slow dual-agent learner FSDA (MODEL.md §8 FSDA, seed 003 §3.5.2) for pricing and
 * replenishment — HAPPO with a pricing and an ordering agent on two timescales — and the
 * single-agent joint-action PPO it is compared with.
 */
package org.retailrl.algorithms.fsda;
