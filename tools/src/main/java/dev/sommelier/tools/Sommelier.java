package dev.sommelier.tools;

import dev.sommelier.tools.bench.BenchCommand;
import dev.sommelier.tools.gui.GuiCommand;
import java.util.Arrays;
import java.util.concurrent.Callable;
import org.tensorflow.TensorFlow;
import picocli.CommandLine;
import picocli.CommandLine.Command;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Option;
import picocli.CommandLine.ScopeType;
import picocli.CommandLine.Spec;

/**
 * The {@code sommelier} command: lists backbones, summarises models, verifies Keras imports,
 * trains, evaluates, predicts and explains (training and prediction in a window too), and runs
 * benchmarks. Exit status: 0 done, 1 failure, 2 bad usage or bad input.
 */
@Command(
    name = "sommelier",
    mixinStandardHelpOptions = true,
    versionProvider = Sommelier.Version.class,
    description = "Transfer learning and visual explanation on TensorFlow Java.",
    subcommands = {
      BackbonesCommand.class,
      SummaryCommand.class,
      VerifyImportCommand.class,
      ImportCommand.class,
      ExportCommand.class,
      DemoCommand.class,
      TrainCommand.class,
      CompareCommand.class,
      EvaluateCommand.class,
      PredictCommand.class,
      ExplainCommand.class,
      FaithfulnessCommand.class,
      GuiCommand.class,
      ReportCommand.class,
      BenchCommand.class
    },
    footerHeading = "%nExamples:%n",
    footer = {
      "  sommelier demo",
      "  sommelier backbones",
      "  sommelier summary --backbone mobilenet_v1:alpha=0.5 --input-size 160",
      "  sommelier verify-import --keras-model exported/my-keras-model",
      "  sommelier import --keras-model exported/my_model.h5 --labels labels.txt \\",
      "      --out models/mine",
      "  sommelier train --folder data/shapes --out runs/shapes",
      "  sommelier train --config runs/shapes.yaml --epochs 20 --out runs/shapes-20",
      "  sommelier compare --folder data/shapes --runs runs.yaml --out runs/which",
      "  sommelier evaluate --model runs/shapes/model --folder data/shapes \\",
      "      --part test --out eval",
      "  sommelier predict --model runs/shapes/model --out predictions photo.jpg",
      "  sommelier explain --model runs/shapes/model --images photo.jpg --out explained",
      "  sommelier faithfulness --model runs/shapes/model --images test/ --out faith",
      "  sommelier gui",
      "  sommelier report --run runs/shapes",
      "  sommelier <command> --help",
      "",
      "Exit status: 0 done, 1 failure, 2 bad usage or bad input."
    })
public final class Sommelier implements Callable<Integer> {

  /** The slf4j-simple property that sets the level of sommelier's own loggers. */
  static final String DEBUG_LOGGING = "org.slf4j.simpleLogger.log.dev.sommelier";

  @Spec CommandSpec spec;

  /**
   * Accepted by every command. The launcher script reads it to let TensorFlow's native log lines
   * through; here it turns on sommelier's debug messages.
   */
  @Option(
      names = "--verbose",
      scope = ScopeType.INHERIT,
      description = "Show TensorFlow's own log lines (hidden by the sommelier script) and debug messages.")
  boolean verbose;

  /**
   * Runs the command line and exits with its status. AWT (plots) runs headless unless asked
   * otherwise, except for {@code gui}, which needs the display.
   */
  public static void main(String[] args) {
    boolean window = args.length > 0 && args[0].equals("gui");
    if (System.getProperty("java.awt.headless") == null && !window) {
      System.setProperty("java.awt.headless", "true");
    }
    if (Arrays.asList(args).contains("--verbose")) {
      System.setProperty(DEBUG_LOGGING, "debug");
    }
    System.exit(commandLine().execute(args));
  }

  /**
   * The command line with sommelier's error handling: a bad option prints its message and a hint,
   * an {@link IllegalArgumentException} (bad input) prints its message; both exit 2.
   */
  public static CommandLine commandLine() {
    return new CommandLine(new Sommelier())
        .setParameterExceptionHandler(Cli::handleParameterException)
        .setExecutionExceptionHandler(Cli::handleExecutionException);
  }

  /** Without a subcommand: the usage on stderr, exit 2. */
  @Override
  public Integer call() {
    CommandLine cmd = spec.commandLine();
    cmd.usage(cmd.getErr());
    return cmd.getCommandSpec().exitCodeOnInvalidInput();
  }

  /** Version of this build and of the TensorFlow runtime under it. */
  static final class Version implements CommandLine.IVersionProvider {
    @Override
    public String[] getVersion() {
      String own = Sommelier.class.getPackage().getImplementationVersion();
      return new String[] {
        "sommelier " + (own == null ? "(development build)" : own),
        "TensorFlow " + TensorFlow.version()
      };
    }
  }
}
