package dev.sommelier.tasks.jobs.explain;

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
 * image's predicted class or a regressor's value, and brings the model's outputs; the output kind
 * then says which outputs each image's explanation covers ({@link OutputKind#explained}: the top
 * classes, a multi-label image's present labels), and the images that need a class the first run
 * did not map are explained together (one run per such class).
 */
final class TargetMaps {

  /**
   * A batch's maps.
   *
   * @param outputs per image the model's outputs (class probabilities, or the value)
   * @param columns per image the explained class indices (0 for a value), best first; images may
   *     have different numbers
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
   * @param fixedClass the class to explain in every image, or -1 for each image's own ({@link
   *     OutputKind#explained} with {@code top})
   */
  Batch explain(float[] pixels, int n, int fixedClass, int top) {
    float[] x = ModelInput.preprocessed(model, pixels);
    OutputKind output = model.config().output();
    CamTarget first = fixedClass >= 0 ? CamTarget.classLogit(fixedClass)
        : output.defaultCamTarget();
    List<CamResult> firsts = explainer.explain(x, n, first);
    float[][] outputs = new float[n][];
    int[][] columns = new int[n][];
    CamMap[][] maps = new CamMap[n][];
    // Per class the (image, rank) pairs the first run did not map.
    Map<Integer, List<int[]>> missing = new LinkedHashMap<>();
    for (int i = 0; i < n; i++) {
      CamResult r = firsts.get(i);
      outputs[i] = r.prediction();
      columns[i] = fixedClass >= 0 ? new int[] {fixedClass} : output.explained(outputs[i], top);
      maps[i] = new CamMap[columns[i].length];
      for (int rank = 0; rank < columns[i].length; rank++) {
        if (columns[i][rank] == Math.max(0, r.classIndex())) {
          maps[i][rank] = r.map();
        } else {
          missing.computeIfAbsent(columns[i][rank], c -> new ArrayList<>())
              .add(new int[] {i, rank});
        }
      }
    }
    int per = x.length / n;
    for (Map.Entry<Integer, List<int[]>> g : missing.entrySet()) {
      List<int[]> members = g.getValue();
      float[] sub = new float[members.size() * per];
      for (int j = 0; j < members.size(); j++) {
        System.arraycopy(x, members.get(j)[0] * per, sub, j * per, per);
      }
      List<CamResult> got =
          explainer.explain(sub, members.size(), CamTarget.classLogit(g.getKey()));
      for (int j = 0; j < members.size(); j++) {
        maps[members.get(j)[0]][members.get(j)[1]] = got.get(j).map();
      }
    }
    return new Batch(outputs, columns, maps);
  }
}
