package org.retailrl.cli;

import java.util.List;

/**
 * A manual run (not a test) of {@link RecommendationCompare} until the {@code compare} command
 * delegates to it: passes its arguments through.
 */
public final class RecommendationCompareSmokeRun {
    private RecommendationCompareSmokeRun() {
    }

    /** Entry point. */
    public static void main(String[] args) throws Exception {
        System.exit(RecommendationCompare.run(new Args(List.of(args)), System.out, System.err));
    }
}
