package dev.sommelier.tools.report;

import dev.sommelier.core.AtomicFiles;
import dev.sommelier.tasks.jobs.explain.FaithfulnessResult;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.util.LinkedHashMap;
import java.util.Locale;
import java.util.Map;

/** The faithfulness benchmark as one self-contained HTML page, in the run report's style. */
public final class FaithfulnessPage {

  private FaithfulnessPage() {}

  /** Writes the page to {@code file} and returns it. */
  public static Path write(FaithfulnessResult r, Path file) throws IOException {
    Html h = new Html("Faithfulness of " + r.methods().size() + " explanation methods");
    h.h1("Which explanation to believe").subtitle("Model " + r.model() + ", " + r.images()
        + " images, curves in " + r.steps() + " steps");
    Map<String, String> cards = new LinkedHashMap<>();
    cards.put("images", Integer.toString(r.images()));
    cards.put("with a box", Integer.toString(r.boxedImages()));
    cards.put("forward ms/img", String.format(Locale.ROOT, "%.2f", r.forwardMsPerImage()));
    h.cards(cards);
    h.h2("Methods").table(FaithfulnessTable.header(r), FaithfulnessTable.rows(r), -1);
    h.list(FaithfulnessTable.legend());
    String html = h.finish();
    AtomicFiles.write(file, out -> out.write(html.getBytes(StandardCharsets.UTF_8)));
    return file;
  }
}
