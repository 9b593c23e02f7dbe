package dev.sommelier.tools.config;

import java.util.HashSet;
import java.util.Set;
import java.util.Stack;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Model.OptionSpec;

/**
 * What a command line names before picocli parses it: its options, the {@code --config} file, and
 * whether help is asked for. Scans up to the end-of-options delimiter ({@code --}); a token is an
 * option when it is one of the command's option names, alone or as {@code --name=value}.
 *
 * @param options the options given
 * @param config the {@code --config} file as given, or null
 * @param helpRequested whether {@code --help} or {@code --version} is given
 */
record GivenOptions(Set<OptionSpec> options, String config, boolean helpRequested) {

  /** Scans the arguments of {@code spec}'s command; picocli's stack has the first one on top. */
  static GivenOptions scan(Stack<String> args, CommandSpec spec) {
    Set<OptionSpec> options = new HashSet<>();
    String config = null;
    boolean help = false;
    for (int i = args.size() - 1; i >= 0; i--) {
      String token = args.get(i);
      if (token.equals(spec.parser().endOfOptionsDelimiter())) {
        break;
      }
      int equals = token.indexOf('=');
      String name = equals < 0 ? token : token.substring(0, equals);
      OptionSpec option = spec.optionsMap().containsKey(name) ? spec.optionsMap().get(name)
          : spec.negatedOptionsMap().get(name);
      if (option == null) {
        continue;
      }
      options.add(option);
      help |= option.usageHelp() || option.versionHelp();
      if (name.equals(ConfigOption.NAME) && config == null) {
        config = equals >= 0 ? token.substring(equals + 1) : i > 0 ? args.get(i - 1) : null;
      }
    }
    return new GivenOptions(options, config, help);
  }

  /**
   * Whether the command line sets {@code option}: names it, or names another option of the same
   * exclusive group (e.g. another data source).
   */
  boolean covers(OptionSpec option) {
    if (options.contains(option)) {
      return true;
    }
    return option.group() != null && option.group().exclusive()
        && options.stream().anyMatch(o -> o.group() == option.group());
  }
}
