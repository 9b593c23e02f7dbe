package dev.sommelier.backbones.keras;

import dev.sommelier.backbones.KerasNameMap;
import dev.sommelier.core.ModelRuntime;
import dev.sommelier.core.ModelVariable;
import dev.sommelier.core.Tensors;
import dev.sommelier.core.WeightAssigner;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import org.tensorflow.types.TFloat32;

/**
 * Matches a model's variables to a source's arrays by Keras name and assigns them, strictly: every
 * variable needs an array of its shape, and every array of the layers being imported must be used
 * exactly once. Arrays of other layers (a top that is not imported) are reported as left aside.
 */
final class WeightMatch {

  private final Map<ModelVariable, KerasWeight> matched;
  private final List<String> leftAside;

  private WeightMatch(Map<ModelVariable, KerasWeight> matched, List<String> leftAside) {
    this.matched = matched;
    this.leftAside = leftAside;
  }

  /**
   * Matches {@code targets} to {@code source}'s arrays.
   *
   * @param names how the source's layer names map onto the targets'
   * @param importedLayers the target-side layers whose every saved array must be used
   * @param usedElsewhere saved array names already used by something other than a variable (the
   *     statistics of a Normalization layer that became input preprocessing)
   * @throws IllegalArgumentException naming the file and listing the missing, wrongly shaped and
   *     unused arrays
   */
  static WeightMatch of(KerasModelSource source, List<ModelVariable> targets, KerasNameMap names,
      Set<String> importedLayers, Set<String> usedElsewhere) {
    Map<String, KerasWeight> byName = new LinkedHashMap<>();
    source.weights().values().forEach(w -> byName.put(names.weight(w.name()), w));
    Map<ModelVariable, KerasWeight> matched = new LinkedHashMap<>();
    List<String> missing = new ArrayList<>();
    List<String> badShape = new ArrayList<>();
    Set<String> used = new HashSet<>(usedElsewhere);
    for (ModelVariable v : targets) {
      KerasWeight w = byName.get(v.name());
      if (w == null) {
        missing.add(v.name());
      } else if (!w.shape().equals(v.shape())) {
        badShape.add(w.name() + " (saved " + w.shape() + ", model " + v.shape() + ")");
      } else {
        matched.put(v, w);
        used.add(w.name());
      }
    }
    List<String> unused = new ArrayList<>();
    List<String> leftAside = new ArrayList<>();
    for (KerasWeight w : source.weights().values()) {
      if (!used.contains(w.name())) {
        (importedLayers.contains(names.layer(w.layer())) ? unused : leftAside).add(w.name());
      }
    }
    if (!missing.isEmpty() || !badShape.isEmpty() || !unused.isEmpty()) {
      throw new IllegalArgumentException(source.path() + " (" + source.format() + "): its"
          + " arrays do not fit the rebuilt model: "
          + (missing.isEmpty() ? "" : "missing " + missing + "; ")
          + (badShape.isEmpty() ? "" : "wrong shape " + badShape + "; ")
          + (unused.isEmpty() ? "" : "unused " + unused + "; ")
          + "save the model again from Keras, or check that it is the architecture it claims");
    }
    return new WeightMatch(matched, leftAside);
  }

  /** How many variables were matched. */
  int size() {
    return matched.size();
  }

  /** Saved arrays of layers that were not imported (a top left behind), by saved name. */
  List<String> leftAside() {
    return leftAside;
  }

  /** Assigns every matched array to its variable in {@code runtime}, in one run. */
  void assign(ModelRuntime runtime) {
    Map<String, TFloat32> values = new LinkedHashMap<>();
    try {
      matched.forEach((v, w) -> values.put(v.name(), Tensors.of(v.shape(), w.values())));
      new WeightAssigner(runtime).assign(values);
    } finally {
      values.values().forEach(TFloat32::close);
    }
  }
}
