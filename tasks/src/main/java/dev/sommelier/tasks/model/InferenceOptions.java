package dev.sommelier.tasks.model;

import dev.sommelier.core.Precision;
import java.util.Objects;

/**
 * How a saved model is opened for prediction, evaluation and explanation.
 *
 * @param precision the arithmetic of the graph ({@link Precision#FP32} by default; {@link
 *     Precision#MIXED} computes in bfloat16 where the CPU has it)
 * @param frozen true (the default) for a graph built for inference only, with constant weights,
 *     which gives the same answers within float rounding and ran 2 to 7 % faster in float32 on the
 *     machine measured (see {@link TaskModel#frozen}); false for the graph of variables that
 *     training builds
 */
public record InferenceOptions(Precision precision, boolean frozen) {

  /** Float32, frozen. */
  public static final InferenceOptions DEFAULT = new InferenceOptions(Precision.FP32, true);

  /** Checks the values. */
  public InferenceOptions {
    Objects.requireNonNull(precision, "precision");
  }

  /** These options in {@code precision}. */
  public InferenceOptions withPrecision(Precision precision) {
    return new InferenceOptions(precision, frozen);
  }

  /** These options with a frozen graph or not. */
  public InferenceOptions withFrozen(boolean frozen) {
    return new InferenceOptions(precision, frozen);
  }
}
