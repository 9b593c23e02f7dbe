package dev.sommelier.tasks.jobs.explain;

import dev.sommelier.tasks.eval.PredictionDecoder;
import dev.sommelier.tasks.explain.CamMap;
import dev.sommelier.tasks.explain.CamResult;
import dev.sommelier.tasks.explain.CamTarget;
import dev.sommelier.tasks.explain.ExplainMethod;
import dev.sommelier.tasks.explain.Explainer;
import dev.sommelier.tasks.model.ModelInput;
import dev.sommelier.tasks.model.OutputKind;
import dev.sommelier.tasks.model.TaskModel;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * The maps of a batch for each image's own targets. The first run explains the named class, each
 * image's predicted class or a regressor's value, and brings the model's outputs; for the classes
 * ranked second and lower, the images that share a class are explained together (one run per
 * distinct class at each rank).
 */
final class TargetMaps {

  /**
   * A batch's maps.
   *
   * @param outputs per image the model's outputs (class probabilities, or the value)
   * @param columns per image the explained class indices (0 for a value), best first
   * @param maps per image one map per column
   */
  record Batch(float[][] outputs, int[][] columns, CamMap[][] maps) {}

  private final TaskModel model;
  private final Explainer explainer;

  private TargetMaps(TaskModel model, Explainer explainer) {
    this.model = model;
    this.explainer = explainer;
  }

  /**
   * Maps of {@code layer} (null: the method's default) of {@code model} by {@code method}.
   *
   * @throws IllegalArgumentException when the model has no such layer
   */
  static TargetMaps of(TaskModel model, String layer, ExplainMethod method) {
    return new TargetMaps(model, method.explainer(model, layer));
  }

  /** The explained layer. */
  String layer() {
    return explainer.layer();
  }

  /**
   * Explains {@code n} images.
   *
   * @param pixels the images at the model's input size, HWC floats in [0, 255] ({@link
   *     ModelInput#pixels})
   * @param fixedClass the class to explain in every image, or -1 for each image's {@code top}
   */
  Batch explain(float[] pixels, int n, int fixedClass, int top) {
    float[] x = ModelInput.preprocessed(model, pixels);
    OutputKind output = model.config().output();
    CamTarget first = fixedClass >= 0 ? CamTarget.classLogit(fixedClass)
        : output.defaultCamTarget();
    List<CamResult> firsts = explainer.explain(x, n, first);
    // A value has one output: one rank.
    int ranks = fixedClass < 0 ? Math.min(top, output.width()) : 1;
    float[][] outputs = new float[n][];
    int[][] columns = new int[n][ranks];
    CamMap[][] maps = new CamMap[n][ranks];
    for (int i = 0; i < n; i++) {
      CamResult r = firsts.get(i);
      outputs[i] = r.prediction();
      maps[i][0] = r.map();
      columns[i][0] = Math.max(0, r.classIndex());
      if (ranks > 1) {
        int[] ranked = PredictionDecoder.decode(outputs[i], model.config().classes()).stream()
            .mapToInt(c -> c.index()).toArray();
        System.arraycopy(ranked, 1, columns[i], 1, ranks - 1);
      }
    }
    int per = x.length / n;
    for (int rank = 1; rank < ranks; rank++) {
      Map<Integer, List<Integer>> byClass = new LinkedHashMap<>();
      for (int i = 0; i < n; i++) {
        byClass.computeIfAbsent(columns[i][rank], c -> new ArrayList<>()).add(i);
      }
      for (Map.Entry<Integer, List<Integer>> g : byClass.entrySet()) {
        List<Integer> members = g.getValue();
        float[] sub = new float[members.size() * per];
        for (int j = 0; j < members.size(); j++) {
          System.arraycopy(x, members.get(j) * per, sub, j * per, per);
        }
        List<CamResult> got =
            explainer.explain(sub, members.size(), CamTarget.classLogit(g.getKey()));
        for (int j = 0; j < members.size(); j++) {
          maps[members.get(j)][rank] = got.get(j).map();
        }
      }
    }
    return new Batch(outputs, columns, maps);
  }
}
