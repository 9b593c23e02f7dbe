package dev.sommelier.tasks.data.augment;

import com.fasterxml.jackson.databind.JsonNode;
import dev.sommelier.backbones.keras.KerasLayer;
import java.util.ArrayList;
import java.util.List;

/**
 * Sommelier's equivalent of the {@code Random*} augmentation layers a Keras model carries before
 * its backbone, so that a model trained further here can be augmented as its author augmented it.
 * Keras draws a new amount for every image, so every operation but the flips runs always
 * (probability 1); the strength is the Keras range over Sommelier's range at strength 1, capped at
 * 1. One {@code affine} stands for rotation, zoom and translation together, at the strongest of the
 * three.
 *
 * <pre>{@code
 * // RandomFlip("horizontal"), RandomRotation(0.1) -> flip,affine:1@1
 * AugmentationConfig a = KerasAugmentation.of(layers).config();
 * }</pre>
 *
 * @param config the equivalent augmentation
 * @param unmatched layers with no equivalent, as {@code name (Class)}
 */
public record KerasAugmentation(AugmentationConfig config, List<String> unmatched) {

  /** Copies the list. */
  public KerasAugmentation {
    unmatched = List.copyOf(unmatched);
  }

  /** The equivalent of {@code layers} (the {@code Random*} layers of a Keras model). */
  public static KerasAugmentation of(List<KerasLayer> layers) {
    AugmentationConfig c = AugmentationConfig.NONE;
    List<String> unmatched = new ArrayList<>();
    double affine = 0;
    for (KerasLayer l : layers) {
      switch (l.className()) {
        case "RandomFlip" -> {
          String mode = l.text("mode", "horizontal_and_vertical");
          if (mode.contains("horizontal")) {
            c = c.with(AugmentOp.FLIP);
          }
          if (mode.contains("vertical")) {
            c = c.with(AugmentOp.VFLIP);
          }
        }
        case "RandomRotation" ->
            affine = Math.max(affine, range(l, "factor") * 360 / AffineWarp.MAX_ROTATION_DEGREES);
        case "RandomZoom" -> affine = Math.max(affine,
            Math.max(range(l, "height_factor"), range(l, "width_factor")) / AffineWarp.MAX_ZOOM);
        case "RandomTranslation" -> affine = Math.max(affine,
            Math.max(range(l, "height_factor"), range(l, "width_factor")) / AffineWarp.MAX_SHIFT);
        case "RandomContrast" ->
            c = c.with(AugmentOp.CONTRAST, 1, capped(range(l, "factor")));
        case "RandomBrightness" -> c = c.with(AugmentOp.BRIGHTNESS, 1,
            capped(range(l, "factor") / Photometric.MAX_BRIGHTNESS));
        default -> unmatched.add(l.name() + " (" + l.className() + ")");
      }
    }
    if (affine > 0) {
      c = c.with(AugmentOp.AFFINE, 1, capped(affine));
    }
    return new KerasAugmentation(c, unmatched);
  }

  /** The largest magnitude of a Keras factor: a number, or a (lower, upper) pair. */
  private static double range(KerasLayer l, String key) {
    JsonNode n = l.config().path(key);
    if (n.has("items")) {
      n = n.get("items");
    }
    if (n.isArray()) {
      double m = 0;
      for (JsonNode v : n) {
        m = Math.max(m, Math.abs(v.asDouble()));
      }
      return m;
    }
    return Math.abs(n.asDouble(0));
  }

  private static double capped(double strength) {
    return Math.min(1, strength);
  }
}
