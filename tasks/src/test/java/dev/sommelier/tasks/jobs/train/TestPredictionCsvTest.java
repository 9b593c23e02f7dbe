package dev.sommelier.tasks.jobs.train;

import dev.sommelier.tasks.model.ValueOutput;
import dev.sommelier.tasks.model.ClassesOutput;
import static org.junit.jupiter.api.Assertions.assertEquals;

import dev.sommelier.tasks.jobs.ModelOutputs;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** {@code test-predictions.csv}: class names by the most probable class, or values as given. */
class TestPredictionCsvTest {

  @TempDir Path tmp;

  @Test
  void classificationRowsNameTheTrueAndTheMostProbableClass() throws Exception {
    ModelOutputs outputs = new ModelOutputs(List.of("a.png", "b.png"), new int[] {0, 1},
        new float[] {Float.NaN, Float.NaN}, new float[] {0.2f, 0.8f, 0.5f, 0.5f}, List.of());
    Path file = tmp.resolve(TestPredictionCsv.FILE);
    TestPredictionCsv.write(file, outputs, new ClassesOutput(List.of("cat", "dog")));
    assertEquals(List.of("id,true,predicted", "a.png,cat,dog", "b.png,dog,cat"),
        Files.readAllLines(file, StandardCharsets.UTF_8), "a tie takes the lower index");
  }

  @Test
  void regressionRowsHoldTheValues() throws Exception {
    ModelOutputs outputs = new ModelOutputs(List.of("x,1.png"), new int[] {-1},
        new float[] {3f}, new float[] {2.5f}, List.of());
    Path file = tmp.resolve(TestPredictionCsv.FILE);
    TestPredictionCsv.write(file, outputs, new ValueOutput());
    assertEquals(List.of("id,true,predicted", "\"x,1.png\",3.0,2.5"),
        Files.readAllLines(file, StandardCharsets.UTF_8));
  }
}
