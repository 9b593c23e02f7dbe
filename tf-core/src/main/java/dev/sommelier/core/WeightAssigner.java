package dev.sommelier.core;

import java.util.ArrayList;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.tensorflow.Session;
import org.tensorflow.op.Ops;
import org.tensorflow.op.core.Assign;
import org.tensorflow.op.core.Placeholder;
import org.tensorflow.types.TFloat32;

/**
 * Sets variables of a {@link ModelRuntime} to given values in one {@code session.run}. The assign
 * ops are built once per variable and reused.
 */
public final class WeightAssigner {

  private final ModelRuntime runtime;
  private final Map<String, Placeholder<TFloat32>> feeds = new HashMap<>();
  private final Map<String, Assign<TFloat32>> assigns = new HashMap<>();
  private Ops scope;

  public WeightAssigner(ModelRuntime runtime) {
    this.runtime = runtime;
  }

  /**
   * Assigns each named variable its tensor (the caller keeps ownership of the tensors).
   *
   * @throws IllegalArgumentException listing unknown names or shape mismatches, before anything is
   *     assigned
   */
  public void assign(Map<String, TFloat32> values) {
    List<String> problems = new ArrayList<>();
    values.forEach(
        (name, t) -> {
          ModelVariable v = find(name);
          if (v == null) {
            problems.add(name + ": no such variable");
          } else if (!v.shape().equals(t.shape())) {
            problems.add(name + ": expected " + v.shape() + ", got " + t.shape());
          }
        });
    if (!problems.isEmpty()) {
      throw new IllegalArgumentException("cannot assign weights: " + problems);
    }
    Session.Runner runner = runtime.session().runner();
    values.forEach(
        (name, t) -> {
          buildAssign(find(name));
          runner.feed(feeds.get(name), t).addTarget(assigns.get(name));
        });
    if (!values.isEmpty()) {
      runner.run().close();
    }
  }

  /**
   * Sets each named variable of this runtime to the value of its source variable in {@code from}
   * (another graph), read in one run; a source of the same size but another shape is reshaped
   * (a 1x1 convolution kernel becomes a Dense kernel).
   *
   * @throws IllegalArgumentException when a name is unknown or a source's size differs
   */
  public void copy(ModelRuntime from, Map<String, ModelVariable> sources) {
    List<String> names = new ArrayList<>(sources.keySet());
    List<float[]> read = from.values(new ArrayList<>(sources.values()));
    Map<String, TFloat32> values = new LinkedHashMap<>();
    try {
      for (int i = 0; i < names.size(); i++) {
        ModelVariable target = find(names.get(i));
        if (target == null) {
          throw new IllegalArgumentException("cannot copy weights: no variable " + names.get(i));
        }
        values.put(target.name(), Tensors.of(target.shape(), read.get(i)));
      }
      assign(values);
    } finally {
      values.values().forEach(TFloat32::close);
    }
  }

  private ModelVariable find(String name) {
    ModelVariable v = runtime.variables().get(name);
    if (v != null) {
      return v;
    }
    return runtime.variables().state().stream()
        .filter(s -> s.name().equals(name))
        .findFirst()
        .orElse(null);
  }

  private void buildAssign(ModelVariable v) {
    if (assigns.containsKey(v.name())) {
      return;
    }
    if (scope == null) {
      // One scope for all assigns: a sub-scope per variable made building ResNet50's 318
      // assigns take 9 s here, one scope 0.1 s.
      scope = runtime.ops().withSubScope("assign_weights");
    }
    String name = v.name().replace('/', '_');
    Placeholder<TFloat32> p = scope.withName(name + "_value")
        .placeholder(TFloat32.class, Placeholder.shape(v.shape()));
    feeds.put(v.name(), p);
    assigns.put(v.name(), scope.withName(name + "_assign").assign(v.variable(), p));
  }
}
