package dev.sommelier.examples;

import dev.sommelier.api.ImageModel;
import dev.sommelier.api.Sommelier;
import dev.sommelier.tasks.jobs.EvaluationReport;
import dev.sommelier.tasks.jobs.train.TrainResult;
import java.io.IOException;
import java.nio.file.Path;
import java.util.Locale;

/**
 * Example 2: trains a classifier on a folder of class folders ({@code FOLDER/<class>/*.jpg}) with
 * the facade's defaults (MobileNetV1 0.25 from its built-in ImageNet weights, the head trained on
 * features computed once), prints the test accuracy and where the model was saved, and loads it
 * back to show it answers.
 *
 * <pre>
 * java -cp target/sommelier-examples.jar dev.sommelier.examples.TrainOnFolder FOLDER OUT [EPOCHS]
 * </pre>
 *
 * <p>{@code EPOCHS} defaults to 10. An {@code OUT} folder holding an unfinished run resumes it.
 */
public final class TrainOnFolder {

  private TrainOnFolder() {}

  /** Runs the example; see the class comment for the arguments. */
  public static void main(String[] args) throws IOException {
    if (args.length < 2 || args.length > 3) {
      System.err.println("usage: TrainOnFolder FOLDER OUT [EPOCHS]");
      System.exit(2);
    }
    int epochs = args.length == 3 ? epochs(args[2]) : 10;

    TrainResult run = Sommelier.train(Path.of(args[0]), Path.of(args[1]))
        .epochs(epochs)
        .seed(42)
        .run();

    EvaluationReport test = run.evaluation();
    if (test.classification() != null) {
      System.out.printf(Locale.ROOT, "%s accuracy %.4f on %d images%n", test.part(),
          test.classification().accuracy(), test.samples());
    } else {
      System.out.printf(Locale.ROOT, "%s MAE %.4f on %d images%n", test.part(),
          test.regression().mae(), test.samples());
    }
    System.out.printf(Locale.ROOT, "model in %s (%.0f s, report %s)%n", run.model(),
        run.seconds(), run.report());
    try (ImageModel model = Sommelier.load(run.model())) {
      System.out.println("loads back with classes " + model.classes());
    }
  }

  private static int epochs(String text) {
    try {
      return Integer.parseInt(text);
    } catch (NumberFormatException e) {
      System.err.println("TrainOnFolder: EPOCHS must be a whole number, got '" + text + "'");
      System.exit(2);
      return 0;
    }
  }
}
