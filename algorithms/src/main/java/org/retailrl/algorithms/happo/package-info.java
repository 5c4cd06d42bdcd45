/**
 * Heterogeneous-agent PPO (MODEL.md §8 HAPPO, after PKU-MARL/HARL): sequential agent updates in a
 * random order weighted by the factor {@code M}, and one centralised critic with value
 * normalisation, Huber loss and value clipping.
 */
package org.retailrl.algorithms.happo;
