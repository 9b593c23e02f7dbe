package dev.sommelier.tasks.eval;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.util.List;
import org.junit.jupiter.api.Test;

/**
 * A 3-class example worked out by hand. Predicted classes 0 0 0 1 | 1 1 0 | 2 1 for true classes
 * 0 0 0 0 | 1 1 1 | 2 2 give the confusion matrix [[3,1,0],[1,2,0],[0,1,1]]: column sums 4, 4, 1;
 * precision 3/4, 2/4, 1/1; recall 3/4, 2/3, 1/2; F1 3/4, 4/7, 2/3.
 */
class ClassificationEvaluationTest {

  private static final double EPS = 1e-9;
  private static final List<String> NAMES = List.of("cat", "dog", "bird");
  private static final int[] TRUTH = {0, 0, 0, 0, 1, 1, 1, 2, 2};
  private static final float[][] PROBABILITIES = {
    {0.7f, 0.2f, 0.1f},
    {0.6f, 0.3f, 0.1f},
    {0.5f, 0.1f, 0.4f},
    {0.3f, 0.6f, 0.1f}, // cat predicted dog, cat second: top-2 hit
    {0.2f, 0.7f, 0.1f},
    {0.1f, 0.8f, 0.1f},
    {0.5f, 0.1f, 0.4f}, // dog predicted cat, dog last: top-2 miss
    {0.1f, 0.2f, 0.7f},
    {0.3f, 0.4f, 0.3f}, // bird predicted dog; bird ties cat and loses on index: top-2 miss
  };

  @Test
  void matchesTheHandWorkedExample() {
    ClassificationReport report = ClassificationEvaluation.evaluate(TRUTH, PROBABILITIES, NAMES, 2);
    assertEquals(9, report.samples());
    assertEquals(6.0 / 9, report.accuracy(), EPS);
    assertEquals(2, report.topK());
    assertEquals(7.0 / 9, report.topKAccuracy(), EPS);
    assertArrayEquals(
        new long[][] {{3, 1, 0}, {1, 2, 0}, {0, 1, 1}}, report.confusionMatrix().counts());
    assertEquals(NAMES, report.confusionMatrix().classes());
    assertClass(report.perClass().get(0), "cat", 3.0 / 4, 3.0 / 4, 3.0 / 4, 4);
    assertClass(report.perClass().get(1), "dog", 1.0 / 2, 2.0 / 3, 4.0 / 7, 3);
    assertClass(report.perClass().get(2), "bird", 1.0, 1.0 / 2, 2.0 / 3, 2);
    assertEquals((3.0 / 4 + 4.0 / 7 + 2.0 / 3) / 3, report.macroF1(), EPS); // 167/252
    assertEquals((4 * 3.0 / 4 + 3 * 4.0 / 7 + 2 * 2.0 / 3) / 9, report.weightedF1(), EPS);
  }

  @Test
  void flatRowsGiveTheSameReport() {
    float[] flat = new float[TRUTH.length * 3];
    for (int i = 0; i < TRUTH.length; i++) {
      System.arraycopy(PROBABILITIES[i], 0, flat, 3 * i, 3);
    }
    assertEquals(
        ClassificationEvaluation.evaluate(TRUTH, PROBABILITIES, NAMES, 2),
        ClassificationEvaluation.evaluate(TRUTH, flat, NAMES, 2));
  }

  @Test
  void topKIsClampedToTheNumberOfClasses() {
    ClassificationReport report = ClassificationEvaluation.evaluate(TRUTH, PROBABILITIES, NAMES, 5);
    assertEquals(3, report.topK());
    assertEquals(1.0, report.topKAccuracy(), EPS);
    ClassificationReport top1 = ClassificationEvaluation.evaluate(TRUTH, PROBABILITIES, NAMES, 1);
    assertEquals(top1.accuracy(), top1.topKAccuracy(), EPS);
  }

  @Test
  void aClassNeverSeenNorPredictedScoresZeroAndCountsInTheMacroMean() {
    List<String> names = List.of("cat", "dog", "bird", "fish");
    float[][] rows = new float[PROBABILITIES.length][];
    for (int i = 0; i < rows.length; i++) {
      rows[i] = new float[] {PROBABILITIES[i][0], PROBABILITIES[i][1], PROBABILITIES[i][2], 0f};
    }
    ClassificationReport report = ClassificationEvaluation.evaluate(TRUTH, rows, names, 2);
    assertClass(report.perClass().get(3), "fish", 0, 0, 0, 0);
    assertEquals((3.0 / 4 + 4.0 / 7 + 2.0 / 3) / 4, report.macroF1(), EPS);
    assertEquals((4 * 3.0 / 4 + 3 * 4.0 / 7 + 2 * 2.0 / 3) / 9, report.weightedF1(), EPS);
  }

  @Test
  void serialisesToReadableJsonAndBack() throws Exception {
    ObjectMapper json = new ObjectMapper();
    ClassificationReport report = ClassificationEvaluation.evaluate(TRUTH, PROBABILITIES, NAMES, 2);
    String text = json.writeValueAsString(report);
    JsonNode tree = json.readTree(text);
    assertEquals(6.0 / 9, tree.get("accuracy").asDouble(), EPS);
    assertEquals("dog", tree.get("perClass").get(1).get("name").asText());
    assertEquals(3, tree.get("perClass").get(1).get("support").asLong());
    assertEquals("bird", tree.get("confusionMatrix").get("classes").get(2).asText());
    assertEquals(1, tree.get("confusionMatrix").get("counts").get(2).get(1).asLong());
    assertEquals(report, json.readValue(text, ClassificationReport.class));
  }

  @Test
  void rejectsBadInput() {
    assertThrows(
        IllegalArgumentException.class,
        () -> ClassificationEvaluation.evaluate(new int[] {3}, new float[] {1, 0, 0}, NAMES, 1));
    assertThrows(
        IllegalArgumentException.class,
        () -> ClassificationEvaluation.evaluate(new int[] {0}, new float[] {1, 0}, NAMES, 1));
    assertThrows(
        IllegalArgumentException.class,
        () -> ClassificationEvaluation.evaluate(
                new int[] {0}, new float[] {Float.NaN, 0, 1}, NAMES, 1));
    assertThrows(
        IllegalArgumentException.class,
        () -> ClassificationEvaluation.evaluate(new int[] {0}, new float[] {1, 0, 0}, NAMES, 0));
    assertThrows(
        IllegalArgumentException.class,
        () -> ClassificationEvaluation.evaluate(new int[0], new float[0], NAMES, 1));
  }

  private static void assertClass(
      ClassMetrics metrics, String name, double precision, double recall, double f1, long support) {
    assertEquals(name, metrics.name());
    assertEquals(precision, metrics.precision(), EPS, name + " precision");
    assertEquals(recall, metrics.recall(), EPS, name + " recall");
    assertEquals(f1, metrics.f1(), EPS, name + " F1");
    assertEquals(support, metrics.support(), name + " support");
  }
}
