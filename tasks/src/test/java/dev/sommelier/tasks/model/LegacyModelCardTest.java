package dev.sommelier.tasks.model;

import static org.junit.jupiter.api.Assertions.assertEquals;

import dev.sommelier.heads.OutputFunction;
import java.nio.file.Files;
import java.nio.file.Path;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * A {@code model.json} written before heads named their output function (a {@code
 * classification} flag) still reads: true is a softmax classifier, false a linear value.
 */
class LegacyModelCardTest {

  @TempDir Path tmp;

  @Test
  void theClassificationFlagBecomesTheOutputFunction() throws Exception {
    assertEquals(OutputFunction.SOFTMAX, read(true).head().output());
    assertEquals(TaskKind.CLASSIFICATION, read(true).task());
    assertEquals(OutputFunction.LINEAR, read(false).head().output());
    assertEquals(TaskKind.REGRESSION, read(false).task());
  }

  private ModelConfig read(boolean classification) throws Exception {
    Path dir = Files.createDirectories(tmp.resolve(Boolean.toString(classification)));
    String head = classification
        ? "{\"type\":\"softmax\",\"outputs\":2,\"pooling\":\"GAP\",\"hidden\":[],\"dropout\":0.5,"
            + "\"classification\":true}"
        : "{\"type\":\"regressor\",\"outputs\":1,\"pooling\":\"GAP\",\"hidden\":[8],"
            + "\"dropout\":0.0,\"classification\":false}";
    Files.writeString(dir.resolve("model.json"), "{\"format\":1,\"config\":{\"backbone\":"
        + "\"pixels\",\"inputSize\":4,\"head\":" + head + ",\"classes\":"
        + (classification ? "[\"a\",\"b\"]" : "[]") + ",\"batchNorm\":\"FROZEN\",\"seed\":1},"
        + "\"preprocessing\":\"unit\",\"gradCamLayer\":\"x\",\"info\":{}}");
    return ModelStore.card(dir).config();
  }
}
