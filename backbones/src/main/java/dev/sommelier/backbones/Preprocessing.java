package dev.sommelier.backbones;

import com.fasterxml.jackson.annotation.JsonCreator;
import com.fasterxml.jackson.annotation.JsonProperty;
import com.fasterxml.jackson.annotation.JsonValue;
import java.math.BigDecimal;
import java.math.MathContext;
import java.util.Arrays;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/**
 * How a model expects its input pixels: one of Keras's {@code preprocess_input} modes, or a
 * per-channel affine transform {@code x * scale[c] + offset[c]} of RGB pixels, which is what a
 * model's own preprocessing layers ({@code Rescaling}, {@code Normalization}, arithmetic with
 * constants) compute. Input is RGB in [0, 255], NHWC, row-major; the transform is done in place
 * over a bulk array. In JSON: {@code {"mode": "tf"}} or {@code {"mode": "affine", "scale": [...],
 * "offset": [...]}}.
 */
public final class Preprocessing {

  /** Keras {@code caffe}: RGB to BGR, then minus the ImageNet BGR means; no scaling (ResNet50). */
  public static final Preprocessing CAFFE =
      new Preprocessing("caffe", null, null);
  /** Keras {@code tf}: x / 127.5 - 1, giving [-1, 1] (MobileNet). */
  public static final Preprocessing TF = new Preprocessing("tf", null, null);
  /** x / 255, giving [0, 1] (the plain-MLP baseline). */
  public static final Preprocessing UNIT = new Preprocessing("unit", null, null);
  /** Pixels as they are, [0, 255]. */
  public static final Preprocessing NONE = new Preprocessing("none", null, null);

  private static final String AFFINE = "affine";
  private static final List<Preprocessing> MODES = List.of(CAFFE, TF, UNIT, NONE);
  private static final float[] BGR_MEANS = {103.939f, 116.779f, 123.68f};

  private final String name;
  private final float[] scale;
  private final float[] offset;

  private Preprocessing(String name, float[] scale, float[] offset) {
    this.name = name;
    this.scale = scale;
    this.offset = offset;
  }

  /**
   * {@code x * scale[c] + offset[c]} per RGB channel {@code c}.
   *
   * @throws IllegalArgumentException unless both have 3 finite values
   */
  public static Preprocessing affine(float[] scale, float[] offset) {
    if (scale.length != 3 || offset.length != 3) {
      throw new IllegalArgumentException(
          "an affine preprocessing needs 3 scales and 3 offsets (R, G, B), got "
              + Arrays.toString(scale) + " and " + Arrays.toString(offset));
    }
    for (int c = 0; c < 3; c++) {
      if (!Float.isFinite(scale[c]) || !Float.isFinite(offset[c])) {
        throw new IllegalArgumentException("preprocessing scale " + Arrays.toString(scale)
            + " and offset " + Arrays.toString(offset) + " must be finite");
      }
    }
    return new Preprocessing(AFFINE, scale.clone(), offset.clone());
  }

  /** Reads the JSON form: a mode alone ({@code caffe}, {@code tf}, {@code unit}, {@code none}). */
  @JsonCreator
  public static Preprocessing of(
      @JsonProperty("mode") String mode,
      @JsonProperty("scale") float[] scale,
      @JsonProperty("offset") float[] offset) {
    if (AFFINE.equals(mode)) {
      if (scale == null || offset == null) {
        throw new IllegalArgumentException("an affine preprocessing needs its scale and offset");
      }
      return affine(scale, offset);
    }
    return MODES.stream().filter(p -> p.name.equals(mode)).findFirst().orElseThrow(() ->
        new IllegalArgumentException("unknown preprocessing '" + mode + "'; known: caffe, tf, unit,"
            + " none, affine"));
  }

  /** {@code caffe}, {@code tf}, {@code unit}, {@code none} or {@code affine}. */
  public String name() {
    return name;
  }

  /** Human-readable description of the transform. */
  public String description() {
    return switch (name) {
      case "caffe" -> "caffe: RGB->BGR, minus ImageNet means (103.939, 116.779, 123.68)";
      case "tf" -> "tf: x/127.5 - 1";
      case "unit" -> "unit: x/255";
      case "none" -> "none: pixels in [0, 255]";
      default -> "affine: x*" + channels(scale) + (uniform(offset) && offset[0] < 0
          ? " - " + number(-offset[0]) : " + " + channels(offset));
    };
  }

  /**
   * The per-channel {@code (scale, offset)} of RGB pixels this transform is, as {@code
   * {scale[3], offset[3]}}, or empty for {@code caffe}, which also reorders the channels.
   */
  public Optional<float[][]> asAffine() {
    return switch (name) {
      case "caffe" -> Optional.empty();
      case "tf" -> Optional.of(uniform(1 / 127.5f, -1f));
      case "unit" -> Optional.of(uniform(1 / 255f, 0f));
      case "none" -> Optional.of(uniform(1f, 0f));
      default -> Optional.of(new float[][] {scale.clone(), offset.clone()});
    };
  }

  /**
   * True when {@code other} computes the same values up to float rounding (a model's own {@code
   * Rescaling(1/127.5, offset=-1)} is {@link #TF}).
   */
  public boolean sameTransform(Preprocessing other) {
    if (name.equals(other.name) && !name.equals(AFFINE)) {
      return true;
    }
    Optional<float[][]> a = asAffine();
    Optional<float[][]> b = other.asAffine();
    if (a.isEmpty() || b.isEmpty()) {
      return false;
    }
    for (int i = 0; i < 2; i++) {
      for (int c = 0; c < 3; c++) {
        float x = a.get()[i][c];
        float y = b.get()[i][c];
        if (Math.abs(x - y) > 1e-6 * Math.max(1, Math.max(Math.abs(x), Math.abs(y)))) {
          return false;
        }
      }
    }
    return true;
  }

  /** Transforms interleaved RGB pixels (length a multiple of 3) in place. */
  public void applyInPlace(float[] rgb) {
    switch (name) {
      case "caffe" -> {
        for (int i = 0; i + 2 < rgb.length; i += 3) {
          float r = rgb[i];
          rgb[i] = rgb[i + 2] - BGR_MEANS[0];
          rgb[i + 1] = rgb[i + 1] - BGR_MEANS[1];
          rgb[i + 2] = r - BGR_MEANS[2];
        }
      }
      case "tf" -> {
        for (int i = 0; i < rgb.length; i++) {
          rgb[i] = rgb[i] / 127.5f - 1f;
        }
      }
      case "unit" -> {
        for (int i = 0; i < rgb.length; i++) {
          rgb[i] = rgb[i] / 255f;
        }
      }
      case "none" -> {
        // nothing to do
      }
      default -> {
        for (int i = 0; i + 2 < rgb.length; i += 3) {
          rgb[i] = rgb[i] * scale[0] + offset[0];
          rgb[i + 1] = rgb[i + 1] * scale[1] + offset[1];
          rgb[i + 2] = rgb[i + 2] * scale[2] + offset[2];
        }
      }
    }
  }

  /** The JSON form. */
  @JsonValue
  public Map<String, Object> toJson() {
    Map<String, Object> m = new LinkedHashMap<>();
    m.put("mode", name);
    if (name.equals(AFFINE)) {
      m.put("scale", scale.clone());
      m.put("offset", offset.clone());
    }
    return m;
  }

  @Override
  public boolean equals(Object o) {
    return o instanceof Preprocessing p && name.equals(p.name) && Arrays.equals(scale, p.scale)
        && Arrays.equals(offset, p.offset);
  }

  @Override
  public int hashCode() {
    return 31 * name.hashCode() + 7 * Arrays.hashCode(scale) + Arrays.hashCode(offset);
  }

  @Override
  public String toString() {
    return description();
  }

  private static float[][] uniform(float s, float o) {
    return new float[][] {{s, s, s}, {o, o, o}};
  }

  private static boolean uniform(float[] v) {
    return v[0] == v[1] && v[1] == v[2];
  }

  /** One value per channel, or one for all three: {@code 0.00784314}, {@code (1, 2, 3)}. */
  private static String channels(float[] v) {
    return uniform(v) ? number(v[0])
        : "(" + number(v[0]) + ", " + number(v[1]) + ", " + number(v[2]) + ")";
  }

  /** Six significant digits, no trailing zeros. */
  private static String number(float v) {
    return new BigDecimal(v).round(new MathContext(6)).stripTrailingZeros().toPlainString();
  }
}
