package dev.sommelier.tools;

import static org.junit.jupiter.api.Assertions.assertEquals;

import dev.sommelier.tasks.eval.RegressionReport;
import dev.sommelier.tasks.jobs.EvaluationReport;
import dev.sommelier.tasks.model.TaskKind;
import java.io.PrintWriter;
import java.io.StringWriter;
import java.util.List;
import org.junit.jupiter.api.Test;

/** The evaluation's first line says how many of the part's images it used. */
class EvaluationTextTest {

  private static String firstLine(List<String> skipped) {
    EvaluationReport r = new EvaluationReport("test", TaskKind.REGRESSION, 13, null,
        new RegressionReport(13, 0.5, 0.75, 0.25, -0.125), null, skipped);
    StringWriter out = new StringWriter();
    EvaluationText.print(new PrintWriter(out, true), r);
    return out.toString().lines().findFirst().orElseThrow();
  }

  @Test
  void aWholePartIsItsNumberOfImages() {
    assertEquals("Test (13 images): MAE 0.5000, RMSE 0.7500, R2 0.2500, mean error -0.1250",
        firstLine(List.of()));
  }

  @Test
  void aPartThatLostImagesAtRunTimeSaysSo() {
    assertEquals("Test (13 of 14 images, 1 unreadable): MAE 0.5000, RMSE 0.7500, R2 0.2500,"
        + " mean error -0.1250", firstLine(List.of("a/changed.jpg")));
  }
}
