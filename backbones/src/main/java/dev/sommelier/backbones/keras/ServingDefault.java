package dev.sommelier.backbones.keras;

import dev.sommelier.core.Tensors;
import java.nio.file.Path;
import java.util.Map;
import org.tensorflow.Result;
import org.tensorflow.SavedModelBundle;
import org.tensorflow.SessionFunction;
import org.tensorflow.Signature;
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
  public float[] run(float[] images, int n, int size) {
    String input = function.signature().inputNames().iterator().next();
    String output = function.signature().outputNames().iterator().next();
    try (TFloat32 batch = Tensors.of(Shape.of(n, size, size, 3), images);
        Result result = function.call(Map.of(input, batch))) {
      return Tensors.values(result.get(output).orElseThrow());
    }
  }

  @Override
  public String description() {
    return "serving_default of " + dir;
  }
}
