package dev.sommelier.tools.gui;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.sommelier.tasks.data.synthetic.FileFormat;
import dev.sommelier.tasks.data.synthetic.Layout;
import dev.sommelier.tasks.data.synthetic.ShapeImages;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * The window's Compare job without a window, on 2 x 10 generated shapes: the form's checks, Stop
 * between runs, the same form again resuming with the run not yet trained, progress over all
 * runs, and the outcome with its page.
 */
class GuiCompareTaskTest {

  @TempDir Path tmp;

  @Test
  void stopEndsBetweenRunsAndTheSameFormAgainTrainsOnlyTheRest() throws Exception {
    Path shapes = tmp.resolve("shapes");
    new ShapeImages(2, 10, 32, FileFormat.PNG, Layout.CLASS_FOLDERS, 5).writeTo(shapes);
    CompareForm form = new CompareForm(shapes.toString(), "pixels, simple_cnn",
        "none", "2", "32", "", tmp.resolve("which").toString());
    CompareTask first = new CompareTask(form.comparison());
    List<JobEvent> events = new ArrayList<>();
    JobOutcome stopped = first.run(e -> {
      events.add(e);
      if (e instanceof JobEvent.Progress p && p.status().contains("Epoch")) {
        first.stop(); // during the first run: it finishes, the second does not start
      }
    });
    assertEquals(new JobOutcome.Stopped("Stopped before run 2 of 2 (simple_cnn);"
        + " the runs trained so far are kept, and starting the same comparison again goes on"
        + " from there"), stopped);
    assertTrue(Files.isRegularFile(tmp.resolve("which/pixels/report.json")));
    assertTrue(Files.notExists(tmp.resolve("which/simple_cnn")));
    List<String> logs = lines(events);
    assertTrue(logs.contains("Run 1 of 2: pixels (pixels)"), logs.toString());
    assertTrue(logs.stream().anyMatch(l -> l.startsWith("pixels: Epoch 2/2: loss ")),
        logs.toString());

    events.clear();
    JobOutcome.Compared done =
        (JobOutcome.Compared) new CompareTask(form.comparison()).run(events::add);
    logs = lines(events);
    assertTrue(logs.contains("Run 1 of 2: pixels (pixels) finished earlier in "
        + tmp.resolve("which/pixels") + ", not run again"), logs.toString());
    assertTrue(logs.stream().anyMatch(l -> l.startsWith("McNemar: ")), logs.toString());
    List<JobEvent.Progress> progress = events.stream()
        .filter(JobEvent.Progress.class::isInstance).map(JobEvent.Progress.class::cast).toList();
    // 12 training images in batches of 32: one step an epoch; run 2 covers the second half
    List<JobEvent.Progress> steps = progress.stream()
        .filter(p -> p.status().startsWith("Run 2/2 (simple_cnn) · Epoch"))
        .toList();
    assertEquals(2, steps.size(), progress.toString());
    assertEquals(0.75, steps.get(0).fraction(), 1e-9);
    assertEquals(1.0, steps.get(1).fraction(), 1e-9);
    assertEquals(tmp.resolve("which/compare/index.html"), done.page());
    assertTrue(Files.isRegularFile(done.page()));
    assertEquals(List.of("pixels", "simple_cnn"),
        done.result().runs().stream().map(r -> r.name()).toList());
  }

  @Test
  void theFormNamesTheFieldToFix() throws Exception {
    Path data = Files.createDirectories(tmp.resolve("data"));
    String out = tmp.resolve("out").toString();
    assertEquals("choose the data folder", message(new CompareForm("", "pixels,simple_cnn",
        "none", "2", "", "", out)));
    assertEquals("epochs must be a whole number of at least 1, got 'x'", message(
        new CompareForm(data.toString(), "pixels", "none", "x", "", "", out)));
    assertEquals("name the backbones to compare, or choose a runs file", message(
        new CompareForm(data.toString(), " ", "none", "2", "", "", out)));
    Path runs = tmp.resolve("runs.yaml");
    assertEquals("no file at " + runs.toAbsolutePath() + " (runs file)", message(
        new CompareForm(data.toString(), "pixels", "none", "2", "", runs.toString(), out)));
    assertEquals("choose the output folder", message(
        new CompareForm(data.toString(), "pixels", "none", "2", "", "", " ")));
  }

  private static String message(CompareForm form) {
    return assertThrows(IllegalArgumentException.class, form::comparison).getMessage();
  }

  private static List<String> lines(List<JobEvent> events) {
    return events.stream().filter(JobEvent.Log.class::isInstance)
        .map(e -> ((JobEvent.Log) e).line()).toList();
  }
}
