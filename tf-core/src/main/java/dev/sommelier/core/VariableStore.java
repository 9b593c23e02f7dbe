package dev.sommelier.core;

import java.util.ArrayList;
import java.util.Collections;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.function.Predicate;
import org.tensorflow.Operand;
import org.tensorflow.ndarray.Shape;
import org.tensorflow.op.Ops;
import org.tensorflow.op.core.Variable;
import org.tensorflow.types.TFloat32;

/**
 * The variables of one graph, keyed by Keras name. Getting a name twice returns the same variable,
 * so a training tower and an inference tower of one model share their weights.
 *
 * <p>Variables are ref variables (VariableV2) because TF-Java's checkpoint and SavedModel export
 * save only those. Each starts from a seeded initializer that runs in the graph's init scope.
 */
public final class VariableStore {

  private final Ops root;
  private final long seed;
  private final Map<String, ModelVariable> variables = new LinkedHashMap<>();
  private final Map<String, ModelVariable> state = new LinkedHashMap<>();
  private final Map<String, Ops> scopes = new HashMap<>();
  private boolean sealed;

  VariableStore(Ops root, long seed) {
    this.root = root;
    this.seed = seed;
  }

  /**
   * The graph scope of a Keras layer at the root of the graph ({@code conv1_bn/...}), the same
   * instance on every call, so that a layer's variables and its inference ops share one scope.
   */
  public Ops scope(String layer) {
    Ops known = scopes.get(layer);
    if (known != null) {
      return known;
    }
    int slash = layer.lastIndexOf('/');
    Ops created =
        slash < 0
            ? root.withSubScope(layer)
            : scope(layer.substring(0, slash)).withSubScope(layer.substring(slash + 1));
    scopes.put(layer, created);
    return created;
  }

  /**
   * Returns the variable {@code layer/weight}, creating it in the layer's {@link #scope} when it
   * does not exist yet.
   *
   * @throws IllegalArgumentException when it exists with another shape or trainability
   * @throws IllegalStateException when the graph has been sealed by a checkpoint or an export
   */
  public ModelVariable getOrCreate(
      String layer,
      String weight,
      Shape shape,
      Initializer initializer,
      boolean trainable) {
    return getOrCreate(variables, layer, weight, shape, initializer, trainable);
  }

  /**
   * Returns the state variable {@code owner/weight} of an optimizer or training loop (a momentum
   * accumulator, the learning rate, the step count), created zero- or constant-initialised. State
   * is checkpointed with the model but is not one of its parameters.
   */
  public ModelVariable getOrCreateState(String owner, String weight, Shape shape, Initializer init) {
    return getOrCreate(state, owner, weight, shape, init, false);
  }

  /**
   * The count of training steps run (state {@code training/step}, a float holding a whole number):
   * the training step increments it, Adam derives its bias correction from it and dropout its
   * random masks, so a run restored from a checkpoint draws what the uninterrupted run would have.
   */
  public ModelVariable stepCounter() {
    return getOrCreateState("training", "step", Shape.scalar(), Initializer.ZEROS);
  }

  /** The seed of this graph's random initializers and random ops (non-zero). */
  public long seed() {
    return seed;
  }

  /** Optimizer and training-loop state variables, in creation order. */
  public List<ModelVariable> state() {
    return List.copyOf(state.values());
  }

  private ModelVariable getOrCreate(
      Map<String, ModelVariable> into,
      String layer,
      String weight,
      Shape shape,
      Initializer initializer,
      boolean trainable) {
    String name = layer + "/" + weight;
    ModelVariable existing = into.get(name);
    if (existing != null) {
      if (!existing.shape().equals(shape) || existing.trainable() != trainable) {
        throw new IllegalArgumentException(
            "variable " + name + " already exists as " + existing.shape() + " but is asked for as "
                + shape);
      }
      return existing;
    }
    if (sealed) {
      throw new IllegalStateException(
          "cannot add variable " + name + " after the model was saved or exported: TF-Java's saver"
              + " is built once, so build every layer and the optimizer before the first save");
    }
    Ops layerScope = scope(layer);
    Variable<TFloat32> v = layerScope.withName(weight).variable(shape, TFloat32.class);
    Ops init = root.withInitScope();
    long seed2 = variables.size() + state.size() + 1L;
    init.assign(v, initializer.build(init, shape, seed, seed2));
    Operand<TFloat32> read = layerScope.withName(weight + "_read").identity(v);
    ModelVariable mv = new ModelVariable(name, v, read, shape, trainable);
    into.put(name, mv);
    return mv;
  }

  /** The variable named {@code name}, or null. */
  public ModelVariable get(String name) {
    return variables.get(name);
  }

  /** All model variables (weights and statistics, not optimizer state) in creation order. */
  public List<ModelVariable> all() {
    return Collections.unmodifiableList(new ArrayList<>(variables.values()));
  }

  /** The trainable variables that {@code select} accepts, in creation order. */
  public List<ModelVariable> trainable(Predicate<ModelVariable> select) {
    return variables.values().stream().filter(ModelVariable::trainable).filter(select).toList();
  }

  /** Total number of scalars in all variables. */
  public long parameterCount() {
    return variables.values().stream().mapToLong(ModelVariable::size).sum();
  }

  void seal() {
    sealed = true;
  }
}
