package dev.sommelier.tasks.jobs.explain;

import dev.sommelier.backbones.BackboneRegistry;
import dev.sommelier.tasks.data.RgbImage;
import dev.sommelier.tasks.eval.ClassProbability;
import dev.sommelier.tasks.eval.PredictionDecoder;
import dev.sommelier.tasks.explain.CamMap;
import dev.sommelier.tasks.explain.faithfulness.DeletionMetric;
import dev.sommelier.tasks.explain.faithfulness.Faithfulness;
import dev.sommelier.tasks.explain.faithfulness.FaithfulnessSummary;
import dev.sommelier.tasks.explain.render.ContactSheet;
import dev.sommelier.tasks.explain.render.Overlay;
import dev.sommelier.tasks.jobs.FolderTruth;
import dev.sommelier.tasks.jobs.ImageInputs;
import dev.sommelier.tasks.jobs.InputBatches;
import dev.sommelier.tasks.jobs.JobJson;
import dev.sommelier.tasks.jobs.NoImageReadException;
import dev.sommelier.tasks.jobs.SkippedImage;
import dev.sommelier.tasks.model.ModelInput;
import dev.sommelier.tasks.model.ModelStore;
import dev.sommelier.tasks.model.TaskModel;
import java.awt.image.BufferedImage;
import java.io.IOException;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Locale;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Explains image files with a saved model: for each image and each explained target (a named
 * class, the most probable classes, or a regressor's value) the heat map over the image, the raw
 * map as 16-bit PNG and CSV, the map's peak and its deletion curves against a random baseline;
 * per run a contact sheet and {@code explanations.json}. An image in a folder named after one of
 * the model's classes ({@link FolderTruth}) is marked right or wrong (a wrong answer's row on the
 * sheet is framed in red), and the result has the accuracy over those. Images that cannot be
 * decoded are skipped, logged and listed; when none can be, the job fails ({@link
 * InputBatches}).
 */
public final class ExplainJob {

  /** Rows per contact sheet. */
  static final int SHEET_ROWS = 50;

  private static final Logger LOG = LoggerFactory.getLogger(ExplainJob.class);
  private static final int SHOWN_CLASSES = 5;

  private final ExplainSettings settings;

  /** A job for {@code settings}. */
  public ExplainJob(ExplainSettings settings) {
    this.settings = settings;
  }

  /**
   * Runs the job.
   *
   * @throws IllegalArgumentException when the model directory or an input does not exist, there
   *     are no images, the class is unknown or the layer is not in the model
   * @throws NoImageReadException when none of the images can be decoded
   * @throws IOException when a folder cannot be listed or a file cannot be written
   */
  public ExplainResult run() throws IOException {
    ExplainSettings s = settings;
    List<String> classes = ModelStore.card(s.model()).config().classes();
    int fixedClass = classIndex(s.className(), classes);
    if (classes.isEmpty() && s.top() > 1) {
      throw new IllegalArgumentException("a regression model has one value to explain, not a top "
          + s.top());
    }
    List<Path> files = ImageInputs.expand(s.inputs());
    List<ExplainedImage> explained = new ArrayList<>();
    List<SkippedImage> skipped;
    List<Faithfulness> curves = new ArrayList<>();
    ContactSheetPages sheets = new ContactSheetPages(s.out(), SHEET_ROWS);
    String layer;
    try (TaskModel model = ModelStore.load(s.model(), BackboneRegistry.load(), s.device(),
        s.inference())) {
      TargetMaps targetMaps = TargetMaps.of(model, s.layer(), s.method());
      layer = targetMaps.layer();
      ExplanationWriter writer =
          new ExplanationWriter(model, new DeletionMetric(s.deletionSteps()));
      int size = model.config().inputSize();
      int per = size * size * 3;
      skipped = InputBatches.read(files, classes, s.batchSize(), batch -> {
        int n = batch.size();
        float[] pixels =
            ModelInput.pixels(model, batch.stream().map(InputBatches.InputImage::image).toList());
        TargetMaps.Batch cams = targetMaps.explain(pixels, n, fixedClass, s.top());
        for (int i = 0; i < n; i++) {
          InputBatches.InputImage input = batch.get(i);
          int number = input.number();
          RgbImage image = input.image();
          float[] own = Arrays.copyOfRange(pixels, i * per, (i + 1) * per);
          List<Explanation> explanations = new ArrayList<>();
          List<BufferedImage> overlays = new ArrayList<>();
          for (int r = 0; r < cams.columns()[i].length; r++) {
            int column = cams.columns()[i][r];
            CamMap map = cams.maps()[i][r];
            Path base = s.out().resolve(baseName(number, input.file(),
                classes.isEmpty() ? "value" : classes.get(column)));
            ExplanationWriter.Written w = writer.write(image, own, map, column, base,
                s.seed() + (long) number * s.top() + r);
            explanations.add(w.explanation());
            overlays.add(w.overlay());
            curves.add(w.explanation().faithfulness());
          }
          float[] out = cams.outputs()[i];
          List<ClassProbability> top = classes.isEmpty() ? null
              : PredictionDecoder.decode(out, classes).subList(0, Math.min(SHOWN_CLASSES,
                  classes.size()));
          String trueClass = input.trueClass();
          ExplainedImage e = new ExplainedImage(input.file().toString(), image.width(),
              image.height(), top, classes.isEmpty() ? out[0] : null, trueClass,
              top == null ? null : FolderTruth.correct(trueClass, top.get(0).name()),
              explanations);
          explained.add(e);
          sheets.add(new ContactSheet.Row(Overlay.of(image), overlays, sheetLines(e),
              Boolean.FALSE.equals(e.correct())));
        }
      });
    }
    ExplainResult result = new ExplainResult(s.model(), s.out(),
        s.out().resolve("explanations.json"), sheets.finish(), layer, s.method(), explained,
        skipped, FaithfulnessSummary.of(curves));
    JobJson.write(result.json(), result);
    LOG.info("explained {} images with {} at layer {}, skipped {}; deletion AUC map {} vs random"
        + " {}", explained.size(), s.model(), layer, skipped.size(),
        result.faithfulness().mapAuc(), result.faithfulness().randomAuc());
    return result;
  }

  /** The index of {@code name} in {@code classes}, or -1 for none. */
  private static int classIndex(String name, List<String> classes) {
    if (name == null) {
      return -1;
    }
    int i = classes.indexOf(name);
    if (i < 0) {
      throw new IllegalArgumentException(classes.isEmpty()
          ? "a regression model has no classes; leave out the class"
          : "no class '" + name + "' in the model; its classes are " + classes);
    }
    return i;
  }

  /** {@code 0007-cat-tabby}: the input's number keeps names of same-named inputs apart. */
  private static String baseName(int number, Path file, String target) {
    String name = file.getFileName().toString();
    int dot = name.lastIndexOf('.');
    String stem = dot > 0 ? name.substring(0, dot) : name;
    return String.format(Locale.ROOT, "%04d-%s-%s", number + 1, safe(stem), safe(target));
  }

  private static String safe(String s) {
    return s.replaceAll("[^A-Za-z0-9._-]+", "_");
  }

  private static List<String> sheetLines(ExplainedImage e) {
    List<String> lines = new ArrayList<>();
    lines.add(Path.of(e.file()).getFileName().toString());
    if (e.correct() != null) {
      lines.add((e.correct() ? "right" : "WRONG") + ", true: " + e.trueClass());
    }
    if (e.classes() == null) {
      lines.add(String.format(Locale.ROOT, "value %.4f", e.value()));
    } else {
      for (ClassProbability c : e.classes()) {
        lines.add(String.format(Locale.ROOT, "%s  %.3f", c.name(), c.probability()));
      }
    }
    for (Explanation x : e.explanations()) {
      lines.add(String.format(Locale.ROOT, "%s: deletion AUC %.3f, random %.3f",
          x.target(), x.faithfulness().map().auc(), x.faithfulness().random().auc()));
    }
    return lines;
  }
}
