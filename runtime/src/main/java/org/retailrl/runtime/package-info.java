/**
 * The public API of the inference-only runtime: {@link org.retailrl.runtime.PricingPolicy} loads a
 * policy file trained by the engine and makes the greedy decision of docs/model.md §1 with the
 * recurrent actors of docs/model.md §8.1; {@link org.retailrl.runtime.Decision} is its result and
 * {@link org.retailrl.runtime.PolicyFormatException} its refusal of a bad file.
 */
package org.retailrl.runtime;
