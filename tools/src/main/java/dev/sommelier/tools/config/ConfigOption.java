package dev.sommelier.tools.config;

import java.nio.file.Path;
import java.util.Map;
import java.util.TreeMap;
import picocli.CommandLine.Command;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Model.OptionSpec;
import picocli.CommandLine.Option;

/**
 * The {@code --config FILE} option (a picocli mixin): the command's options read from a YAML or
 * JSON file, overridden by the command line. Mixing it in ({@code @Mixin ConfigOption config;}) also
 * installs {@link ConfigPreprocessor}, which reads the file before picocli parses the command; a
 * command with a preprocessor of its own keeps that one instead.
 */
@Command(preprocessor = ConfigPreprocessor.class)
public final class ConfigOption {

  /** The option's name. */
  static final String NAME = "--config";

  /** The file; {@link ConfigPreprocessor} has read it before this field is set. */
  @Option(names = NAME, paramLabel = "FILE",
      description = "Read options from FILE, YAML (.yaml, .yml) or JSON (.json): keys are long"
          + " option names without '--', e.g. 'batch: 16', a list as [a, b]. Options on the"
          + " command line override the file. Relative paths in the file are resolved against"
          + " its folder, those on the command line against the working directory"
          + " (default: none).")
  Path file;

  /**
   * The options a run file may set, by key (long name without {@code --}): every option with a
   * long name except help, version and {@code --config}.
   */
  public static Map<String, OptionSpec> keys(CommandSpec spec) {
    Map<String, OptionSpec> keys = new TreeMap<>();
    for (OptionSpec o : spec.options()) {
      String name = o.longestName();
      if (name.startsWith("--") && !o.usageHelp() && !o.versionHelp() && !name.equals(NAME)) {
        keys.put(name.substring(2), o);
      }
    }
    return keys;
  }
}
