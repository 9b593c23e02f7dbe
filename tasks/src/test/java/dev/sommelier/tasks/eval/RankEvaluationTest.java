package dev.sommelier.tasks.eval;

import static org.junit.jupiter.api.Assertions.assertEquals;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import org.junit.jupiter.api.Test;

class RankEvaluationTest {

  private static final double EPS = 1e-6;
  private static final RankScale FIVE = new RankScale(1, 5);

  /**
   * Validation: rank + 0.6 / 0.7 / 0.8, so the tuned cut points are 2.2, 3.2, 4.2, 5.2. Test: rank
   * + 0.25, 0.45, 0.6, 0.75, 1.0; rounding gets the first two right for ranks 1 to 4 and all five
   * for rank 5 (clamped): 13 of 25.
   */
  private static RankReport biasedReport() {
    float[][] validation = ThresholdTunerTest.offsets(1, 5, 0.6f, 0.7f, 0.8f);
    float[][] test = ThresholdTunerTest.offsets(1, 5, 0.25f, 0.45f, 0.6f, 0.75f, 1.0f);
    return RankEvaluation.evaluate(FIVE, validation[0], validation[1], test[0], test[1]);
  }

  @Test
  void tunedThresholdsFixASystematicBias() {
    RankReport report = biasedReport();
    assertEquals(15, report.validationSamples());
    assertEquals(25, report.testSamples());
    assertEquals(13.0 / 25, report.roundedAccuracy(), EPS);
    assertEquals(1.0, report.tunedAccuracy(), EPS);
    assertEquals(5, report.testErrors().size());
    for (int r = 0; r < 5; r++) {
      RankErrors errors = report.testErrors().get(r);
      assertEquals(r + 1, errors.rank());
      assertEquals(5, errors.count());
      assertEquals(0.61, errors.meanError(), EPS);
      assertEquals(0.25, errors.min(), EPS);
      assertEquals(0.45, errors.q1(), EPS);
      assertEquals(0.6, errors.median(), EPS);
      assertEquals(0.75, errors.q3(), EPS);
      assertEquals(1.0, errors.max(), EPS);
    }
  }

  @Test
  void serialisesToReadableJsonAndBack() throws Exception {
    ObjectMapper json = new ObjectMapper();
    RankReport report = biasedReport();
    String text = json.writeValueAsString(report);
    JsonNode tree = json.readTree(text);
    assertEquals(0.52, tree.get("roundedAccuracy").asDouble(), EPS);
    assertEquals(5, tree.get("thresholds").get("scale").get("max").asInt());
    assertEquals(2.2, tree.get("thresholds").get("cutPoints").get(0).asDouble(), EPS);
    assertEquals(0.6, tree.get("testErrors").get(2).get("median").asDouble(), EPS);
    assertEquals(report, json.readValue(text, RankReport.class));
  }
}
