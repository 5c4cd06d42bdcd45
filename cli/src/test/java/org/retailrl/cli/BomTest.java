package org.retailrl.cli;

import static org.junit.jupiter.api.Assertions.assertEquals;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.TreeSet;
import javax.xml.parsers.DocumentBuilderFactory;
import org.junit.jupiter.api.Test;
import org.w3c.dom.Document;
import org.w3c.dom.Element;
import org.w3c.dom.Node;
import org.w3c.dom.NodeList;

/**
 * The bill of materials has no parent (so importing it pins nothing but retailrl's artifacts);
 * this keeps it in step with the reactor: the same version, and exactly one managed entry per
 * module that builds an artifact.
 */
class BomTest {
    private static final Path ROOT = Path.of("..").toAbsolutePath().normalize();

    @Test
    void bomManagesEveryReactorArtifactAtTheReactorVersion() throws Exception {
        Element root = parse(ROOT.resolve("pom.xml"));
        Element bom = parse(ROOT.resolve("bom/pom.xml"));
        assertEquals(text(root, "version"), text(bom, "version"), "bom/pom.xml version must equal the parent's");
        TreeSet<String> artifacts = new TreeSet<>();
        for (String module : children(root, "modules", "module")) {
            if (!module.equals("bom")) {
                artifacts.add(text(parse(ROOT.resolve(module).resolve("pom.xml")), "artifactId"));
            }
        }
        TreeSet<String> managed = new TreeSet<>();
        Element dm = child(bom, "dependencyManagement");
        NodeList deps = child(dm, "dependencies").getElementsByTagName("dependency");
        for (int i = 0; i < deps.getLength(); i++) {
            Element d = (Element) deps.item(i);
            assertEquals("org.retailrl", text(d, "groupId"));
            assertEquals("${project.version}", text(d, "version"));
            managed.add(text(d, "artifactId"));
        }
        assertEquals(artifacts, managed, "bom/pom.xml must manage exactly the reactor's artifacts");
    }

    private static Element parse(Path pom) throws Exception {
        DocumentBuilderFactory f = DocumentBuilderFactory.newInstance();
        f.setFeature("http://apache.org/xml/features/disallow-doctype-decl", true);
        Document d = f.newDocumentBuilder().parse(Files.newInputStream(pom));
        return d.getDocumentElement();
    }

    private static Element child(Element e, String name) {
        for (Node n = e.getFirstChild(); n != null; n = n.getNextSibling()) {
            if (n instanceof Element c && c.getTagName().equals(name)) {
                return c;
            }
        }
        throw new AssertionError("<" + e.getTagName() + "> has no <" + name + ">");
    }

    private static String text(Element e, String name) {
        return child(e, name).getTextContent().trim();
    }

    private static List<String> children(Element e, String list, String item) {
        List<String> out = new ArrayList<>();
        for (Node n = child(e, list).getFirstChild(); n != null; n = n.getNextSibling()) {
            if (n instanceof Element c && c.getTagName().equals(item)) {
                out.add(c.getTextContent().trim());
            }
        }
        return out;
    }
}
