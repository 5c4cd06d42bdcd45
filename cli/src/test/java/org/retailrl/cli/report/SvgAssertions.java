package org.retailrl.cli.report;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;
import static org.junit.jupiter.api.Assertions.fail;

import java.io.StringReader;
import javax.xml.parsers.DocumentBuilderFactory;
import org.w3c.dom.Document;
import org.w3c.dom.Element;
import org.w3c.dom.Node;
import org.w3c.dom.NodeList;
import org.xml.sax.InputSource;

/**
 * Assertions for chart tests: parses an SVG document with the JDK's XML parser (so it must be well-formed) and
 * checks that every drawn element lies inside the canvas. Text extents use the same width
 * estimate as the layout, with ascent 0.8 em and descent 0.25 em.
 */
final class SvgAssertions {
    private static final double EPS = 0.011; // coordinates are written with two decimals

    private SvgAssertions() {
    }

    static Document parse(String xml) {
        try {
            DocumentBuilderFactory f = DocumentBuilderFactory.newInstance();
            f.setNamespaceAware(true);
            var b = f.newDocumentBuilder();
            b.setErrorHandler(null);
            return b.parse(new InputSource(new StringReader(xml)));
        } catch (Exception e) {
            return fail("not well-formed XML: " + e.getMessage() + "\n" + xml);
        }
    }

    /** Parses and checks bounds; returns the document for further checks. */
    static Document assertInside(String svg) {
        Document doc = parse(svg);
        Element root = doc.getDocumentElement();
        assertEquals("svg", root.getLocalName());
        double w = d(root, "width");
        double h = d(root, "height");
        NodeList all = root.getElementsByTagNameNS("*", "*");
        for (int i = 0; i < all.getLength(); i++) {
            Element e = (Element) all.item(i);
            switch (e.getLocalName()) {
                case "line" -> {
                    x(e, w, d(e, "x1"));
                    x(e, w, d(e, "x2"));
                    y(e, h, d(e, "y1"));
                    y(e, h, d(e, "y2"));
                }
                case "rect" -> {
                    x(e, w, d(e, "x"));
                    x(e, w, d(e, "x") + d(e, "width"));
                    y(e, h, d(e, "y"));
                    y(e, h, d(e, "y") + d(e, "height"));
                }
                case "circle" -> {
                    x(e, w, d(e, "cx") - d(e, "r"));
                    x(e, w, d(e, "cx") + d(e, "r"));
                    y(e, h, d(e, "cy") - d(e, "r"));
                    y(e, h, d(e, "cy") + d(e, "r"));
                }
                case "polyline", "polygon" -> {
                    for (String p : e.getAttribute("points").trim().split("\\s+")) {
                        if (p.isEmpty()) {
                            continue;
                        }
                        String[] xy = p.split(",");
                        x(e, w, Double.parseDouble(xy[0]));
                        y(e, h, Double.parseDouble(xy[1]));
                    }
                }
                case "text" -> text(e, w, h);
                case "title", "svg" -> { }
                default -> fail("unexpected element <" + e.getLocalName() + ">");
            }
        }
        return doc;
    }

    /** Fails if the estimated boxes of two non-empty text elements intersect. */
    static void assertNoTextOverlap(String svg) {
        Document doc = parse(svg);
        NodeList texts = doc.getElementsByTagNameNS("*", "text");
        java.util.List<double[]> boxes = new java.util.ArrayList<>();
        java.util.List<String> names = new java.util.ArrayList<>();
        for (int i = 0; i < texts.getLength(); i++) {
            Element e = (Element) texts.item(i);
            String content = ownText(e);
            if (content.isEmpty()) {
                continue;
            }
            double[] b = box(e, content);
            for (int j = 0; j < boxes.size(); j++) {
                double[] o = boxes.get(j);
                if (b[0] < o[2] - EPS && o[0] < b[2] - EPS && b[1] < o[3] - EPS && o[1] < b[3] - EPS) {
                    fail("text '" + content + "' overlaps '" + names.get(j) + "'");
                }
            }
            boxes.add(b);
            names.add(content);
        }
    }

    private static String ownText(Element e) {
        StringBuilder content = new StringBuilder();
        for (Node c = e.getFirstChild(); c != null; c = c.getNextSibling()) {
            if (c.getNodeType() == Node.TEXT_NODE) {
                content.append(c.getNodeValue());
            }
        }
        return content.toString();
    }

    /** {left, top, right, bottom} of a text element's estimated extent. */
    private static double[] box(Element e, String content) {
        double size = d(e, "font-size");
        double len = TextMetrics.width(content, size, "bold".equals(e.getAttribute("font-weight")));
        double x = d(e, "x");
        double y = d(e, "y");
        if (e.hasAttribute("transform")) {
            return new double[] {x - 0.8 * size, y - len / 2, x + 0.25 * size, y + len / 2};
        }
        double left = switch (e.getAttribute("text-anchor")) {
            case "start" -> x;
            case "end" -> x - len;
            default -> x - len / 2;
        };
        return new double[] {left, y - 0.8 * size, left + len, y + 0.25 * size};
    }

    private static void text(Element e, double w, double h) {
        StringBuilder content = new StringBuilder();
        for (Node c = e.getFirstChild(); c != null; c = c.getNextSibling()) {
            if (c.getNodeType() == Node.TEXT_NODE) {
                content.append(c.getNodeValue());
            }
        }
        double size = d(e, "font-size");
        double len = TextMetrics.width(content.toString(), size, "bold".equals(e.getAttribute("font-weight")));
        double x = d(e, "x");
        double y = d(e, "y");
        String anchor = e.getAttribute("text-anchor");
        if (e.hasAttribute("transform")) {
            assertTrue(e.getAttribute("transform").startsWith("rotate(-90"), e.getAttribute("transform"));
            assertEquals("middle", anchor);
            x(e, w, x - 0.8 * size);
            x(e, w, x + 0.25 * size);
            y(e, h, y - len / 2);
            y(e, h, y + len / 2);
            return;
        }
        double left = switch (anchor) {
            case "start" -> x;
            case "end" -> x - len;
            default -> x - len / 2;
        };
        x(e, w, left);
        x(e, w, left + len);
        y(e, h, y - 0.8 * size);
        y(e, h, y + 0.25 * size);
    }

    private static double d(Element e, String attr) {
        String v = e.getAttribute(attr);
        assertTrue(!v.isEmpty(), "<" + e.getLocalName() + "> lacks " + attr);
        return Double.parseDouble(v);
    }

    private static void x(Element e, double w, double v) {
        if (!(v >= -EPS && v <= w + EPS)) {
            fail("<" + e.getLocalName() + "> at x = " + v + " outside [0, " + w + "]: " + describe(e));
        }
    }

    private static void y(Element e, double h, double v) {
        if (!(v >= -EPS && v <= h + EPS)) {
            fail("<" + e.getLocalName() + "> at y = " + v + " outside [0, " + h + "]: " + describe(e));
        }
    }

    private static String describe(Element e) {
        return e.getTextContent() + " " + e.getAttribute("points");
    }
}
