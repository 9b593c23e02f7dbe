package dev.sommelier.backbones.keras;

import io.jhdf.api.Attribute;
import io.jhdf.api.Dataset;
import io.jhdf.api.Group;
import io.jhdf.api.Node;
import java.lang.reflect.Array;
import java.util.function.IntToDoubleFunction;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import org.tensorflow.ndarray.Shape;

/** Reads the attributes and arrays Keras writes into HDF5 files, as h5py stores them. */
final class H5Values {

  private H5Values() {}

  /** The node at {@code path} below {@code group} ({@code a/b/c}), or null when there is none. */
  static Node find(Group group, String path) {
    Node node = group;
    for (String part : path.split("/")) {
      if (!(node instanceof Group g) || !g.getChildren().containsKey(part)) {
        return null;
      }
      node = g.getChild(part);
    }
    return node;
  }

  /** A text attribute (Keras writes UTF-8 bytes or strings), or empty when absent. */
  static Optional<String> text(Node node, String name) {
    Attribute a = node.getAttributes().get(name);
    if (a == null || a.getData() == null) {
      return Optional.empty();
    }
    Object data = a.getData();
    if (data.getClass().isArray()) {
      return Array.getLength(data) == 0
          ? Optional.empty() : Optional.of(String.valueOf(Array.get(data, 0)));
    }
    return Optional.of(String.valueOf(data));
  }

  /**
   * A list-of-texts attribute such as {@code layer_names} or {@code weight_names}. Keras splits one
   * too large for an HDF5 object header into {@code name0}, {@code name1}, ...; an empty list is
   * written as an empty float array, which reads as nothing.
   */
  static List<String> texts(Node node, String name) {
    List<String> out = new ArrayList<>();
    if (node.getAttributes().containsKey(name)) {
      addTexts(node.getAttribute(name).getData(), out);
      return out;
    }
    for (int chunk = 0; node.getAttributes().containsKey(name + chunk); chunk++) {
      addTexts(node.getAttribute(name + chunk).getData(), out);
    }
    return out;
  }

  private static void addTexts(Object data, List<String> out) {
    if (data == null) {
      return;
    }
    if (data instanceof String s) {
      out.add(s);
    } else if (data instanceof String[] strings) {
      out.addAll(List.of(strings));
    }
  }

  /** The array {@code dataset} as floats under {@code name}, whatever its numeric type. */
  static KerasWeight weight(String name, Dataset dataset) {
    long[] dims = dataset.getDimensionsAsLong();
    Object data = dataset.isScalar() ? dataset.getData() : dataset.getDataFlat();
    float[] values;
    if (data instanceof float[] f) {
      values = f;
    } else if (data instanceof double[] d) {
      values = floats(d.length, i -> d[i]);
    } else if (data instanceof long[] l) {
      values = floats(l.length, i -> l[i]);
    } else if (data instanceof int[] n) {
      values = floats(n.length, i -> n[i]);
    } else if (data instanceof Number n) {
      values = new float[] {n.floatValue()};
    } else {
      throw new IllegalArgumentException(
          dataset.getPath() + " in " + dataset.getFileAsPath() + " holds " + dataset.getJavaType()
              + " values, not numbers; it is not a Keras weight array");
    }
    return new KerasWeight(name, dims.length == 0 ? Shape.scalar() : Shape.of(dims), values);
  }

  private static float[] floats(int n, IntToDoubleFunction value) {
    float[] out = new float[n];
    for (int i = 0; i < n; i++) {
      out[i] = (float) value.applyAsDouble(i);
    }
    return out;
  }
}
