/**
 * Deterministic data parallelism inside one computation (docs/model.md §8.12): a fixed team of
 * threads, and kernels that split their work by output so every element is computed with the
 * same arithmetic whatever the thread count.
 */
package org.retailrl.core.parallel;
