package org.retailrl.autodiff;

import net.jqwik.api.Arbitraries;
import net.jqwik.api.Arbitrary;

/** jqwik arbitraries for tensor shapes: ranks 1..3, dimensions 1..5. */
final class Shapes {
    private Shapes() {
    }

    static Arbitrary<int[]> shapes() {
        return Arbitraries.integers().between(1, 5).array(int[].class).ofMinSize(1).ofMaxSize(3);
    }
}
