package dev.sommelier.tools;

import dev.sommelier.tools.compare.Comparison;
import dev.sommelier.tools.compare.ComparisonResult;
import java.io.IOException;
import java.nio.file.Path;
import java.util.List;
import picocli.CommandLine;

/**
 * Turns {@code compare} arguments into a {@link Comparison} exactly as {@code sommelier compare}
 * does (same options, defaults and checks), and writes its reports as the command does: the
 * window's Compare job is the command with the form's choices.
 */
public final class CompareArguments {

  private CompareArguments() {}

  /**
   * The comparison {@code args} describe (the options of {@code compare}, without the command's
   * name), not run yet.
   *
   * @throws IllegalArgumentException for an unknown option, a bad value or a bad runs file
   * @throws IOException when the runs or boxes file cannot be read
   */
  public static Comparison comparison(List<String> args) throws IOException {
    CompareCommand compare = new CompareCommand();
    try {
      new CommandLine(compare).parseArgs(args.toArray(String[]::new));
    } catch (CommandLine.ParameterException e) {
      throw new IllegalArgumentException(e.getMessage(), e);
    }
    return compare.comparison();
  }

  /**
   * Writes every run's own report and the comparison's page, {@code OUT/compare/index.html}.
   *
   * @return the page
   */
  public static Path writeReports(Comparison comparison, ComparisonResult result)
      throws IOException {
    return CompareCommand.writeReports(comparison, result);
  }
}
