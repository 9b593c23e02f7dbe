package dev.sommelier.backbones.keras;

import java.util.ArrayList;
import java.util.Iterator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.tensorflow.GraphOperation;
import org.tensorflow.Result;
import org.tensorflow.SavedModelBundle;
import org.tensorflow.Session;
import org.tensorflow.Tensor;
import org.tensorflow.types.TFloat32;

/**
 * Reads every variable of a loaded Keras SavedModel by its Keras name. In such a model the main
 * graph holds one {@code VarHandleOp} per Keras variable, named as Keras names it, each read by a
 * {@code ReadVariableOp}; all of them are fetched in a single {@code session.run}.
 */
final class KerasWeights implements AutoCloseable {

  private final Map<String, TFloat32> values;
  private final Result result;

  private KerasWeights(Map<String, TFloat32> values, Result result) {
    this.values = values;
    this.result = result;
  }

  /** Reads all float variables of {@code bundle}; close the returned object to free them. */
  public static KerasWeights read(SavedModelBundle bundle) {
    List<String> names = new ArrayList<>();
    Session.Runner runner = bundle.session().runner();
    for (Iterator<GraphOperation> it = bundle.graph().operations(); it.hasNext(); ) {
      GraphOperation op = it.next();
      if (!op.type().equals("VarHandleOp")) {
        continue;
      }
      GraphOperation reader =
          op.consumers(0).stream()
              .filter(c -> c.type().equals("ReadVariableOp"))
              .findFirst()
              .orElse(null);
      if (reader != null && TFloat32.class.equals(reader.output(0).type())) {
        names.add(op.name());
        runner.fetch(reader.output(0));
      }
    }
    Result result = runner.run();
    Map<String, TFloat32> values = new LinkedHashMap<>();
    for (int i = 0; i < names.size(); i++) {
      Tensor t = result.get(i);
      values.put(names.get(i), (TFloat32) t);
    }
    return new KerasWeights(values, result);
  }

  /** Variable name to value, in graph order; valid until {@link #close()}. */
  public Map<String, TFloat32> values() {
    return values;
  }

  @Override
  public void close() {
    result.close();
  }
}
