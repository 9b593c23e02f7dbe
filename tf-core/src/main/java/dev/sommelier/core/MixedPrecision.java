package dev.sommelier.core;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Arrays;
import java.util.Locale;
import java.util.Set;
import java.util.regex.Pattern;
import java.util.stream.Collectors;
import org.tensorflow.proto.ConfigProto;
import org.tensorflow.proto.RewriterConfig;

/**
 * What {@link Precision#MIXED} means on one device, decided once when a runtime opens.
 *
 * <p>On the CPU it turns on TensorFlow's oneDNN bfloat16 auto-mixed-precision rewrite, which needs
 * the AVX512_BF16 or AMX instructions; without them the rewrite would emulate bfloat16 and run
 * slower than float32, so the runtime says so and runs float32. On a GPU it turns on the float16
 * rewrite, whose gradients need {@linkplain #lossScaling() dynamic loss scaling}.
 *
 * @param requested what was asked for
 * @param effective what the graph computes in: {@code MIXED} only where the hardware has it
 * @param computeType {@code float32}, {@code bfloat16} or {@code float16}
 * @param reason one line for the log: why this is the effective precision
 */
public record MixedPrecision(
    Precision requested, Precision effective, String computeType, String reason) {

  private static final Set<String> BF16_FLAGS = Set.of("avx512_bf16", "amx_bf16");
  private static final Path CPU_INFO = Path.of("/proc/cpuinfo");
  private static final Pattern FLAGS_LINE = Pattern.compile("^flags\\s*:", Pattern.MULTILINE);

  /** Resolves {@code requested} on {@code device} for this machine's CPU. */
  public static MixedPrecision resolve(Precision requested, Device device) {
    return resolve(requested, device, CpuFlags.OF_THIS_MACHINE);
  }

  /** This machine's CPU flags, read from {@code /proc/cpuinfo} once, when first needed. */
  private static final class CpuFlags {
    static final Set<String> OF_THIS_MACHINE = cpuFlags();
  }

  /** Resolves {@code requested} on {@code device} for a CPU with these {@code /proc/cpuinfo} flags. */
  static MixedPrecision resolve(Precision requested, Device device, Set<String> cpuFlags) {
    if (requested == Precision.FP32) {
      return new MixedPrecision(requested, Precision.FP32, "float32", "float32 asked for");
    }
    if (device.kind() == Device.Kind.GPU) {
      return new MixedPrecision(requested, Precision.MIXED, "float16",
          "float16 compute on the GPU with dynamic loss scaling");
    }
    Set<String> found = cpuFlags.stream().filter(BF16_FLAGS::contains).collect(Collectors.toSet());
    if (found.isEmpty()) {
      return new MixedPrecision(requested, Precision.FP32, "float32",
          "this CPU has neither AVX512_BF16 nor AMX, so bfloat16 would be emulated and slower: "
              + "running float32");
    }
    return new MixedPrecision(requested, Precision.MIXED, "bfloat16",
        "bfloat16 compute through oneDNN (CPU has " + String.join(", ", found.stream().sorted()
            .map(f -> f.toUpperCase(Locale.ROOT)).toList()) + ")");
  }

  /** True when training must scale the loss to keep float16 gradients from underflowing. */
  public boolean lossScaling() {
    return effective == Precision.MIXED && computeType.equals("float16");
  }

  /** Sets the graph rewrite this precision needs on {@code config}. */
  ConfigProto.Builder configure(ConfigProto.Builder config) {
    if (effective == Precision.MIXED) {
      RewriterConfig.Builder rewrite = config.getGraphOptionsBuilder().getRewriteOptionsBuilder();
      if (computeType.equals("bfloat16")) {
        rewrite.setAutoMixedPrecisionOnednnBfloat16(RewriterConfig.Toggle.ON);
      } else {
        rewrite.setAutoMixedPrecision(RewriterConfig.Toggle.ON);
      }
    }
    return config;
  }

  /** The CPU's feature flags, empty where {@code /proc/cpuinfo} cannot be read. */
  private static Set<String> cpuFlags() {
    try {
      String info = Files.readString(CPU_INFO);
      var m = FLAGS_LINE.matcher(info);
      if (!m.find()) {
        return Set.of();
      }
      int end = info.indexOf('\n', m.end());
      String line = info.substring(m.end(), end < 0 ? info.length() : end);
      return Set.copyOf(Arrays.asList(line.trim().split("\\s+")));
    } catch (IOException | RuntimeException e) {
      return Set.of();
    }
  }
}
