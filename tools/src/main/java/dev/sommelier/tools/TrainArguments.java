package dev.sommelier.tools;

import dev.sommelier.tasks.jobs.train.TrainSettings;
import java.util.List;
import picocli.CommandLine;
import picocli.CommandLine.Model.CommandSpec;

/**
 * Turns {@code train} arguments into {@link TrainSettings} exactly as {@code sommelier train}
 * does (same options, converters, defaults and checks), so a comparison's runs are ordinary
 * training runs. An option given twice keeps its last value, so run-specific arguments placed
 * after shared ones override them.
 */
final class TrainArguments {

  private TrainArguments() {}

  /** The {@code train} command's options, for a runs file's keys. */
  static CommandSpec spec() {
    return new CommandLine(new TrainCommand()).getCommandSpec();
  }

  /**
   * The settings that {@code args} describe.
   *
   * @param what names the arguments' origin in error messages, e.g. {@code run 'mlp'}
   * @throws IllegalArgumentException for an unknown option or a bad value, led by {@code what}
   */
  static TrainSettings settings(String what, List<String> args) {
    TrainCommand train = new TrainCommand();
    CommandLine line = new CommandLine(train).setOverwrittenOptionsAllowed(true);
    try {
      line.parseArgs(args.toArray(String[]::new));
      return train.settings();
    } catch (CommandLine.ParameterException | IllegalArgumentException e) {
      throw new IllegalArgumentException(what + ": " + e.getMessage(), e);
    }
  }
}
