package org.retailrl.cli.report;

import java.io.IOException;
import java.io.StringReader;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.regex.Pattern;
import javax.xml.XMLConstants;
import javax.xml.parsers.DocumentBuilder;
import javax.xml.parsers.DocumentBuilderFactory;
import javax.xml.parsers.ParserConfigurationException;
import org.retailrl.core.io.AtomicFiles;
import org.w3c.dom.Document;
import org.w3c.dom.Element;
import org.w3c.dom.NamedNodeMap;
import org.w3c.dom.Node;
import org.w3c.dom.NodeList;
import org.xml.sax.InputSource;
import org.xml.sax.SAXException;

/**
 * Builder of one self-contained HTML page for a run (the report of the main job: the results
 * table of docs/model.md §8's evaluation protocol with its charts): headings, paragraphs, tables,
 * inline SVG figures with numbered captions and a run-metadata block, styled by an inline style
 * sheet. The page needs no JavaScript and loads nothing external. All user text is escaped;
 * figures must be SVG documents without scripts, event handlers, foreign objects or links, which
 * is checked when they are added.
 *
 * <p>Not thread-safe; build on one thread, then {@link #html()} or {@link #write(Path)}.
 */
public final class HtmlReport {
    /** A cell is numeric (right-aligned) if it reads like "-12.3", "1,234", "+27.8%", "5.1 ± 0.4", "± 0.4" or "2e-3". */
    private static final String NUMBER = "(\\d[\\d,]*(\\.\\d*)?|\\.\\d+)([eE][+-]?\\d+)?";
    private static final Pattern NUMERIC = Pattern.compile("([+\\-\u2212]?" + NUMBER + "\\s*(\u00b1\\s*" + NUMBER
            + ")?|\u00b1\\s*" + NUMBER + ")\\s*%?");

    private static final String CSS = """
            body{font-family:"DejaVu Sans",Helvetica,Arial,sans-serif;max-width:960px;margin:2em auto;\
            padding:0 1em;color:#222;line-height:1.45}
            h1{font-size:1.6em;margin-bottom:.3em}h2{font-size:1.3em;margin-top:1.6em}h3{font-size:1.1em}
            table{border-collapse:collapse;margin:1em 0}
            th,td{padding:.3em .7em;border-bottom:1px solid #ddd;text-align:left;vertical-align:top}
            th{border-bottom:2px solid #888}
            td.num,th.num{text-align:right;font-variant-numeric:tabular-nums;white-space:nowrap}
            dl.meta{display:grid;grid-template-columns:max-content auto;gap:.15em 1em;background:#f6f6f6;\
            padding:.7em 1em;border-radius:4px;font-size:.9em}
            dl.meta dt{font-weight:bold}dl.meta dd{margin:0;font-family:monospace;overflow-wrap:anywhere}
            figure{margin:1.5em 0}figure svg{max-width:100%;height:auto}
            figcaption{font-size:.92em;color:#444;margin-top:.3em}
            """;

    private final String title;
    private final List<String> metadata = new ArrayList<>();
    private final StringBuilder body = new StringBuilder();
    private int figures;
    private int tables;

    /** Starts a page whose {@code <title>} and top heading are {@code title}. */
    public HtmlReport(String title) {
        this.title = nonNull("title", title);
    }

    /** Adds a key/value line to the run-metadata block shown under the title (in call order). */
    public HtmlReport metadata(String key, String value) {
        metadata.add("<dt>" + Xml.escape(nonNull("key", key)) + "</dt><dd>" + Xml.escape(nonNull("value", value))
                + "</dd>");
        return this;
    }

    /** Adds a section heading; {@code level} 2 or 3 (level 1 is the page title). */
    public HtmlReport heading(int level, String text) {
        if (level < 2 || level > 3) {
            throw new IllegalArgumentException("level must be 2 or 3, got " + level);
        }
        body.append("<h").append(level).append('>').append(Xml.escape(nonNull("text", text))).append("</h")
                .append(level).append(">\n");
        return this;
    }

    /** Adds a paragraph of plain text. */
    public HtmlReport paragraph(String text) {
        body.append("<p>").append(Xml.escape(nonNull("text", text))).append("</p>\n");
        return this;
    }

    /**
     * Adds a table with a numbered caption; numeric-looking cells are right-aligned in tabular
     * figures, and a column whose body cells are all numeric gets a right-aligned header.
     *
     * @throws IllegalArgumentException if a row's length differs from the header's
     */
    public HtmlReport table(String caption, List<String> header, List<List<String>> rows) {
        nonNull("caption", caption);
        if (header == null || header.isEmpty() || XYPlot.hasNull(header)) {
            throw new IllegalArgumentException("header must be a non-empty list without null elements");
        }
        if (rows == null) {
            throw new IllegalArgumentException("rows must not be null");
        }
        int cols = header.size();
        boolean[] numericColumn = new boolean[cols];
        java.util.Arrays.fill(numericColumn, !rows.isEmpty());
        for (int r = 0; r < rows.size(); r++) {
            List<String> row = rows.get(r);
            if (row == null || row.size() != cols || XYPlot.hasNull(row)) {
                throw new IllegalArgumentException("rows[" + r + "] must have " + cols
                        + " non-null cells (the header's length), got " + (row == null ? "null" : row.size() + " cells"));
            }
            for (int c = 0; c < cols; c++) {
                numericColumn[c] &= numeric(row.get(c));
            }
        }
        tables++;
        body.append("<table>\n");
        if (!caption.isEmpty()) {
            body.append("<caption>Table ").append(tables).append(". ").append(Xml.escape(caption))
                    .append("</caption>\n");
        }
        body.append("<thead><tr>");
        for (int c = 0; c < cols; c++) {
            body.append(numericColumn[c] ? "<th class=\"num\">" : "<th>").append(Xml.escape(header.get(c)))
                    .append("</th>");
        }
        body.append("</tr></thead>\n<tbody>\n");
        for (List<String> row : rows) {
            body.append("<tr>");
            for (String cell : row) {
                body.append(numeric(cell) ? "<td class=\"num\">" : "<td>").append(Xml.escape(cell)).append("</td>");
            }
            body.append("</tr>\n");
        }
        body.append("</tbody>\n</table>\n");
        return this;
    }

    static boolean numeric(String cell) {
        return NUMERIC.matcher(cell.trim()).matches();
    }

    /**
     * Adds an SVG figure (e.g. {@link LineChart#svg()}) with a numbered caption.
     *
     * @throws IllegalArgumentException if {@code svg} is not a well-formed SVG document or contains
     *     a script, event handler, foreign object or link
     */
    public HtmlReport figure(String svg, String caption) {
        nonNull("caption", caption);
        checkSvg(svg);
        figures++;
        String markup = svg.strip();
        if (markup.startsWith("<?xml")) {
            markup = markup.substring(markup.indexOf("?>") + 2).strip();
        }
        body.append("<figure>\n").append(markup).append("\n<figcaption>Figure ").append(figures).append(". ")
                .append(Xml.escape(caption)).append("</figcaption>\n</figure>\n");
        return this;
    }

    private static void checkSvg(String svg) {
        if (svg == null) {
            throw new IllegalArgumentException("svg must not be null");
        }
        Document doc;
        try {
            DocumentBuilderFactory f = DocumentBuilderFactory.newInstance();
            f.setNamespaceAware(true);
            f.setFeature("http://apache.org/xml/features/disallow-doctype-decl", true);
            f.setFeature(XMLConstants.FEATURE_SECURE_PROCESSING, true);
            f.setExpandEntityReferences(false);
            DocumentBuilder b = f.newDocumentBuilder();
            b.setErrorHandler(null);
            doc = b.parse(new InputSource(new StringReader(svg)));
        } catch (ParserConfigurationException | SAXException | IOException e) {
            throw new IllegalArgumentException("svg must be a well-formed XML document: " + e.getMessage(), e);
        }
        Element root = doc.getDocumentElement();
        if (!"svg".equals(root.getLocalName())) {
            throw new IllegalArgumentException("svg root element must be <svg>, got <" + root.getTagName() + ">");
        }
        NodeList all = doc.getElementsByTagNameNS("*", "*");
        for (int i = 0; i < all.getLength(); i++) {
            Element e = (Element) all.item(i);
            String name = e.getLocalName().toLowerCase(Locale.ROOT);
            if (name.equals("script") || name.equals("foreignobject") || name.equals("a") || name.equals("image")
                    || name.equals("use")) {
                throw new IllegalArgumentException("svg must not contain <" + e.getTagName() + "> elements");
            }
            NamedNodeMap attrs = e.getAttributes();
            for (int a = 0; a < attrs.getLength(); a++) {
                Node at = attrs.item(a);
                String an = (at.getLocalName() == null ? at.getNodeName() : at.getLocalName()).toLowerCase(Locale.ROOT);
                if (an.startsWith("on") || an.equals("href") || an.equals("src")
                        || at.getNodeValue().toLowerCase(Locale.ROOT).contains("url(")) {
                    throw new IllegalArgumentException("svg must not contain the attribute " + at.getNodeName()
                            + " (scripts and external resources are not allowed)");
                }
            }
        }
    }

    /** The complete page. */
    public String html() {
        StringBuilder sb = new StringBuilder(body.length() + 4096);
        sb.append("<!DOCTYPE html>\n<html lang=\"en\">\n<head>\n<meta charset=\"utf-8\">\n")
                .append("<meta name=\"viewport\" content=\"width=device-width, initial-scale=1\">\n")
                .append("<title>").append(Xml.escape(title)).append("</title>\n<style>\n").append(CSS)
                .append("</style>\n</head>\n<body>\n<h1>").append(Xml.escape(title)).append("</h1>\n");
        if (!metadata.isEmpty()) {
            sb.append("<dl class=\"meta\">\n");
            for (String m : metadata) {
                sb.append(m).append('\n');
            }
            sb.append("</dl>\n");
        }
        return sb.append(body).append("</body>\n</html>\n").toString();
    }

    /** Writes the page as UTF-8, atomically replacing {@code target} (see {@link AtomicFiles}). */
    public void write(Path target) throws IOException {
        if (target == null) {
            throw new IllegalArgumentException("target must not be null");
        }
        AtomicFiles.writeString(target, html());
    }

    private static String nonNull(String field, String value) {
        if (value == null) {
            throw new IllegalArgumentException(field + " must not be null");
        }
        return value;
    }
}
