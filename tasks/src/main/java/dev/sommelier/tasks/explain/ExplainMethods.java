package dev.sommelier.tasks.explain;

import java.util.ArrayList;
import java.util.List;
import java.util.Locale;

/** Every {@link ExplainMethod} by its command-line name ({@code gradcam}, {@code fusion}, ...). */
public final class ExplainMethods {

  private ExplainMethods() {}

  /**
   * All methods: the single-layer CAMs, LayerCAM fusion, Score-CAM, then the pixel-gradient
   * methods.
   */
  public static List<ExplainMethod> all() {
    List<ExplainMethod> all = new ArrayList<>(List.of(CamMethod.values()));
    all.add(FusedLayerCam.METHOD);
    all.add(ScoreCam.METHOD);
    all.addAll(List.of(PixelMethod.SALIENCY, PixelMethod.SMOOTH_GRAD,
        PixelMethod.INTEGRATED_GRADIENTS));
    return List.copyOf(all);
  }

  /**
   * The methods whose cost is one run per batch (every method but Score-CAM, SmoothGrad and
   * Integrated Gradients, which take one run per channel, noisy copy or path step), in the order
   * of {@link #all()}.
   */
  public static List<ExplainMethod> cheap() {
    return all().stream().filter(m -> m != ScoreCam.METHOD)
        .filter(m -> !(m instanceof PixelMethod p) || p.points() == 1).toList();
  }

  /** The command-line names, in the order of {@link #all()}. */
  public static List<String> labels() {
    return all().stream().map(ExplainMethod::label).toList();
  }

  /**
   * The method called {@code label} (case, {@code -} and {@code _} ignored; {@code gradcampp}
   * also names Grad-CAM++, {@code ig} Integrated Gradients).
   *
   * @throws IllegalArgumentException naming the methods there are
   */
  public static ExplainMethod named(String label) {
    String v = simple(label);
    if (v.equals("gradcampp") || v.equals("gradcamplusplus")) {
      return CamMethod.GRAD_CAM_PLUS_PLUS;
    }
    if (v.equals("ig")) {
      return PixelMethod.INTEGRATED_GRADIENTS;
    }
    return all().stream().filter(m -> simple(m.label()).equals(v)).findFirst()
        .orElseThrow(() -> new IllegalArgumentException("unknown method '" + label + "': use"
            + " gradcam or gradcam++, or one of " + String.join(", ", labels())));
  }

  private static String simple(String label) {
    return label == null ? "" : label.strip().toLowerCase(Locale.ROOT).replace("-", "")
        .replace("_", "");
  }
}
