package org.retailrl.envs.inventory;

/**
 * Range checks shared by the scenario records of docs/model.md §7: each failure is an
 * {@link IllegalArgumentException} naming the field and its allowed range.
 */
final class Check {
    private Check() {
    }

    static int range(String field, int v, int lo, int hi) {
        if (v < lo || v > hi) {
            throw new IllegalArgumentException(field + " must be in [" + lo + ", " + hi + "], got " + v);
        }
        return v;
    }

    static double nonNegative(String field, double v) {
        if (!(v >= 0) || !Double.isFinite(v)) {
            throw new IllegalArgumentException(field + " must be finite and >= 0, got " + v);
        }
        return v;
    }

    static <T> T present(String field, T v) {
        if (v == null) {
            throw new IllegalArgumentException(field + " must be given, got null");
        }
        return v;
    }

    /** Copies {@code v} after checking its length and that every entry lies in {@code [lo, hi]}. */
    static int[] entries(String field, int[] v, int length, int lo, int hi) {
        if (v == null || v.length != length) {
            throw new IllegalArgumentException(field + " must hold " + length + " entries, got "
                    + (v == null ? "null" : v.length));
        }
        for (int k = 0; k < v.length; k++) {
            range(field + "[" + k + "]", v[k], lo, hi);
        }
        return v.clone();
    }

    /** Copies {@code v} after checking its length and that every entry is finite and {@code >= 0}. */
    static double[] nonNegative(String field, double[] v, int length) {
        if (v == null || v.length != length) {
            throw new IllegalArgumentException(field + " must hold " + length + " entries, got "
                    + (v == null ? "null" : v.length));
        }
        for (int k = 0; k < v.length; k++) {
            nonNegative(field + "[" + k + "]", v[k]);
        }
        return v.clone();
    }

    static void length(String field, int[] out, int needed) {
        if (out == null || out.length < needed) {
            throw new IllegalArgumentException(field + " must have length >= " + needed + ", got "
                    + (out == null ? "null" : Integer.toString(out.length)));
        }
    }

    static void length(String field, double[] out, int needed) {
        if (out == null || out.length < needed) {
            throw new IllegalArgumentException(field + " must have length >= " + needed + ", got "
                    + (out == null ? "null" : Integer.toString(out.length)));
        }
    }

    static void observeBuffer(float[] out, int off, long needed) {
        if (out == null || off < 0 || off + needed > out.length) {
            throw new IllegalArgumentException("out must hold copies * observationSize = " + needed
                    + " floats from offset " + off);
        }
    }

    static int copies(int copies) {
        return range("copies", copies, 1, 1 << 24);
    }
}
