package dev.sommelier.tools;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.sommelier.tasks.data.source.DataSource;
import dev.sommelier.tasks.jobs.train.TrainSettings;
import dev.sommelier.tools.config.ConfigOption;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Set;
import java.util.stream.Stream;
import org.junit.jupiter.api.DynamicTest;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestFactory;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Model.OptionSpec;

/**
 * Every {@code train} option's default is the settings builder's, found through the command's
 * picocli spec so that a new option is checked without changing this test.
 */
class TrainDefaultsTest {

  private static final List<String> BASE = List.of("train", "--folder", "d", "--out", "o");

  /**
   * Options without a fixed default: data sources and files, output switches, and settings whose
   * default the builder derives from others (task from the data, head from the task, input size
   * from the backbone, workers from the machine).
   */
  private static final Set<String> NO_FIXED_DEFAULT = Set.of("--class-names", "--folder",
      "--split-folders", "--filenames", "--csv-classes", "--csv-values", "--cifar-classes",
      "--cifar-values", "--save-config", "--out", "--json", "--task", "--split", "--input-size",
      "--head", "--hidden", "--dropout", "--pooling", "--fine-tune", "--workers", "--csv-labels",
      "--positive-weights", "--thresholds");

  private static final TrainSettings BUILDERS =
      TrainSettings.builder(DataSource.folder(Path.of("d")), Path.of("o")).build();

  private static CommandSpec spec() {
    return Sommelier.commandLine().getSubcommands().get("train").getCommandSpec();
  }

  private static TrainSettings parsed(List<String> args) {
    return ((TrainCommand) Sommelier.commandLine().parseArgs(args.toArray(String[]::new))
        .subcommand().commandSpec().userObject()).settings();
  }

  @Test
  void withNoOptionsTheCommandTrainsWithTheBuildersSettings() {
    assertEquals(BUILDERS, parsed(BASE));
  }

  @TestFactory
  Stream<DynamicTest> everyOptionsShownDefaultGivesTheBuildersSettings() {
    List<OptionSpec> options = List.copyOf(ConfigOption.keys(spec()).values());
    assertTrue(options.size() > 30, "found " + options.size() + " options");
    return options.stream().map(o -> DynamicTest.dynamicTest(o.longestName(), () -> {
      String shown = o.defaultValueString();
      if (shown == null || NO_FIXED_DEFAULT.contains(o.longestName())) {
        assertTrue(NO_FIXED_DEFAULT.contains(o.longestName()) && o.defaultValue() == null,
            o.longestName() + " has no default from the builder: give TrainDefaults its"
                + " settings key, or name it in NO_FIXED_DEFAULT when its default depends on"
                + " other settings");
        return;
      }
      List<String> args = new ArrayList<>(BASE);
      args.add(o.longestName() + "=" + shown);
      assertEquals(BUILDERS, parsed(args), o.longestName() + "=" + shown);
    }));
  }

  @Test
  void theHelpShowsTheBuildersDefaultsAndEachBackbonesInputSize() {
    String help = CliRun.of("train", "--help").out().replaceAll("\\s+", " ");
    for (String shown : new String[] {"Seed of the split, weights, dropout, shuffles (default:"
        + " 42)", "Learning rate (default: 0.001)", "Images per step (default: 32)",
        "(default: none)", "(default: mobilenet_v1)", "Default input size: 197 for resnet50, 224"
        + " for resnet101, 224 for resnet152, 192 for mobilenet_v1, 28 for pixels, 64 for"
        + " simple_cnn."}) {
      assertTrue(help.contains(shown), shown + " in " + help);
    }
  }
}
