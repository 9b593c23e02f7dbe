package dev.sommelier.tasks.jobs.explain;

import dev.sommelier.backbones.BackboneRegistry;
import dev.sommelier.tasks.explain.CamMaps;
import dev.sommelier.tasks.explain.CamResult;
import dev.sommelier.tasks.explain.CamTarget;
import dev.sommelier.tasks.explain.ExplainMethod;
import dev.sommelier.tasks.explain.Explainer;
import dev.sommelier.tasks.explain.faithfulness.FaithfulnessMeans;
import dev.sommelier.tasks.explain.faithfulness.MapFaithfulness;
import dev.sommelier.tasks.explain.faithfulness.MapScores;
import dev.sommelier.tasks.explain.pointing.EnergyInBox;
import dev.sommelier.tasks.explain.pointing.ObjectBoxes;
import dev.sommelier.tasks.explain.pointing.PointingGame;
import dev.sommelier.tasks.jobs.ImageInputs;
import dev.sommelier.tasks.jobs.InputBatches;
import dev.sommelier.tasks.jobs.JobJson;
import dev.sommelier.tasks.jobs.NoImageReadException;
import dev.sommelier.tasks.jobs.SkippedImage;
import dev.sommelier.tasks.model.ModelInput;
import dev.sommelier.tasks.model.ModelStore;
import dev.sommelier.tasks.model.TaskModel;
import java.awt.Rectangle;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Locale;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * The faithfulness benchmark: explains every image with each chosen method (each image's default
 * target: its most probable class, or a regressor's value raising) and measures every map ({@link
 * MapFaithfulness}: deletion and insertion against a random order, ROAD, the average drop and
 * increase in confidence); with object boxes, the pointing game and the map's energy inside the
 * box. Each method's time to make its maps is set against one forward pass of the same batches
 * (every explainer and the forward pass run once on the first image before the clock starts, so
 * that building the gradient graph is not counted). Writes {@code out/faithfulness.json}.
 */
public final class FaithfulnessJob {

  private static final Logger LOG = LoggerFactory.getLogger(FaithfulnessJob.class);

  private final FaithfulnessSettings settings;

  /** A job for {@code settings}. */
  public FaithfulnessJob(FaithfulnessSettings settings) {
    this.settings = settings;
  }

  /** One method's explainer and what it has gathered so far. */
  private static final class Tally {
    final ExplainMethod method;
    final Explainer explainer;
    final List<MapScores> scores = new ArrayList<>();
    long nanos;
    int hits;
    int boxed;
    double energy;

    Tally(ExplainMethod method, Explainer explainer) {
      this.method = method;
      this.explainer = explainer;
    }
  }

  /**
   * Runs the benchmark.
   *
   * @throws IllegalArgumentException when the model directory, an input or a layer does not
   *     exist, or the boxes file is malformed
   * @throws NoImageReadException when none of the images can be decoded
   * @throws IOException when a file cannot be read or written
   */
  public FaithfulnessResult run() throws IOException {
    FaithfulnessSettings s = settings;
    if (s.boxes() != null && !Files.isRegularFile(s.boxes())) {
      throw new IllegalArgumentException("boxes file " + s.boxes() + " does not exist: give a"
          + " CSV of path,x0,y0,x1,y1 (as the drawn logos' boxes.csv)");
    }
    ObjectBoxes boxes = s.boxes() == null ? ObjectBoxes.none() : ObjectBoxes.read(s.boxes());
    List<String> classes = ModelStore.card(s.model()).config().classes();
    List<Path> files = ImageInputs.expand(s.inputs());
    MapFaithfulness measure = new MapFaithfulness(s.steps());
    List<Tally> tallies = new ArrayList<>();
    long[] forward = new long[1];
    int[] counts = new int[2];
    long begun = System.nanoTime();
    List<SkippedImage> skipped;
    try (TaskModel model = ModelStore.load(s.model(), BackboneRegistry.load(), s.device())) {
      for (ExplainMethod m : s.methods()) {
        tallies.add(new Tally(m, m.explainer(model, s.layer())));
      }
      CamTarget target = model.config().output().defaultCamTarget();
      int size = model.config().inputSize();
      int per = size * size * 3;
      skipped = InputBatches.read(files, classes, s.batchSize(), batch -> {
        int n = batch.size();
        float[] pixels =
            ModelInput.pixels(model, batch.stream().map(InputBatches.InputImage::image).toList());
        float[] x = ModelInput.preprocessed(model, pixels);
        if (counts[0] == 0) {
          warmUp(model, tallies, Arrays.copyOf(x, per), target);
        }
        long start = System.nanoTime();
        model.predict(x, n);
        forward[0] += System.nanoTime() - start;
        counts[0] += n;
        for (Tally t : tallies) {
          start = System.nanoTime();
          List<CamResult> maps = t.explainer.explain(x, n, target);
          t.nanos += System.nanoTime() - start;
          for (int i = 0; i < n; i++) {
            InputBatches.InputImage input = batch.get(i);
            CamResult r = maps.get(i);
            t.scores.add(measure.measure(Arrays.copyOfRange(pixels, i * per, (i + 1) * per),
                size, size, CamMaps.upsample(r.map(), size, size),
                new TargetScorer(model, Math.max(0, r.classIndex())),
                s.seed() + input.number()));
            List<Rectangle> box = boxes.of(input.file());
            if (!box.isEmpty()) {
              int h = input.image().height();
              int w = input.image().width();
              CamMaps.Peak peak = CamMaps.peak(r.map(), h, w);
              t.hits += PointingGame.hit(box, peak.x(), peak.y()) ? 1 : 0;
              t.boxed++;
              double share = EnergyInBox.of(CamMaps.upsample(r.map(), h, w), h, w, box);
              t.energy += Double.isNaN(share) ? 0 : share;
            }
          }
          LOG.info("faithfulness: {} measured on {} images ({} of {} methods, {} s in all)",
              t.method.label(), counts[0], tallies.indexOf(t) + 1, tallies.size(),
              String.format(Locale.ROOT, "%.0f", (System.nanoTime() - begun) / 1e9));
        }
        counts[1] += (int) batch.stream().filter(b -> !boxes.of(b.file()).isEmpty()).count();
      });
    }
    double forwardMs = forward[0] / 1e6 / counts[0];
    List<MethodFaithfulness> rows = new ArrayList<>();
    for (Tally t : tallies) {
      double ms = t.nanos / 1e6 / counts[0];
      rows.add(new MethodFaithfulness(t.method.label(), t.explainer.layer(),
          FaithfulnessMeans.of(t.scores), t.boxed == 0 ? null : PointingGame.of(t.hits, t.boxed),
          t.boxed == 0 ? null : t.energy / t.boxed, ms, ms / forwardMs));
    }
    Path json = s.out().resolve("faithfulness.json");
    FaithfulnessResult result = new FaithfulnessResult(s.model(), json, counts[0], counts[1],
        s.boxes(), s.steps(), forwardMs, rows, skipped);
    Files.createDirectories(s.out());
    JobJson.write(json, result);
    LOG.info("faithfulness of {} methods over {} images ({} with boxes) written to {}",
        rows.size(), counts[0], counts[1], json);
    return result;
  }

  /** Runs every explainer and the forward pass once on one image, so graphs are built. */
  private static void warmUp(TaskModel model, List<Tally> tallies, float[] image,
      CamTarget target) {
    model.predict(image, 1);
    for (Tally t : tallies) {
      t.explainer.explain(image, 1, target);
    }
  }
}
