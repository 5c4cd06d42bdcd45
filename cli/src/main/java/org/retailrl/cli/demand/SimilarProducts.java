package org.retailrl.cli.demand;

import java.io.IOException;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.TreeMap;
import java.util.TreeSet;

/**
 * Chooses products with correlated demand as Zheng, Li, Jiang &amp; Peng do for their multi-product
 * experiment (docs/model.md §5.5): by the cosine similarity of their sales series. For scanner
 * data in the Dominick's layout, a product is a store and brand; its series is the weekly units
 * sold, {@code exp(logmove)}, over the weeks of the data. Only products with every week present
 * take part, so that all series have the same length. Within each store every triple of brands
 * is scored by the smallest of its three pairwise similarities (all three must move together),
 * and triples are ranked by that score, highest first; ties go to the lower store, then brands.
 */
public final class SimilarProducts {
    /**
     * A ranked triple.
     *
     * @param store  store number
     * @param brands the three brands, ascending
     * @param pairs  the cosine similarities of brands (0,1), (0,2), (1,2)
     */
    public record Triple(int store, int[] brands, double[] pairs) {
        /** The smallest pairwise similarity, the ranking score. */
        public double score() {
            return Math.min(pairs[0], Math.min(pairs[1], pairs[2]));
        }
    }

    private SimilarProducts() {
    }

    /** The best {@code top} triples of {@code data} (scanner layout with a {@code logmove} column). */
    public static List<Triple> rank(Path data, int top) throws IOException {
        CsvTable t = CsvTable.read(data);
        for (String c : List.of("store", "brand", "week", "logmove")) {
            if (!t.has(c) || t.isText(c)) {
                throw new IllegalArgumentException(data + " has no numeric column '" + c + "'");
            }
        }
        double[] store = t.numeric("store");
        double[] brand = t.numeric("brand");
        double[] week = t.numeric("week");
        double[] y = t.numeric("logmove");
        TreeSet<Integer> weeks = new TreeSet<>();
        for (double w : week) {
            weeks.add((int) w);
        }
        int first = weeks.first();
        int span = weeks.last() - first + 1;
        // store -> brand -> weekly units (NaN where absent)
        TreeMap<Integer, TreeMap<Integer, double[]>> series = new TreeMap<>();
        for (int r = 0; r < t.rows(); r++) {
            double[] s = series.computeIfAbsent((int) store[r], k -> new TreeMap<>())
                    .computeIfAbsent((int) brand[r], k -> {
                        double[] v = new double[span];
                        java.util.Arrays.fill(v, Double.NaN);
                        return v;
                    });
            s[(int) week[r] - first] = Math.exp(y[r]);
        }
        List<Triple> out = new ArrayList<>();
        for (var st : series.entrySet()) {
            List<Integer> ids = new ArrayList<>();
            List<double[]> full = new ArrayList<>();
            for (var b : st.getValue().entrySet()) {
                if (complete(b.getValue(), weeks, first)) {
                    ids.add(b.getKey());
                    full.add(b.getValue());
                }
            }
            int m = ids.size();
            for (int a = 0; a < m; a++) {
                for (int b = a + 1; b < m; b++) {
                    double ab = cosine(full.get(a), full.get(b));
                    for (int c = b + 1; c < m; c++) {
                        out.add(new Triple(st.getKey(), new int[] {ids.get(a), ids.get(b), ids.get(c)},
                                new double[] {ab, cosine(full.get(a), full.get(c)), cosine(full.get(b), full.get(c))}));
                    }
                }
            }
        }
        out.sort(Comparator.comparingDouble(Triple::score).reversed());
        return out.subList(0, Math.min(top, out.size()));
    }

    private static boolean complete(double[] s, TreeSet<Integer> weeks, int first) {
        for (int w : weeks) {
            if (s[w - first] != s[w - first]) {
                return false;
            }
        }
        return true;
    }

    /** Cosine similarity of two series over the weeks both have. */
    static double cosine(double[] a, double[] b) {
        double ab = 0;
        double aa = 0;
        double bb = 0;
        for (int i = 0; i < a.length; i++) {
            if (a[i] == a[i] && b[i] == b[i]) {
                ab += a[i] * b[i];
                aa += a[i] * a[i];
                bb += b[i] * b[i];
            }
        }
        return ab / Math.sqrt(aa * bb);
    }
}
