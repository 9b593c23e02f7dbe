package dev.sommelier.spark.cli;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.sommelier.core.Device;
import dev.sommelier.spark.SparkFeatures;
import dev.sommelier.spark.TestSparkAccess;
import dev.sommelier.tasks.predict.Predictor;
import java.io.PrintWriter;
import java.io.StringWriter;
import java.net.URI;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import org.apache.spark.sql.Row;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * The launcher on the test session: predict lists a folder (sub-folders too, non-images left
 * out), writes predictions.parquet with the Predictor's answers and an error row for a corrupt
 * image; features writes the Parquet columns heads train from; a missing model directory exits
 * with status 2 and names it.
 */
class SommelierSparkTest {

  @TempDir Path tmp;

  @Test
  void predictAndFeaturesWriteParquetAndAMissingModelIsBadInput() throws Exception {
    TestSparkAccess.spark();
    Path shapes = TestSparkAccess.shapes();
    Path model = TestSparkAccess.model();
    Path extra = tmp.resolve("in");
    Files.createDirectories(extra);
    Files.write(extra.resolve("broken.jpg"), new byte[] {1, 2, 3});
    Files.writeString(extra.resolve("notes.txt"), "not an image");
    StringWriter out = new StringWriter();
    int status = SommelierSpark.run(new String[] {"predict", "--model", model.toString(),
        "--out", tmp.resolve("out").toString(), "--partitions", "3", shapes.toString(),
        extra.toString()}, new PrintWriter(out), new PrintWriter(new StringWriter()));
    assertEquals(0, status, out.toString());
    List<Row> rows = TestSparkAccess.spark().read()
        .parquet(tmp.resolve("out/predictions.parquet").toString()).collectAsList();
    assertEquals(TestSparkAccess.images().size() + 1, rows.size());
    assertTrue(out.toString().contains(TestSparkAccess.images().size() + " images predicted, 1"
        + " without an answer"), out.toString());
    try (Predictor p = Predictor.load(model, Device.CPU)) {
      for (Row r : rows) {
        Path file = Path.of(URI.create(r.getString(r.fieldIndex("path"))));
        if (file.getFileName().toString().equals("broken.jpg")) {
          assertTrue(r.getString(r.fieldIndex("error")).contains("broken.jpg"));
        } else {
          assertNull(r.get(r.fieldIndex("error")));
          assertEquals(p.predict(file).top().name(), r.getString(r.fieldIndex("prediction")));
        }
      }
    }

    status = SommelierSpark.run(new String[] {"features", "--model", model.toString(),
        "--folder", shapes.toString(), "--out", tmp.resolve("features").toString()},
        new PrintWriter(out), new PrintWriter(new StringWriter()));
    assertEquals(0, status, out.toString());
    List<Row> features = TestSparkAccess.spark().read()
        .parquet(tmp.resolve("features/features.parquet").toString()).collectAsList();
    assertEquals(TestSparkAccess.images().size(), features.size());
    Row f = features.get(0);
    assertEquals(List.of(SparkFeatures.PATH, SparkFeatures.LABEL, SparkFeatures.FEATURES,
        SparkFeatures.BACKBONE, SparkFeatures.FINGERPRINT), List.of(f.schema().fieldNames()));
    assertEquals(Path.of(URI.create(f.getString(0))).getParent().getFileName().toString(),
        f.getString(1));

    StringWriter err = new StringWriter();
    String missing = tmp.resolve("nowhere").toString();
    status = SommelierSpark.run(new String[] {"predict", "--model", missing, "--out",
        tmp.resolve("x").toString(), shapes.toString()}, new PrintWriter(out),
        new PrintWriter(err));
    assertEquals(2, status);
    assertTrue(err.toString().contains(missing), err.toString());
  }
}
