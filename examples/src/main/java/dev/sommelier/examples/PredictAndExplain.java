package dev.sommelier.examples;

import dev.sommelier.api.ImageModel;
import dev.sommelier.api.Sommelier;
import dev.sommelier.tasks.data.ImageDecodeException;
import dev.sommelier.tasks.eval.ClassProbability;
import dev.sommelier.tasks.predict.HeatMap;
import dev.sommelier.tasks.predict.Prediction;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import javax.imageio.ImageIO;

/**
 * Example 1: loads a trained model, prints each image's most probable classes (or value) and
 * where its Grad-CAM map peaks, and writes the map over the image as a PNG.
 *
 * <pre>
 * java -cp target/sommelier-examples.jar dev.sommelier.examples.PredictAndExplain \
 *     [--out=DIR] MODEL_DIR IMAGE...
 * </pre>
 *
 * <p>{@code --out} is the folder of the overlays ({@code overlays} unless given); each image's is
 * {@code DIR/<image name>-gradcam.png}. An image that cannot be read is reported and skipped;
 * the exit status is 1 when any was.
 */
public final class PredictAndExplain {

  private static final int TOP = 3;

  private PredictAndExplain() {}

  /** Runs the example; see the class comment for the arguments. */
  public static void main(String[] args) throws IOException {
    Path out = Path.of("overlays");
    List<String> positional = new ArrayList<>();
    for (String arg : args) {
      if (arg.startsWith("--out=")) {
        out = Path.of(arg.substring("--out=".length()));
      } else {
        positional.add(arg);
      }
    }
    if (positional.size() < 2) {
      System.err.println("usage: PredictAndExplain [--out=DIR] MODEL_DIR IMAGE...");
      System.exit(2);
    }
    Files.createDirectories(out);
    int failed = 0;
    try (ImageModel model = Sommelier.load(Path.of(positional.get(0)))) {
      for (String file : positional.subList(1, positional.size())) {
        Path image = Path.of(file);
        try {
          HeatMap explained = model.explain(image);
          System.out.println(describe(explained));
          Path overlay = out.resolve(baseName(image) + "-gradcam.png");
          writePng(explained, overlay);
          System.out.println("  overlay: " + overlay);
        } catch (ImageDecodeException e) {
          System.out.println(file + ": skipped, " + e.reason());
          failed++;
        }
      }
    }
    System.exit(failed == 0 ? 0 : 1);
  }

  private static String describe(HeatMap explained) {
    Prediction p = explained.prediction();
    StringBuilder s = new StringBuilder(p.id()).append(':');
    if (p.classes().isEmpty()) {
      s.append(String.format(Locale.ROOT, " value %.4f", p.value()));
    }
    for (ClassProbability c : p.classes().subList(0, Math.min(TOP, p.classes().size()))) {
      s.append(String.format(Locale.ROOT, " %s %.4f", c.name(), c.probability()));
    }
    s.append(String.format(Locale.ROOT, "%n  Grad-CAM peak at x=%d y=%d of %dx%d",
        explained.peak().x(), explained.peak().y(), explained.image().width(),
        explained.image().height()));
    return s.toString();
  }

  /** Writes the overlay to a temporary file beside {@code target}, then moves it into place. */
  private static void writePng(HeatMap explained, Path target) throws IOException {
    Path tmp = Files.createTempFile(target.toAbsolutePath().getParent(), ".overlay-", ".png");
    try {
      if (!ImageIO.write(explained.overlay(), "png", tmp.toFile())) {
        throw new IOException("no PNG writer in this JDK for " + target);
      }
      Files.move(tmp, target, StandardCopyOption.REPLACE_EXISTING,
          StandardCopyOption.ATOMIC_MOVE);
    } finally {
      Files.deleteIfExists(tmp);
    }
  }

  private static String baseName(Path image) {
    String name = image.getFileName().toString();
    int dot = name.lastIndexOf('.');
    return dot > 0 ? name.substring(0, dot) : name;
  }
}
