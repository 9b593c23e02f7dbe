package dev.sommelier.tasks.predict;

import dev.sommelier.tasks.data.RgbImage;
import dev.sommelier.tasks.explain.CamMap;
import dev.sommelier.tasks.explain.CamMaps;
import dev.sommelier.tasks.explain.render.Overlay;
import java.awt.image.BufferedImage;

/**
 * A prediction and the class-activation map that explains it, tied to the original image so that
 * the map can be shown at the image's own resolution.
 *
 * @param prediction what the model said about the image
 * @param map the map at the explained layer's resolution, in [0, 1]
 * @param image the original image
 */
public record HeatMap(Prediction prediction, CamMap map, RgbImage image) {

  /** The map upsampled (bilinear) to the original image, row-major {@code height * width}. */
  public float[] upsampled() {
    return CamMaps.upsample(map, image.height(), image.width());
  }

  /** Where the map is highest, in the original image's pixels. */
  public CamMaps.Peak peak() {
    return CamMaps.peak(map, image.height(), image.width());
  }

  /** The map in the JET colour map blended over the original image. */
  public BufferedImage overlay() {
    return Overlay.blend(image, upsampled(), Overlay.DEFAULT_ALPHA);
  }
}
