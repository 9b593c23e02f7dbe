package dev.sommelier.core.layers;

import dev.sommelier.core.ModelVariable;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import org.tensorflow.Operand;
import org.tensorflow.ndarray.Shape;
import org.tensorflow.ndarray.buffer.DataBuffers;
import org.tensorflow.op.Ops;
import org.tensorflow.types.TFloat32;

/**
 * A model's weights read once from its variables, to build a {@linkplain LayerGraph#frozen frozen
 * inference graph} whose weights are constants, named as the variables were ({@code
 * conv1/kernel}).
 */
public final class FrozenWeights {

  private final Map<String, float[]> values;

  private FrozenWeights(Map<String, float[]> values) {
    this.values = values;
  }

  /** Reads the variables of {@code graph}'s runtime in one session run. */
  public static FrozenWeights read(LayerGraph graph) {
    List<ModelVariable> variables = graph.runtime().variables().all();
    List<float[]> read = graph.runtime().values(variables);
    Map<String, float[]> values = new HashMap<>();
    for (int i = 0; i < variables.size(); i++) {
      values.put(variables.get(i).name(), read.get(i));
    }
    return new FrozenWeights(values);
  }

  /**
   * Weight {@code layer/weight} as a constant named so in {@code tf} (the layer's scope).
   *
   * @throws IllegalArgumentException when there is no such weight or it has another size
   */
  Operand<TFloat32> constant(Ops tf, String layer, String weight, Shape shape) {
    float[] v = values.get(layer + "/" + weight);
    if (v == null) {
      throw new IllegalArgumentException("the frozen graph has no value for " + layer + "/"
          + weight + ": freeze a model whose graph has built every layer it is frozen with");
    }
    if (v.length != shape.size()) {
      throw new IllegalArgumentException("weight " + layer + "/" + weight + " has " + v.length
          + " values, but the layer needs " + shape);
    }
    return tf.withName(weight).constant(shape, DataBuffers.of(v, true, false));
  }
}
