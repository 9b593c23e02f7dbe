package dev.sommelier.tools;

import dev.sommelier.tasks.data.source.DataSource;
import dev.sommelier.tasks.jobs.train.TrainSettings;
import java.nio.file.Path;
import java.util.Map;
import picocli.CommandLine.IDefaultValueProvider;
import picocli.CommandLine.Model.ArgSpec;
import picocli.CommandLine.Model.OptionSpec;

/**
 * The {@code train} command's option defaults, read from {@link TrainSettings.Builder}'s: the
 * builder is the one source, and the command's help ("(default: ...)"), its parsing and the
 * window's train form show and use what it holds. Options whose default depends on others (task,
 * split, input size, head, workers) have none here; the builder fills them in.
 */
public final class TrainDefaults implements IDefaultValueProvider {

  /** Option name to the {@link TrainSettings#describe} key that holds its default. */
  private static final Map<String, String> KEYS = Map.ofEntries(
      Map.entry("--seed", "seed"),
      Map.entry("--backbone", "backbone"),
      Map.entry("--weights", "backboneWeights"),
      Map.entry("--optimizer", "optimizer"),
      Map.entry("--lr", "learningRate"),
      Map.entry("--schedule", "schedule"),
      Map.entry("--epochs", "epochs"),
      Map.entry("--batch", "batchSize"),
      Map.entry("--scope", "scope"),
      Map.entry("--batch-norm", "batchNorm"),
      Map.entry("--precise-bn", "preciseBn"),
      Map.entry("--augment", "augment"),
      Map.entry("--patience", "patience"),
      Map.entry("--device", "device"),
      Map.entry("--precision", "precision"));

  private static final TrainSettings DEFAULTS =
      TrainSettings.builder(DataSource.folder(Path.of("data")), Path.of("out")).build();

  @Override
  public String defaultValue(ArgSpec arg) {
    return arg instanceof OptionSpec o ? of(o.longestName()) : null;
  }

  /**
   * The default of {@code option} ({@code --lr}) as the command line writes it ({@code 0.001}),
   * or null for an option without a fixed default.
   */
  public static String of(String option) {
    String key = KEYS.get(option);
    if (key == null) {
      return null;
    }
    if (key.equals("backboneWeights")) {
      // describe() records the default, seeded random weights as null; the option writes "none"
      return DEFAULTS.backboneWeights().toString();
    }
    return String.valueOf(DEFAULTS.describe().get(key));
  }
}
