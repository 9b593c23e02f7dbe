package dev.sommelier.tools;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.sommelier.tasks.train.OptimizerKind;
import java.io.ByteArrayOutputStream;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;
import java.util.stream.Stream;
import org.junit.jupiter.api.DynamicTest;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestFactory;
import picocli.CommandLine;
import picocli.CommandLine.Model.OptionSpec;

/**
 * Help and exit status of every command, found through {@link Sommelier#commandLine()} so that a
 * new command is checked without changing this test.
 */
class CliHelpTest {

  private static Stream<CommandLine> commands() {
    return Sommelier.commandLine().getSubcommands().values().stream();
  }

  @TestFactory
  Stream<DynamicTest> everyCommandHasHelpWithExamples() {
    Stream<String[]> args = Stream.concat(Stream.<String[]>of(new String[] {"--help"}),
        commands().map(c -> new String[] {c.getCommandName(), "--help"}));
    return args.map(a -> DynamicTest.dynamicTest(String.join(" ", a), () -> {
      CliRun r = CliRun.of(a);
      assertEquals(0, r.exit(), r.err());
      assertTrue(r.out().contains("Examples:"), r.out());
      assertTrue(r.out().contains("  sommelier " + (a.length == 1 ? "" : a[0])), r.out());
      assertEquals("", r.err());
    }));
  }

  @TestFactory
  Stream<DynamicTest> anUnknownOptionExitsTwoNamingIt() {
    return commands().map(c -> DynamicTest.dynamicTest(c.getCommandName(), () -> {
      CliRun r = CliRun.of(c.getCommandName(), "--jsn");
      assertEquals(2, r.exit(), r.err());
      assertTrue(r.err().startsWith("Unknown option: '--jsn'"), r.err());
      if (c.getCommandSpec().findOption("--json") != null) {
        assertTrue(r.err().contains("--json"), "suggested: " + r.err());
      }
      assertTrue(r.err().contains("Try 'sommelier " + c.getCommandName() + " --help'"), r.err());
      assertEquals("", r.out());
    }));
  }

  /**
   * A bare {@code %} in a description is a format error that picocli reports on its own stderr,
   * not the command's, and then prints the text unformatted.
   */
  @Test
  void everyHelpTextFormatsWithoutPicocliWarnings() {
    PrintStream original = System.err;
    ByteArrayOutputStream warnings = new ByteArrayOutputStream();
    System.setErr(new PrintStream(warnings, true, StandardCharsets.UTF_8));
    try {
      Stream.concat(Stream.of(Sommelier.commandLine()), commands())
          .forEach(CommandLine::getUsageMessage);
    } finally {
      System.setErr(original);
    }
    assertEquals("", warnings.toString(StandardCharsets.UTF_8));
  }

  /** Every option that takes a value and may be left out says what it is when left out. */
  @Test
  void everyOptionWithAValueStatesItsDefault() {
    List<String> silent = new ArrayList<>();
    commands().forEach(c -> {
      for (OptionSpec o : c.getCommandSpec().options()) {
        boolean chosenFromAGroup = o.group() != null && o.group().multiplicity().min() > 0;
        if (o.usageHelp() || o.versionHelp() || o.required() || o.arity().max() == 0
            || chosenFromAGroup) {
          continue;
        }
        if (!String.join(" ", o.description()).contains("default")) {
          silent.add(c.getCommandName() + " " + o.longestName());
        }
      }
    });
    assertEquals(List.of(), silent);
  }

  /** Picocli wraps a longer line, which would break an example command in two. */
  @Test
  void everyExampleLineFitsTheHelpWidth() {
    List<String> tooLong = new ArrayList<>();
    Stream.concat(Stream.of(Sommelier.commandLine()), commands()).forEach(c -> {
      for (String line : c.getCommandSpec().usageMessage().footer()) {
        if (line.startsWith("  ") && line.length() > c.getUsageHelpWidth()) {
          tooLong.add(c.getCommandName() + ": " + line);
        }
      }
    });
    assertEquals(List.of(), tooLong);
  }

  @Test
  void everyCommandWithConfigShowsAnExampleOfIt() {
    commands().filter(c -> c.getCommandSpec().findOption("--config") != null).forEach(c -> {
      String footer = String.join("\n", c.getCommandSpec().usageMessage().footer());
      assertTrue(footer.contains("sommelier " + c.getCommandName() + " --config "), footer);
    });
  }

  @Test
  void trainingDefaultsHoldAndAreShown() {
    var settings = train("--folder", "d", "--out", "o").settings();
    assertEquals(OptimizerKind.SGD, settings.optimizer());
    assertEquals(0.001f, settings.learningRate());
    assertEquals(32, settings.batchSize());
    assertEquals(0.5f, settings.head().dropout());
    assertEquals("6:4", settings.split().toString());
    assertEquals(192, settings.inputSize(), "mobilenet_v1");
    assertEquals(197, train("--folder", "d", "--out", "o", "--backbone", "resnet50")
        .settings().inputSize());
    assertEquals(512, settings.preciseBn());
    assertEquals(64, train("--folder", "d", "--out", "o", "--precise-bn", "64")
        .settings().trainingConfig().preciseBnImages());

    String help = CliRun.of("train", "--help").out().replaceAll("\\s+", " ");
    for (String shown : new String[] {"(default: sgd)", "(default: 0.001)", "(default: 32)",
        "(default: 0.5)", "(default: 6:4", "197 for resnet50,", "192 for mobilenet_v1,",
        "0 = off (default: 512)"}) {
      assertTrue(help.contains(shown), shown + " in " + help);
    }
  }

  private static TrainCommand train(String... args) {
    String[] all = Stream.concat(Stream.of("train"), Stream.of(args)).toArray(String[]::new);
    return (TrainCommand) Sommelier.commandLine().parseArgs(all).subcommand().commandSpec()
        .userObject();
  }
}
