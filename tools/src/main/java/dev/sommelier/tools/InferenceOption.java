package dev.sommelier.tools;

import dev.sommelier.core.Precision;
import dev.sommelier.tasks.model.InferenceOptions;
import picocli.CommandLine.Option;

/**
 * The {@code --precision} and {@code --[no-]frozen} options of the commands that open a saved model
 * for inference (predict, explain, evaluate; a picocli mixin).
 */
public final class InferenceOption {

  @Option(
      names = "--precision",
      paramLabel = "fp32|mixed",
      defaultValue = "fp32",
      converter = Cli.PrecisionConverter.class,
      description = "Arithmetic of the model's graph: fp32, or mixed (bfloat16 compute on a CPU"
          + " with AVX512_BF16 or AMX, float16 on a GPU; float32 where there is neither, as the"
          + " log says) (default: ${DEFAULT-VALUE}).")
  Precision precision;

  @Option(
      names = "--frozen",
      negatable = true,
      defaultValue = "true",
      fallbackValue = "true",
      description = "Run a graph built for inference only, with constant weights: the same"
          + " answers within float rounding, 2 to 7 %% faster in fp32 here. --no-frozen runs the"
          + " graph of variables that training builds, which measured faster for MobileNet in"
          + " mixed precision (default: frozen).")
  boolean frozen;

  /** The chosen options. */
  public InferenceOptions options() {
    return new InferenceOptions(precision, frozen);
  }
}
