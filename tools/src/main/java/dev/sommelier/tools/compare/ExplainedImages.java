package dev.sommelier.tools.compare;

import dev.sommelier.tasks.explain.pointing.ObjectBoxes;
import dev.sommelier.tasks.explain.pointing.PointingGame;
import dev.sommelier.tasks.jobs.explain.ExplainJob;
import dev.sommelier.tasks.jobs.explain.ExplainResult;
import dev.sommelier.tasks.jobs.explain.ExplainSettings;
import dev.sommelier.tasks.jobs.explain.ExplainedImage;
import dev.sommelier.tasks.jobs.explain.Explanation;
import java.awt.Rectangle;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * The same test images explained by every run (Grad-CAM at each model's default layer, with the
 * deletion metric and, where the images have object boxes, the pointing game), for the
 * comparison's side-by-side grid.
 */
final class ExplainedImages {

  private static final Logger LOG = LoggerFactory.getLogger(ExplainedImages.class);

  private ExplainedImages() {}

  /**
   * Up to {@code n} of the evaluated images, evenly spread over them (the test part lists its
   * images class by class, so the picks cover the classes); only ids that are image files
   * (folder and file-name data) can be explained.
   */
  static List<Path> pick(List<String> ids, int n) {
    List<Path> files = ids.stream().map(Path::of).filter(Files::isRegularFile).toList();
    List<Path> picked = new ArrayList<>();
    int count = Math.min(n, files.size());
    for (int i = 0; i < count; i++) {
      picked.add(files.get((int) ((long) i * files.size() / count)));
    }
    if (n > 0 && files.isEmpty()) {
      LOG.warn("the evaluated images are not files of their own (CSV or CIFAR data?): no"
          + " explanations side by side");
    }
    return picked;
  }

  /** Each image's folder name, the class of class-folder data. */
  static List<String> trueClasses(List<Path> images) {
    return images.stream().map(p -> p.getParent() == null ? ""
        : p.getParent().getFileName().toString()).toList();
  }

  /**
   * Explains {@code images} with every run's model, writing each run's explanations to {@code
   * dir/NAME}, each map's peak checked against the image's {@code boxes}. A run that cannot be
   * explained gets a problem instead of cells.
   */
  static List<RunExplanations> explain(List<PlannedRun> runs, List<Path> images, Path dir,
      ObjectBoxes boxes) throws IOException {
    List<RunExplanations> all = new ArrayList<>();
    if (images.isEmpty()) {
      return all;
    }
    for (PlannedRun r : runs) {
      ExplainSettings settings = ExplainSettings.builder(r.settings().out().resolve("model"),
          images, dir.resolve(r.name())).seed(r.settings().seed())
          .device(r.settings().device()).build();
      ExplainResult result;
      try {
        result = new ExplainJob(settings).run();
      } catch (IllegalArgumentException | IllegalStateException e) {
        LOG.warn("run {} cannot be explained: {}", r.name(), e.getMessage());
        all.add(new RunExplanations(r.name(), List.of(), Double.NaN, null, e.getMessage()));
        continue;
      }
      all.add(cells(r.name(), result, images, boxes));
    }
    return all;
  }

  private static RunExplanations cells(String run, ExplainResult result, List<Path> images,
      ObjectBoxes boxes) {
    Map<String, ExplainedImage> byFile = new HashMap<>();
    result.images().forEach(i -> byFile.put(i.file(), i));
    List<ExplainedCell> cells = new ArrayList<>();
    double sum = 0;
    int boxed = 0;
    int hits = 0;
    for (Path image : images) {
      ExplainedImage i = byFile.get(image.toString());
      if (i == null || i.explanations().isEmpty()) {
        return new RunExplanations(run, List.of(), Double.NaN, null,
            image + " was not explained");
      }
      Explanation e = i.explanations().get(0);
      double auc = e.faithfulness().map().auc();
      sum += auc;
      List<Rectangle> own = boxes.of(image);
      Boolean inBox = own.isEmpty() ? null : PointingGame.hit(own, e.peakX(), e.peakY());
      boxed += inBox == null ? 0 : 1;
      hits += Boolean.TRUE.equals(inBox) ? 1 : 0;
      boolean classes = i.classes() != null;
      cells.add(new ExplainedCell(classes ? i.classes().get(0).name() : String.valueOf(i.value()),
          classes ? i.classes().get(0).probability() : Float.NaN,
          Boolean.TRUE.equals(i.correct()), e.overlay(), auc, e.peakX(), e.peakY(), inBox));
    }
    return new RunExplanations(run, cells, sum / cells.size(),
        boxed == 0 ? null : PointingGame.of(hits, boxed), null);
  }
}
