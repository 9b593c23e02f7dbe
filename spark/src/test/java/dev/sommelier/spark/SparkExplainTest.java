package dev.sommelier.spark;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.sommelier.tasks.jobs.explain.ExplainJob;
import dev.sommelier.tasks.jobs.explain.ExplainResult;
import dev.sommelier.tasks.jobs.explain.ExplainSettings;
import dev.sommelier.tasks.jobs.explain.ExplainedImage;
import dev.sommelier.tasks.jobs.explain.Explanation;
import java.nio.ByteBuffer;
import java.nio.ByteOrder;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import org.apache.spark.sql.Row;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * Spark's Grad-CAM explanations equal those {@code sommelier explain} ({@link ExplainJob}) writes
 * for the same files: the target, its score, the peak and the raw map (read back from the job's
 * {@code .npy} files); overlays are written as PNG when a folder is given.
 */
class SparkExplainTest {

  @TempDir Path tmp;

  @Test
  void explanationsEqualTheSingleMachineExplainJobs() throws Exception {
    List<Path> files = TestSpark.images().subList(0, 9);
    ExplainResult single = new ExplainJob(ExplainSettings.builder(TestSpark.model(), files,
        tmp.resolve("single")).build()).run();
    ExplainOptions options = ExplainOptions.of(TestSpark.model().toString(), "path")
        .withOverlays(tmp.resolve("overlays").toString());
    Map<String, Row> rows = new HashMap<>();
    for (Row r : SparkExplain.explain(
        TestSpark.table(files.stream().map(Path::toString).toList(), 2), options)
        .collectAsList()) {
      rows.put(r.getString(r.fieldIndex("path")), r);
    }
    assertEquals(files.size(), single.images().size());
    for (ExplainedImage e : single.images()) {
      Row r = rows.get(e.file());
      Explanation x = e.explanations().get(0);
      assertNull(r.get(r.fieldIndex("error")));
      assertEquals(e.classes().get(0).name(), r.getString(r.fieldIndex("prediction")));
      assertEquals(x.target(), r.getString(r.fieldIndex("target")));
      assertEquals(x.score(), r.getFloat(r.fieldIndex("score")), 1e-6f);
      assertEquals(x.peakX(), r.getInt(r.fieldIndex("peak_x")), e.file());
      assertEquals(x.peakY(), r.getInt(r.fieldIndex("peak_y")), e.file());
      float[] expected = npy(x.rawNpy());
      List<Float> map = r.getList(r.fieldIndex("map"));
      float[] got = new float[map.size()];
      for (int i = 0; i < got.length; i++) {
        got[i] = map.get(i);
      }
      assertArrayEquals(expected, got, 1e-6f, e.file());
      assertEquals(expected.length,
          r.getInt(r.fieldIndex("map_height")) * r.getInt(r.fieldIndex("map_width")));
      byte[] png = Files.readAllBytes(Path.of(r.getString(r.fieldIndex("overlay"))));
      assertEquals((byte) 0x89, png[0]);
      assertEquals('P', png[1]);
    }
  }

  /** The float32 values of a version 1.0 {@code .npy} file. */
  private static float[] npy(Path file) throws Exception {
    ByteBuffer b = ByteBuffer.wrap(Files.readAllBytes(file)).order(ByteOrder.LITTLE_ENDIAN);
    int header = b.getShort(8) & 0xffff;
    b.position(10 + header);
    float[] v = new float[b.remaining() / Float.BYTES];
    b.asFloatBuffer().get(v);
    assertTrue(v.length > 1);
    return v;
  }
}
