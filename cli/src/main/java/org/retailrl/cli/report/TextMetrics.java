package org.retailrl.cli.report;

/**
 * Estimated advance width of text in a proportional sans-serif face, in pixels, used to keep labels
 * and legends inside the canvas without font files. The per-character widths (in ems) are
 * those of DejaVu Sans, the widest common default sans-serif face, rounded up, so the estimate is
 * an upper bound for Helvetica/Arial-like faces as well. Characters outside ASCII count as one em.
 * Bold text is up to 17% wider in DejaVu Sans Bold (the letter r), hence {@link #BOLD}.
 */
final class TextMetrics {
    static final double BOLD = 1.18;

    private TextMetrics() {
    }

    static double width(String text, double fontSize, boolean bold) {
        return width(text, fontSize) * (bold ? BOLD : 1);
    }

    static String fit(String text, double maxWidth, double fontSize, boolean bold) {
        return fit(text, bold ? maxWidth / BOLD : maxWidth, fontSize);
    }

    static double width(String text, double fontSize) {
        double em = 0;
        for (int i = 0; i < text.length(); i++) {
            em += em(text.charAt(i));
        }
        return em * fontSize;
    }

    private static double em(char c) {
        if (c >= '0' && c <= '9') {
            return 0.64;
        }
        if (c >= 'a' && c <= 'z') {
            return switch (c) {
                case 'i', 'j', 'l' -> 0.30;
                case 'f', 't', 'r' -> 0.42;
                case 'm', 'w' -> 0.98;
                default -> 0.64;
            };
        }
        if (c >= 'A' && c <= 'Z') {
            return switch (c) {
                case 'I', 'J' -> 0.40;
                case 'M', 'W' -> 1.02;
                default -> 0.80;
            };
        }
        if (c == ' ') {
            return 0.32;
        }
        if (c == '.' || c == ',' || c == ':' || c == ';' || c == '\'' || c == '|') {
            return 0.34;
        }
        if (c == '%' || c == '@') {
            return 1.0;
        }
        if (c < 0x20 || c == 0x7f) {
            return 1.0; // becomes U+FFFD when escaped, see Xml
        }
        if (c < 0x80) {
            return 0.84;
        }
        return 1.0;
    }

    /** The longest prefix of {@code text} that, followed by an ellipsis, fits {@code maxWidth}. */
    static String fit(String text, double maxWidth, double fontSize) {
        if (width(text, fontSize) <= maxWidth) {
            return text;
        }
        double budget = maxWidth - em('\u2026') * fontSize;
        double used = 0;
        int end = 0;
        while (end < text.length()) {
            double w = em(text.charAt(end)) * fontSize;
            if (used + w > budget) {
                break;
            }
            used += w;
            end++;
        }
        if (end > 0 && Character.isHighSurrogate(text.charAt(end - 1))) {
            end--;
        }
        return end == 0 && budget < 0 ? "" : text.substring(0, end) + "\u2026";
    }
}
