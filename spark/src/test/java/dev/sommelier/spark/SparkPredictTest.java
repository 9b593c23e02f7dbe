package dev.sommelier.spark;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.sommelier.core.Device;
import dev.sommelier.tasks.eval.ClassProbability;
import dev.sommelier.tasks.predict.Prediction;
import dev.sommelier.tasks.predict.Predictor;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import org.apache.spark.sql.Row;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * Spark's predictions on a table of image paths are exactly the single-machine {@link
 * Predictor}'s on the same files; unreadable and corrupt images become error rows; a missing model
 * directory fails on the driver before any task runs.
 */
class SparkPredictTest {

  @TempDir Path tmp;

  @Test
  void predictionsEqualThePredictorsOnTheSameFilesAndBadImagesBecomeErrorRows() throws Exception {
    List<Path> files = TestSpark.images();
    Path corrupt = tmp.resolve("corrupt.png");
    Files.write(corrupt, new byte[] {(byte) 0x89, 'P', 'N', 'G', 1, 2, 3});
    List<String> paths = new ArrayList<>();
    files.forEach(f -> paths.add(f.toString()));
    paths.add(corrupt.toString());
    paths.add(tmp.resolve("missing.png").toUri().toString());
    PredictOptions options = new PredictOptions(TestSpark.model().toString(), "path", 5, 2);
    Map<String, Row> rows = new HashMap<>();
    for (Row r : SparkPredict.predict(TestSpark.table(paths, 3), options).collectAsList()) {
      rows.put(r.getString(r.fieldIndex("path")), r);
    }
    assertEquals(paths.size(), rows.size());
    try (Predictor predictor = Predictor.load(TestSpark.model(), Device.CPU)) {
      List<String> classes = predictor.model().config().classes();
      for (Path f : files) {
        Row r = rows.get(f.toString());
        Prediction p = predictor.predict(f);
        assertNull(r.get(r.fieldIndex("error")));
        assertEquals(p.top().name(), r.getString(r.fieldIndex("prediction")));
        List<Float> probabilities = r.getList(r.fieldIndex("probabilities"));
        assertEquals(classes.size(), probabilities.size());
        for (ClassProbability c : p.classes()) {
          assertEquals(c.probability(), probabilities.get(classes.indexOf(c.name())), 0f,
              f + " " + c.name());
        }
        List<Row> top = r.getList(r.fieldIndex("top_k"));
        assertEquals(2, top.size());
        assertEquals(p.classes().get(1).name(), top.get(1).getString(0));
        assertEquals(p.classes().get(1).probability(), top.get(1).getFloat(1), 0f);
      }
    }
    Row bad = rows.get(corrupt.toString());
    assertNull(bad.get(bad.fieldIndex("prediction")));
    assertTrue(bad.getString(bad.fieldIndex("error")).contains("corrupt.png"),
        bad.getString(bad.fieldIndex("error")));
    Row missing = rows.get(tmp.resolve("missing.png").toUri().toString());
    assertTrue(missing.getString(missing.fieldIndex("error")).contains("missing.png"));
  }

  @Test
  void aMissingModelDirectoryFailsOnTheDriverNamingIt() {
    String dir = tmp.resolve("no-such-model").toString();
    IllegalArgumentException e = assertThrows(IllegalArgumentException.class,
        () -> SparkPredict.predict(TestSpark.table(List.of("a.png"), 1),
            PredictOptions.of(dir, "path")));
    assertTrue(e.getMessage().contains(dir), e.getMessage());
    assertTrue(e.getMessage().contains("does not exist"), e.getMessage());
  }
}
