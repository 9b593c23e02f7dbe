package dev.sommelier.tasks.jobs.explain;

import dev.sommelier.core.AtomicFiles;
import dev.sommelier.tasks.data.RgbImage;
import dev.sommelier.tasks.explain.CamMap;
import dev.sommelier.tasks.explain.CamMaps;
import dev.sommelier.tasks.explain.faithfulness.DeletionMetric;
import dev.sommelier.tasks.explain.faithfulness.Faithfulness;
import dev.sommelier.tasks.explain.render.Overlay;
import dev.sommelier.tasks.explain.render.RawMapFiles;
import dev.sommelier.tasks.model.TaskModel;
import java.awt.image.BufferedImage;
import java.io.IOException;
import java.nio.file.Path;

/**
 * Turns one map of one image into its files ({@code NAME-overlay.png}, {@code NAME-map16.png},
 * {@code NAME-map.csv}, {@code NAME-map.npy}), its peak in the original image's pixels and its deletion curves.
 */
final class ExplanationWriter {

  /**
   * An explanation and its overlay (for the contact sheet).
   *
   * @param explanation what goes into {@code explanations.json}
   * @param overlay the heat map over the original image
   */
  record Written(Explanation explanation, BufferedImage overlay) {}

  private final TaskModel model;
  private final DeletionMetric deletion;

  ExplanationWriter(TaskModel model, DeletionMetric deletion) {
    this.model = model;
    this.deletion = deletion;
  }

  /**
   * Writes one explanation.
   *
   * @param image the original image
   * @param pixels the image at the model's input size, HWC floats in [0, 255]
   * @param map the map
   * @param column the explained class index, or 0 for a value
   * @param base the files' path without the suffix
   * @param seed seeds the deletion metric's random order
   */
  Written write(RgbImage image, float[] pixels, CamMap map, int column, Path base, long seed)
      throws IOException {
    float[] heat = CamMaps.upsample(map, image.height(), image.width());
    CamMaps.Peak peak = CamMaps.peak(map, image.height(), image.width());
    BufferedImage overlay = Overlay.blend(image, heat, Overlay.DEFAULT_ALPHA);
    Path overlayFile = sibling(base, "-overlay.png");
    Path png = sibling(base, "-map16.png");
    Path csv = sibling(base, "-map.csv");
    Path npy = sibling(base, "-map.npy");
    AtomicFiles.writePng(overlayFile, overlay);
    RawMapFiles.writePng16(png, map);
    RawMapFiles.writeCsv(csv, map);
    RawMapFiles.writeNpy(npy, map);
    int size = model.config().inputSize();
    Faithfulness f = deletion.measure(pixels, size, size, CamMaps.upsample(map, size, size),
        new TargetScorer(model, column), seed);
    return new Written(new Explanation(map.target(), map.score(), peak.x(), peak.y(),
        overlayFile, png, csv, npy, f), overlay);
  }

  private static Path sibling(Path base, String suffix) {
    return base.resolveSibling(base.getFileName() + suffix);
  }
}
