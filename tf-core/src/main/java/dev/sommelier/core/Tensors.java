package dev.sommelier.core;

import org.tensorflow.Tensor;
import org.tensorflow.ndarray.Shape;
import org.tensorflow.ndarray.buffer.DataBuffers;
import org.tensorflow.types.TFloat32;

/** Bulk conversions between Java float arrays and float tensors (no per-element loops). */
public final class Tensors {

  private Tensors() {}

  /** A new tensor of {@code shape} holding a copy of {@code values} (row-major). */
  public static TFloat32 of(Shape shape, float[] values) {
    if (shape.size() != values.length) {
      throw new IllegalArgumentException(
          "shape " + shape + " holds " + shape.size() + " values, got " + values.length);
    }
    return TFloat32.tensorOf(shape, DataBuffers.of(values, true, false));
  }

  /** All values of a float tensor, row-major. */
  public static float[] values(Tensor tensor) {
    TFloat32 t = (TFloat32) tensor;
    float[] out = new float[Math.toIntExact(t.shape().size())];
    t.copyTo(DataBuffers.of(out, false, false));
    return out;
  }
}
