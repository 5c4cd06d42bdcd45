package org.retailrl.runtime;

/**
 * One named field of a policy's observation (docs/model.md §1 state as the learners of §8.1
 * observe it), at its position in the {@code float[]} that {@link PricingPolicy#decide} takes.
 *
 * @param index       position in the observation array
 * @param name        the field's name: {@code endingInventory}, {@code lostSales}, {@code demand},
 *                    {@code ownPrice}, {@code competitorPrice}, {@code referencePrice}, or
 *                    {@code pipeline[k]} for the {@code k}-th outstanding order
 * @param unit        {@code "units"} or {@code "currency/unit"}
 * @param description what the value is, in words
 */
public record InputField(int index, String name, String unit, String description) {
}
