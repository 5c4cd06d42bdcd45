package org.retailrl.cli;

import java.util.ArrayList;
import java.util.List;
import java.util.TreeSet;

/**
 * The {@code --seeds} option: a count {@code N} (seeds 1..N) or a comma-separated list of distinct
 * seeds ({@code 4,7,9}), each in [1, {@link #MAX_SEED}]. Training seeds of docs/model.md §8's protocol.
 */
final class SeedList {
    /** Largest seed accepted. */
    static final long MAX_SEED = 1_000_000;
    /** Largest number of seeds accepted. */
    static final int MAX_COUNT = 100;

    private SeedList() {
    }

    /** Parses {@code value}; bad input is a {@link UsageException} naming {@code --seeds}. */
    static List<Long> parse(String value) {
        String v = value.trim();
        String rule = "--seeds must be a count 1.." + MAX_COUNT + " or a list of distinct seeds in [1, " + MAX_SEED
                + "] such as 1,2,3; got '" + value + "'";
        try {
            if (!v.contains(",")) {
                int n = Integer.parseInt(v);
                if (n < 1 || n > MAX_COUNT) {
                    throw new UsageException(rule);
                }
                List<Long> out = new ArrayList<>();
                for (long s = 1; s <= n; s++) {
                    out.add(s);
                }
                return out;
            }
            List<Long> out = new ArrayList<>();
            for (String part : v.split(",", -1)) {
                long s = Long.parseLong(part.trim());
                if (s < 1 || s > MAX_SEED) {
                    throw new UsageException(rule);
                }
                out.add(s);
            }
            if (new TreeSet<>(out).size() != out.size() || out.size() > MAX_COUNT) {
                throw new UsageException(rule);
            }
            return out;
        } catch (NumberFormatException e) {
            throw new UsageException(rule);
        }
    }
}
