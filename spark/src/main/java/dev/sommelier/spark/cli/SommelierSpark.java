package dev.sommelier.spark.cli;

import java.io.PrintWriter;
import org.apache.spark.sql.SparkSession;
import picocli.CommandLine;
import picocli.CommandLine.Command;

/**
 * {@code sommelier-spark}: batch prediction, explanation and backbone features on Apache Spark,
 * started by {@code spark-submit}. Exit status: 0 done, 1 failure, 2 bad usage or bad input (a
 * missing model directory, an unknown class).
 */
@Command(
    name = "sommelier-spark",
    mixinStandardHelpOptions = true,
    description = "Predicts, explains and computes backbone features of many images on Apache"
        + " Spark; the options are those of the sommelier commands of the same names. Start it"
        + " with spark-submit; images and outputs may be on any file system Hadoop reads.",
    subcommands = {PredictCommand.class, ExplainCommand.class, FeaturesCommand.class},
    footerHeading = "%nExamples:%n",
    footer = {
      "  spark-submit --master yarn --class dev.sommelier.spark.cli.SommelierSpark \\",
      "      sommelier-spark.jar predict --model /shared/runs/shapes/model \\",
      "      --out hdfs:///out/predictions hdfs:///incoming/",
      "  spark-submit sommelier-spark.jar explain --model runs/shapes/model \\",
      "      --images incoming/ --overlays --out explained",
      "  spark-submit sommelier-spark.jar features --model models/mobilenet \\",
      "      --folder data/shapes --out features",
      "  sommelier-spark <command> --help"
    })
public final class SommelierSpark {

  private SommelierSpark() {}

  /** Runs the command line and exits with its status. */
  public static void main(String[] args) {
    System.exit(run(args, new PrintWriter(System.out, true), new PrintWriter(System.err, true)));
  }

  /** Runs the command line, printing to {@code out} and {@code err}; returns the exit status. */
  public static int run(String[] args, PrintWriter out, PrintWriter err) {
    CommandLine cmd = new CommandLine(SommelierSpark.class);
    cmd.setOut(out);
    cmd.setErr(err);
    cmd.setExecutionExceptionHandler((e, line, parsed) -> {
      boolean input = e instanceof IllegalArgumentException;
      line.getErr().println("sommelier-spark: " + (input ? e.getMessage() : e.toString()));
      if (!input) {
        e.printStackTrace(line.getErr());
      }
      return input ? 2 : 1;
    });
    return cmd.execute(args);
  }

  /** The session spark-submit configured (master, executors), or a new one from its settings. */
  static SparkSession session(String command) {
    return SparkSession.builder().appName("sommelier-spark " + command).getOrCreate();
  }
}
