package dev.sommelier.core;

import java.util.ArrayList;
import java.util.HashMap;
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
    Ops tf = runtime.ops().withSubScope("assign_weights");
    Placeholder<TFloat32> p = tf.placeholder(TFloat32.class, Placeholder.shape(v.shape()));
    feeds.put(v.name(), p);
    assigns.put(v.name(), tf.assign(v.variable(), p));
  }
}
