package org.retailrl.cli.report;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** The HTML page: escaping, tables, figures, metadata, atomic writing. */
class HtmlReportTest {

    private static HtmlReport sample() {
        String chart = LineChart.of("Curve", "episodes", "profit (currency)",
                List.of(Series.indexed("seed 1", new double[] {1, 3, 2}))).svg();
        return new HtmlReport("Run <script>alert(1)</script>")
                .metadata("seed", "42").metadata("command", "retail compare --out \"r&d\"")
                .heading(2, "Results <script>")
                .paragraph("user text <script>alert(2)</script> & more")
                .table("Profit per policy", List.of("policy", "mean profit", "vs Myopic"),
                        List.of(List.of("FSDA", "1,234.5 \u00b1 80.2", "+27.8%"), List.of("Myopic", "960", "0%")))
                .figure(chart, "Learning curve <b>");
    }

    @Test
    void userTextIsEscaped() {
        String html = sample().html();
        assertFalse(html.contains("<script"), html);
        assertTrue(html.contains("<title>Run &lt;script&gt;alert(1)&lt;/script&gt;</title>"), html);
        assertTrue(html.contains("user text &lt;script&gt;alert(2)&lt;/script&gt; &amp; more"), html);
        assertTrue(html.contains("<figcaption>Figure 1. Learning curve &lt;b&gt;</figcaption>"), html);
        assertTrue(html.contains("<dd>retail compare --out &quot;r&amp;d&quot;</dd>"), html);
    }

    @Test
    void pageIsSelfContained() {
        String html = sample().html();
        assertTrue(html.startsWith("<!DOCTYPE html>") && html.contains("<style>") && html.contains("<svg "), html);
        for (String external : List.of("<link", "src=", "href=", "<script", "url(", "@import")) {
            assertFalse(html.contains(external), external);
        }
    }

    @Test
    void numericCellsAreRightAligned() {
        String html = sample().html();
        assertTrue(html.contains("<td>FSDA</td><td class=\"num\">1,234.5 \u00b1 80.2</td><td class=\"num\">+27.8%</td>"),
                html);
        assertTrue(html.contains("<th>policy</th><th class=\"num\">mean profit</th>"), html);
        assertTrue(HtmlReport.numeric("-1.5e-3") && HtmlReport.numeric("\u22123") && HtmlReport.numeric(".5")
                && HtmlReport.numeric("\u00b1 80.2") && HtmlReport.numeric("12 \u00b1 3%"));
        assertFalse(HtmlReport.numeric("FSDA") || HtmlReport.numeric("1.2.3 x") || HtmlReport.numeric("")
                || HtmlReport.numeric("\u00b1") || HtmlReport.numeric("5 \u00b1"));
    }

    @Test
    void unsafeOrMalformedFiguresAreRefused() {
        HtmlReport r = new HtmlReport("t");
        for (String bad : List.of("<svg xmlns=\"http://www.w3.org/2000/svg\"><script>alert(1)</script></svg>",
                "<svg xmlns=\"http://www.w3.org/2000/svg\" onload=\"alert(1)\"></svg>",
                "<svg xmlns=\"http://www.w3.org/2000/svg\"><image href=\"http://x/y.png\"/></svg>",
                "<svg xmlns=\"http://www.w3.org/2000/svg\"><rect fill=\"url(http://x)\"/></svg>",
                "<svg><rect></svg>", "<html/>")) {
            IllegalArgumentException e = assertThrows(IllegalArgumentException.class, () -> r.figure(bad, "c"), bad);
            assertTrue(e.getMessage().startsWith("svg "), e.getMessage());
        }
    }

    @Test
    void raggedRowsAreRefused() {
        IllegalArgumentException e = assertThrows(IllegalArgumentException.class, () -> new HtmlReport("t")
                .table("c", List.of("a", "b"), List.of(List.of("1", "2"), List.of("3"))));
        assertTrue(e.getMessage().contains("rows[1] must have 2"), e.getMessage());
        e = assertThrows(IllegalArgumentException.class, () -> new HtmlReport("t").heading(1, "x"));
        assertTrue(e.getMessage().contains("level must be 2 or 3"), e.getMessage());
    }

    @Test
    void writesAtomically(@TempDir Path dir) throws Exception {
        Path out = dir.resolve("report.html");
        Files.writeString(out, "old");
        HtmlReport r = sample();
        r.write(out);
        assertEquals(r.html(), Files.readString(out));
        try (var files = Files.list(dir)) {
            assertEquals(1, files.count(), "temporary file left behind");
        }
    }
}
