package dev.sommelier.core;

import java.nio.file.Path;
import java.util.Map;
import org.tensorflow.Operand;
import org.tensorflow.SavedModelBundle;
import org.tensorflow.SessionFunction;
import org.tensorflow.Signature;

/**
 * Exports a {@link ModelRuntime} as a SavedModel with one {@code serving_default} signature, with
 * every variable, written atomically. TensorFlow Serving, Python's {@code tf.saved_model.load} and
 * {@code SavedModelBundle.load} read it.
 */
public final class SavedModelExport {

  private SavedModelExport() {}

  /**
   * Writes the SavedModel to {@code dir}.
   *
   * @param inputs signature input names and their placeholders
   * @param outputs signature output names and their tensors
   */
  public static void export(
      ModelRuntime runtime, Path dir, Map<String, Operand<?>> inputs, Map<String, Operand<?>> outputs) {
    Signature.Builder sig = Signature.builder().key(Signature.DEFAULT_KEY);
    inputs.forEach(sig::input);
    outputs.forEach(sig::output);
    runtime.seal();
    SessionFunction function = SessionFunction.create(sig.build(), runtime.session());
    AtomicDirectory.write(
        dir, tmp -> SavedModelBundle.exporter(tmp.toString()).withFunction(function).export());
  }
}
