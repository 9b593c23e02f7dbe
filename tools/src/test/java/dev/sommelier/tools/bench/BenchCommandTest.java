package dev.sommelier.tools.bench;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import dev.sommelier.core.Device;
import dev.sommelier.core.MixedPrecision;
import dev.sommelier.core.Precision;
import java.io.PrintWriter;
import java.io.StringWriter;
import java.util.List;
import org.junit.jupiter.api.Test;
import picocli.CommandLine;

/** Runs the bench command on the smallest backbone and checks that its numbers hang together. */
class BenchCommandTest {

  @Test
  void jsonReportIsConsistentWithItsOwnMeasurements() throws Exception {
    StringWriter out = new StringWriter();
    int exit =
        new CommandLine(new BenchCommand())
            .setOut(new PrintWriter(out, true))
            .execute("--backbones", "mobilenet_v1:alpha=0.25", "--input-size", "32",
                "--batch", "2", "--warmup", "1", "--runs", "1", "--train-runs", "1", "--matmul-runs", "2", "--precision", "fp32,mixed", "--end-to-end", "16", "--json");
    assertEquals(0, exit);
    JsonNode report = new ObjectMapper().readTree(out.toString());
    double matmul = report.get("matmulGflops").asDouble();
    assertTrue(matmul > 0);
    JsonNode r = report.get("backbones").get(0);
    assertEquals("mobilenet_v1:alpha=0.25", r.get("name").asText());
    assertEquals(32, r.get("inputSize").asInt());
    assertEquals(2, r.get("batch").asInt());
    long flops = r.get("flopsPerImage").asLong();
    assertTrue(flops > 0);
    double fwd = r.get("forwardImagesPerSecond").asDouble();
    double train = r.get("trainImagesPerSecond").asDouble();
    assertEquals(fwd * flops / 1e9, r.get("forwardGflops").asDouble(), 1e-9 * fwd * flops);
    assertEquals(3 * train * flops / 1e9, r.get("trainGflops").asDouble(), 3e-9 * train * flops);
    assertEquals(r.get("forwardGflops").asDouble() / matmul, r.get("forwardRatio").asDouble(), 1e-9);
    assertEquals(r.get("trainGflops").asDouble() / matmul, r.get("trainRatio").asDouble(), 1e-9);
    assertEquals("float32", r.get("precision").asText());
    assertTrue(r.get("peakResidentBytes").asLong() > 0);
    assertTrue(r.get("frozenForwardImagesPerSecond").asDouble() > 0);
    assertTrue(r.get("endToEndTrainImagesPerSecond").asDouble() > 0);
    JsonNode mixed = report.get("backbones").get(1);
    boolean bf16 = MixedPrecision.resolve(Precision.MIXED, Device.CPU).computeType()
        .equals("bfloat16");
    assertEquals(bf16 ? "bfloat16" : "float32", mixed.get("precision").asText());
    assertEquals(bf16, report.get("bf16MatmulGflops").isNumber(), report.toString());
    assertTrue(mixed.get("trainImagesPerSecond").asDouble() > 0);
  }

  @Test
  void settingsRejectZeroWarmup() {
    assertThrows(
        IllegalArgumentException.class, () -> new BenchSettings(Device.CPU, 224, 32, 0, 5, 3, 10, List.of(Precision.FP32), 0));
  }
}
