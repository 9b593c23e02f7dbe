package dev.sommelier.api;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.StringWriter;
import java.net.URI;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Stream;
import javax.tools.JavaCompiler;
import javax.tools.JavaFileObject;
import javax.tools.SimpleJavaFileObject;
import javax.tools.ToolProvider;
import org.junit.jupiter.api.Test;

/**
 * The code examples of the facade's Javadoc and of the README's "Use it from Java" section
 * compile against the classes they describe: each is wrapped in a method of a class of its own,
 * with the facade's usual imports, and handed to the JDK's compiler with the test class path.
 */
class JavadocExamplesTest {

  private static final Path SOURCES = Path.of("src/main/java/dev/sommelier/api");
  private static final Pattern JAVADOC_CODE =
      Pattern.compile("<pre>\\{@code\\n(.*?)\\n \\* }</pre>", Pattern.DOTALL);
  private static final Pattern README_CODE = Pattern.compile("```java\\n(.*?)```", Pattern.DOTALL);
  private static final List<String> IMPORTS = List.of("dev.sommelier.api.*",
      "dev.sommelier.core.Device", "dev.sommelier.core.Precision",
      "dev.sommelier.tasks.predict.*",
      "dev.sommelier.tasks.jobs.train.*", "dev.sommelier.tasks.train.OptimizerKind",
      "java.io.File", "java.nio.file.Files", "java.nio.file.Path", "javax.imageio.ImageIO");

  @Test
  void everyJavadocExampleOfTheFacadeCompiles() throws Exception {
    List<String> examples = new ArrayList<>();
    try (Stream<Path> files = Files.list(SOURCES)) {
      for (Path file : files.sorted().toList()) {
        Matcher m = JAVADOC_CODE.matcher(Files.readString(file, StandardCharsets.UTF_8));
        while (m.find()) {
          examples.add(m.group(1).replaceAll("(?m)^ \\* ?", ""));
        }
      }
    }
    assertTrue(examples.size() >= 4, "examples found: " + examples.size());
    compile(examples);
  }

  @Test
  void theReadmesJavaForApplicationsCompiles() throws Exception {
    Path readme = Path.of(System.getProperty("sommelier.fixtures")).getParent()
        .resolve("README.md");
    String text = Files.readString(readme, StandardCharsets.UTF_8);
    int start = text.indexOf("\n## Use it from Java");
    assertTrue(start >= 0, "README.md has no '## Use it from Java' section");
    int end = text.indexOf("\n## ", start + 1);
    Matcher m = README_CODE.matcher(text.substring(start, end < 0 ? text.length() : end));
    List<String> examples = new ArrayList<>();
    while (m.find()) {
      examples.add(m.group(1));
    }
    assertEquals(2, examples.size(), "the prediction and the training example");
    compile(examples);
  }

  private static void compile(List<String> examples) {
    List<JavaFileObject> units = new ArrayList<>();
    StringBuilder imports = new StringBuilder();
    IMPORTS.forEach(i -> imports.append("import ").append(i).append(";\n"));
    for (int i = 0; i < examples.size(); i++) {
      String name = "Example" + i;
      String source = "package examples;\n" + imports + "class " + name
          + " {\n  void run() throws Exception {\n" + examples.get(i) + "\n  }\n}\n";
      units.add(new Source(name, source));
    }
    JavaCompiler javac = ToolProvider.getSystemJavaCompiler();
    StringWriter errors = new StringWriter();
    Path classes = Path.of("target", "compiled-examples");
    boolean ok = javac.getTask(errors, null, null,
        List.of("-classpath", System.getProperty("surefire.test.class.path",
            System.getProperty("java.class.path")), "-d", classes.toString(), "-proc:none"),
        null, units).call();
    assertTrue(ok, "the examples do not compile:\n" + errors + "\n" + examples);
  }

  private static final class Source extends SimpleJavaFileObject {
    private final String code;

    Source(String name, String code) {
      super(URI.create("string:///examples/" + name + ".java"), Kind.SOURCE);
      this.code = code;
    }

    @Override
    public CharSequence getCharContent(boolean ignoreEncodingErrors) {
      return code;
    }
  }
}
