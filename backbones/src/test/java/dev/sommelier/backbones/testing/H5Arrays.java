package dev.sommelier.backbones.testing;

import java.lang.reflect.Array;

/** Arrays as jHDF's writer takes them: nested Java arrays of a dataset's shape. */
public final class H5Arrays {

  private H5Arrays() {}

  /** {@code values} (row-major) as a nested {@code float} array of {@code shape}, or a scalar. */
  public static Object nested(float[] values, long[] shape) {
    if (shape.length == 0) {
      return values[0];
    }
    int[] dims = new int[shape.length];
    for (int i = 0; i < dims.length; i++) {
      dims[i] = Math.toIntExact(shape[i]);
    }
    Object out = Array.newInstance(float.class, dims);
    fill(out, values, new int[] {0});
    return out;
  }

  private static void fill(Object array, float[] values, int[] at) {
    if (array instanceof float[] row) {
      System.arraycopy(values, at[0], row, 0, row.length);
      at[0] += row.length;
      return;
    }
    for (int i = 0; i < Array.getLength(array); i++) {
      fill(Array.get(array, i), values, at);
    }
  }
}
