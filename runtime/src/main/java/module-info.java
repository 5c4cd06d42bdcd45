/**
 * The inference-only runtime of retailrl: loads a policy file written by the training engine and
 * makes the greedy pricing-and-replenishment decision of docs/model.md §1 with the recurrent
 * actors of docs/model.md §8.1. Java 17, no dependency. The Vector API is optional: with
 * {@code --add-modules jdk.incubator.vector} the row kernel is vectorised, without it a
 * bit-identical scalar kernel runs.
 */
module org.retailrl.runtime {
    requires static jdk.incubator.vector;

    exports org.retailrl.runtime;
    // The row kernel is shared with the training engine's own inference; it is not public API.
    exports org.retailrl.runtime.kernel to org.retailrl.algorithms;
    // The policy file's header reader and model id, shared with the engine's own reader and writer.
    exports org.retailrl.runtime.internal to org.retailrl.algorithms;
}
