package dev.sommelier.backbones;

/**
 * How a backbone expects its input pixels, as Keras's {@code preprocess_input} modes define it.
 * Input is RGB in [0, 255], NHWC, row-major; the transform is done in place over a bulk array.
 */
public enum Preprocessing {
  /** Keras {@code caffe}: RGB to BGR, then minus the ImageNet BGR means; no scaling (ResNet50). */
  CAFFE("caffe: RGB->BGR, minus ImageNet means (103.939, 116.779, 123.68)"),
  /** Keras {@code tf}: x / 127.5 - 1, giving [-1, 1] (MobileNet). */
  TF("tf: x/127.5 - 1"),
  /** x / 255, giving [0, 1] (the plain-MLP baseline). */
  UNIT("unit: x/255"),
  /** Pixels as they are, [0, 255]. */
  NONE("none: pixels in [0, 255]");

  private static final float[] BGR_MEANS = {103.939f, 116.779f, 123.68f};
  private final String description;

  Preprocessing(String description) {
    this.description = description;
  }

  /** Human-readable description of the transform. */
  public String description() {
    return description;
  }

  /** Transforms interleaved RGB pixels (length a multiple of 3) in place. */
  public void applyInPlace(float[] rgb) {
    switch (this) {
      case CAFFE -> {
        for (int i = 0; i + 2 < rgb.length; i += 3) {
          float r = rgb[i];
          rgb[i] = rgb[i + 2] - BGR_MEANS[0];
          rgb[i + 1] = rgb[i + 1] - BGR_MEANS[1];
          rgb[i + 2] = r - BGR_MEANS[2];
        }
      }
      case TF -> {
        for (int i = 0; i < rgb.length; i++) {
          rgb[i] = rgb[i] / 127.5f - 1f;
        }
      }
      case UNIT -> {
        for (int i = 0; i < rgb.length; i++) {
          rgb[i] = rgb[i] / 255f;
        }
      }
      case NONE -> {
        // nothing to do
      }
    }
  }
}
