package dev.sommelier.tasks.jobs;

import dev.sommelier.backbones.BackboneRegistry;
import dev.sommelier.backbones.Preprocessing;
import dev.sommelier.core.Device;
import dev.sommelier.core.Tensors;
import dev.sommelier.core.WeightAssigner;
import dev.sommelier.core.layers.BatchNormMode;
import dev.sommelier.heads.HeadSpec;
import dev.sommelier.heads.Pooling;
import dev.sommelier.tasks.model.ModelConfig;
import dev.sommelier.tasks.model.ModelStore;
import dev.sommelier.tasks.model.TaskModel;
import java.awt.image.BufferedImage;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import javax.imageio.ImageIO;
import org.tensorflow.ndarray.Shape;
import org.tensorflow.types.TFloat32;

/**
 * A saved two-class model whose answers are known without training (tests only): the pixels
 * backbone (pixels scaled to [0, 1]), global average pooling and a Dense layer set by hand so that
 * the {@code light} logit is {@code 10 * (r + g + b) - 15} against 0 for {@code dark}. An image is
 * {@code light} when it is brighter than mid-grey (grey level above 127.5), else {@code dark}.
 */
public final class BrightnessModel {

  /** The classes, in index order. */
  public static final List<String> CLASSES = List.of("dark", "light");

  /** A grey level the model calls dark. */
  public static final int DARK = 40;

  /** A grey level the model calls light. */
  public static final int LIGHT = 215;

  private BrightnessModel() {}

  /** Saves the model to {@code dir} and returns {@code dir}. */
  public static Path save(Path dir) {
    return save(dir, null);
  }

  /**
   * Saves the model with its own preprocessing {@code own} (as an imported Keras model's
   * preprocessing layers; null: the backbone's, pixels scaled to [0, 1]) to {@code dir} and
   * returns {@code dir}.
   */
  public static Path save(Path dir, Preprocessing own) {
    ModelConfig config = new ModelConfig("pixels", 8, HeadSpec.softmax(2, Pooling.GAP, 0f),
        CLASSES, BatchNormMode.FROZEN, 1, own);
    try (TaskModel model = TaskModel.create(config, BackboneRegistry.load(), Device.CPU);
        TFloat32 kernel = Tensors.of(Shape.of(3, 2), new float[] {0, 10, 0, 10, 0, 10});
        TFloat32 bias = Tensors.of(Shape.of(2), new float[] {0, -15})) {
      new WeightAssigner(model.runtime())
          .assign(Map.of("predictions/kernel", kernel, "predictions/bias", bias));
      ModelStore.save(model, dir, Map.of());
    }
    return dir;
  }

  /** Writes a uniformly grey 12x10 PNG of {@code level} to {@code file}, making its folders. */
  public static Path greyImage(Path file, int level) throws IOException {
    BufferedImage image = new BufferedImage(12, 10, BufferedImage.TYPE_INT_RGB);
    for (int y = 0; y < 10; y++) {
      for (int x = 0; x < 12; x++) {
        image.setRGB(x, y, level << 16 | level << 8 | level);
      }
    }
    Files.createDirectories(file.getParent());
    ImageIO.write(image, "png", file.toFile());
    return file;
  }
}
