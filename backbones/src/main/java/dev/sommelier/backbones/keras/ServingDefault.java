package dev.sommelier.backbones.keras;

import dev.sommelier.core.Tensors;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import org.tensorflow.Result;
import org.tensorflow.SavedModelBundle;
import org.tensorflow.SessionFunction;
import org.tensorflow.Signature;
import org.tensorflow.Tensor;
import org.tensorflow.ndarray.Shape;
import org.tensorflow.types.TFloat32;

/** A SavedModel's {@code serving_default} signature, run as TensorFlow saved it. */
final class ServingDefault implements ReferenceModel {

  private final SessionFunction function;
  private final Path dir;

  ServingDefault(SavedModelBundle bundle, Path dir) {
    this.function = bundle.function(Signature.DEFAULT_KEY);
    this.dir = dir;
  }

  @Override
  public Output run(float[] images, int n, int size) {
    String input = function.signature().inputNames().iterator().next();
    String output = function.signature().outputNames().iterator().next();
    try (TFloat32 batch = Tensors.of(Shape.of(n, size, size, 3), images);
        Result result = function.call(Map.of(input, batch))) {
      Tensor out = result.get(output).orElseThrow();
      List<Long> shape = new ArrayList<>();
      for (long d : out.shape().asArray()) {
        shape.add(d);
      }
      return new Output(Tensors.values(out), shape);
    }
  }

  @Override
  public String description() {
    return "serving_default of " + dir;
  }
}
