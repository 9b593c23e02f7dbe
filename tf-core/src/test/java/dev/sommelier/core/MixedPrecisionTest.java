package dev.sommelier.core;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.Set;
import org.junit.jupiter.api.Test;
import org.tensorflow.proto.ConfigProto;
import org.tensorflow.proto.RewriterConfig;

class MixedPrecisionTest {

  private static final Set<String> ZEN4 = Set.of("avx2", "avx512f", "avx512_bf16", "avx512_vnni");
  private static final Set<String> OLD_XEON = Set.of("avx2", "avx512f");

  @Test
  void mixedOnABf16CpuIsBfloat16ThroughOneDnn() {
    MixedPrecision p = MixedPrecision.resolve(Precision.MIXED, Device.CPU, ZEN4);
    assertEquals(Precision.MIXED, p.effective());
    assertEquals("bfloat16", p.computeType());
    assertFalse(p.lossScaling(), "bfloat16 has float32's range");
    RewriterConfig r = p.configure(ConfigProto.newBuilder()).getGraphOptions().getRewriteOptions();
    assertEquals(RewriterConfig.Toggle.ON, r.getAutoMixedPrecisionOnednnBfloat16());
    assertEquals(RewriterConfig.Toggle.DEFAULT, r.getAutoMixedPrecision());
  }

  @Test
  void mixedWithoutBf16InstructionsSaysSoAndRunsFloat32() {
    MixedPrecision p = MixedPrecision.resolve(Precision.MIXED, Device.CPU, OLD_XEON);
    assertEquals(Precision.FP32, p.effective());
    assertEquals("float32", p.computeType());
    assertTrue(p.reason().contains("AVX512_BF16"), p.reason());
    assertFalse(p.configure(ConfigProto.newBuilder()).hasGraphOptions());
  }

  @Test
  void mixedOnAGpuIsFloat16WithLossScaling() {
    MixedPrecision p = MixedPrecision.resolve(Precision.MIXED, new Device(Device.Kind.GPU, 0), Set.of());
    assertEquals("float16", p.computeType());
    assertTrue(p.lossScaling());
    assertEquals(RewriterConfig.Toggle.ON,
        p.configure(ConfigProto.newBuilder()).getGraphOptions().getRewriteOptions()
            .getAutoMixedPrecision());
  }

  @Test
  void fp32IsAlwaysFloat32() {
    MixedPrecision p = MixedPrecision.resolve(Precision.FP32, Device.CPU, ZEN4);
    assertEquals("float32", p.computeType());
    assertFalse(p.configure(ConfigProto.newBuilder()).hasGraphOptions());
  }

  @Test
  void parsesItsNamesAndRejectsOthers() {
    assertEquals(Precision.MIXED, Precision.parse(" Mixed "));
    assertEquals(Precision.FP32, Precision.parse("fp32"));
    IllegalArgumentException e =
        assertThrows(IllegalArgumentException.class, () -> Precision.parse("fp16"));
    assertTrue(e.getMessage().contains("fp32 or mixed"), e.getMessage());
  }
}
