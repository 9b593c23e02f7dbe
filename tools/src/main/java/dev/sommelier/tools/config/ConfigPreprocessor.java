package dev.sommelier.tools.config;

import dev.sommelier.tasks.jobs.train.InitialWeights;
import java.nio.file.InvalidPathException;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Stack;
import picocli.CommandLine.Model.ArgGroupSpec;
import picocli.CommandLine.Model.ArgSpec;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Model.OptionSpec;
import picocli.CommandLine.ParameterException;
import picocli.CommandLine;

/**
 * Turns a {@code --config} file into arguments before picocli parses the command: every option of
 * the file that the command line leaves out is put in front of the command line's arguments as
 * {@code --name=value}, once per value for a list. So the command line wins over the file and the
 * file over the built-in defaults, picocli converts and checks the file's values as it does the
 * command line's, and the command line's arguments keep their positions in picocli's messages.
 * An option of an exclusive group counts as given when another of its group is, so a data source
 * on the command line replaces the file's instead of clashing with it. Relative paths in the file
 * are resolved against the file's folder.
 *
 * <p>Picocli calls it at the start of every parse of a command that mixes in {@link
 * ConfigOption}. It skips the file when help is asked for, and remembers which options came from
 * the file so that {@link #describe} can name the file and key of a bad value.
 */
public final class ConfigPreprocessor implements CommandLine.IParameterPreprocessor {

  private RunFile file;
  private final Map<ArgSpec, String> keys = new HashMap<>();

  @Override
  public boolean preprocess(Stack<String> args, CommandSpec spec, ArgSpec argSpec,
      Map<String, Object> info) {
    file = null;
    keys.clear();
    GivenOptions given = GivenOptions.scan(args, spec);
    if (given.config() == null || given.helpRequested()) {
      return false;
    }
    try {
      file = RunFile.read(Path.of(given.config()));
      List<String> tokens = tokens(file, spec, given);
      for (int i = tokens.size() - 1; i >= 0; i--) {
        args.push(tokens.get(i));
      }
    } catch (IllegalArgumentException e) {
      throw new ParameterException(spec.commandLine(), e.getMessage(), e, null, given.config());
    }
    return false;
  }

  /**
   * {@code ex}'s message, led by the file and key when the value it rejects came from a {@code
   * --config} file; otherwise the message alone.
   */
  public static String describe(ParameterException ex) {
    if (ex.getCommandLine().getCommandSpec().preprocessor() instanceof ConfigPreprocessor p
        && ex.getArgSpec() != null && p.keys.containsKey(ex.getArgSpec())) {
      return p.file.file() + ", key '" + p.keys.get(ex.getArgSpec()) + "': " + ex.getMessage();
    }
    return ex.getMessage();
  }

  /** The arguments the file adds: its options that the command line leaves out. */
  private List<String> tokens(RunFile f, CommandSpec spec, GivenOptions given) {
    Map<String, OptionSpec> options = ConfigOption.keys(spec);
    Map<ArgGroupSpec, String> groups = new HashMap<>();
    List<String> tokens = new ArrayList<>();
    for (Map.Entry<String, List<String>> e : f.entries().entrySet()) {
      String key = e.getKey();
      OptionSpec option = options.get(key);
      if (option == null) {
        throw new IllegalArgumentException(f.file() + ": unknown key '" + key + "'; did you mean '"
            + ClosestName.to(key, options.keySet()) + "'? Keys are the long option names of '"
            + spec.qualifiedName() + "' without '--'.");
      }
      if (option.group() != null && option.group().exclusive()) {
        String other = groups.putIfAbsent(option.group(), key);
        if (other != null) {
          throw new IllegalArgumentException(f.file() + ": keys '" + other + "' and '" + key
              + "' exclude each other; keep one");
        }
      }
      if (given.covers(option)) {
        continue;
      }
      if (!option.isMultiValue() && e.getValue().size() != 1) {
        throw new IllegalArgumentException(f.file() + ", key '" + key + "': one value is needed,"
            + " not a list of " + e.getValue().size());
      }
      for (String value : e.getValue()) {
        tokens.add(option.longestName() + "="
            + (isPath(option, value) ? resolve(f.folder(), value) : value));
      }
      keys.put(option, key);
    }
    return tokens;
  }

  /** Whether {@code value} of {@code option} names a file: a path, or weights from a file. */
  static boolean isPath(OptionSpec option, String value) {
    Class<?> type = option.auxiliaryTypes()[0];
    return type == Path.class || type == InitialWeights.class
        && InitialWeights.parse(value) instanceof InitialWeights.File;
  }

  /** {@code value} against {@code folder} when it is a relative path; otherwise as it is. */
  static String resolve(Path folder, String value) {
    try {
      return folder.resolve(value).normalize().toString();
    } catch (InvalidPathException e) {
      return value;
    }
  }
}
