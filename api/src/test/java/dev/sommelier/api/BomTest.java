package dev.sommelier.api;

import static org.junit.jupiter.api.Assertions.assertEquals;

import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import javax.xml.parsers.DocumentBuilderFactory;
import org.junit.jupiter.api.Test;
import org.w3c.dom.Document;
import org.w3c.dom.Element;
import org.w3c.dom.Node;
import org.w3c.dom.NodeList;

/**
 * The BOM, which has no parent so that it pins nothing but Sommelier and TensorFlow in an
 * application, carries the reactor's version and lists every module an application can get.
 */
class BomTest {

  private static final Path ROOT =
      Path.of(System.getProperty("sommelier.fixtures")).getParent();

  @Test
  void theBomHasTheReactorsVersionAndEveryModuleAnApplicationCanGet() throws Exception {
    Document parent = read(ROOT.resolve("pom.xml"));
    Document bom = read(ROOT.resolve("bom/pom.xml"));
    assertEquals(child(parent.getDocumentElement(), "version"),
        child(bom.getDocumentElement(), "version"));
    List<String> modules = new ArrayList<>();
    NodeList names = parent.getElementsByTagName("module");
    for (int i = 0; i < names.getLength(); i++) {
      String dir = names.item(i).getTextContent().strip();
      if (!dir.equals("tools") && !dir.equals("bom")) {
        Document module = read(ROOT.resolve(dir).resolve("pom.xml"));
        modules.add(child(module.getDocumentElement(), "artifactId"));
      }
    }
    List<String> listed = new ArrayList<>();
    NodeList deps = bom.getElementsByTagName("dependency");
    for (int i = 0; i < deps.getLength(); i++) {
      Element d = (Element) deps.item(i);
      if (child(d, "groupId").equals("dev.sommelier")) {
        listed.add(child(d, "artifactId"));
        assertEquals("${project.version}", child(d, "version"));
      }
    }
    assertEquals(modules.stream().sorted().toList(), listed.stream().sorted().toList());
  }

  private static Document read(Path pom) throws Exception {
    return DocumentBuilderFactory.newInstance().newDocumentBuilder().parse(pom.toFile());
  }

  private static String child(Element e, String name) {
    for (Node n = e.getFirstChild(); n != null; n = n.getNextSibling()) {
      if (n instanceof Element c && c.getTagName().equals(name)) {
        return c.getTextContent().strip();
      }
    }
    throw new AssertionError("no <" + name + "> in <" + e.getTagName() + ">");
  }
}
