package dev.sommelier.tools.bench;

import dev.sommelier.backbones.BackboneRegistry;
import dev.sommelier.core.Precision;
import dev.sommelier.tools.Cli;
import dev.sommelier.tools.DeviceOption;
import java.io.PrintWriter;
import java.util.List;
import java.util.concurrent.Callable;
import picocli.CommandLine.Command;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Option;
import picocli.CommandLine.Spec;

/**
 * {@code sommelier bench}: forward and training throughput of backbones, their FLOP rate and its
 * ratio to this machine's float32 MatMul rate measured in the same run.
 */
@Command(
    name = "bench",
    mixinStandardHelpOptions = true,
    description = "Measures forward and forward+backward images/s of backbones in float32 and "
        + "mixed precision side by side, the FLOP/s they reach, the ratio to this machine's "
        + "float32 MatMul rate measured in the same run (and the bfloat16 rate where mixed is "
        + "bfloat16), the peak resident memory of each measurement, and train's images/s from "
        + "image files with the pipeline on.",
    footerHeading = "%nExamples:%n",
    footer = {
      "  sommelier bench",
      "  sommelier bench --backbones mobilenet_v1 --batch 8 --warmup 1 --runs 2",
      "  sommelier bench --precision mixed --end-to-end 0",
      "  sommelier bench --backbones resnet50,mobilenet_v1:alpha=0.5 \\",
      "      --input-size 160 --json",
      "",
      "Training FLOPs count the backward pass as 2x the forward pass (a step = 3x forward)."
    })
public final class BenchCommand implements Callable<Integer> {

  @Spec CommandSpec spec;

  @Option(
      names = "--backbones",
      paramLabel = "NAME",
      split = ",",
      defaultValue = "resnet50,mobilenet_v1",
      description = "Backbones to measure, with options (default: ${DEFAULT-VALUE}).")
  List<String> backbones;

  @Option(
      names = "--input-size",
      paramLabel = "N",
      defaultValue = "224",
      description = "Square input size in pixels (default: ${DEFAULT-VALUE}).")
  int inputSize;

  @Option(
      names = "--batch",
      paramLabel = "N",
      defaultValue = "32",
      description = "Images per run (default: ${DEFAULT-VALUE}).")
  int batch;

  @Option(
      names = "--warmup",
      paramLabel = "N",
      defaultValue = "2",
      description = "Untimed runs before each timed series, at least 1 (default: ${DEFAULT-VALUE}).")
  int warmup;

  @Option(
      names = "--runs",
      paramLabel = "N",
      defaultValue = "5",
      description = "Timed forward runs (default: ${DEFAULT-VALUE}).")
  int runs;

  @Option(
      names = "--train-runs",
      paramLabel = "N",
      defaultValue = "3",
      description = "Timed forward+backward runs (default: ${DEFAULT-VALUE}).")
  int trainRuns;

  @Option(
      names = "--matmul-runs",
      paramLabel = "N",
      defaultValue = "10",
      description = "Timed runs of the 2048x2048 MatMul ceiling (default: ${DEFAULT-VALUE}).")
  int matmulRuns;

  @Option(
      names = "--precision",
      paramLabel = "fp32|mixed",
      split = ",",
      defaultValue = "fp32,mixed",
      converter = Cli.PrecisionConverter.class,
      description = "Precisions to measure each backbone in, side by side; mixed is bfloat16 "
          + "compute on a CPU with AVX512_BF16 or AMX, float16 on a GPU "
          + "(default: ${DEFAULT-VALUE}).")
  List<Precision> precisions;

  @Option(
      names = "--end-to-end",
      paramLabel = "N",
      defaultValue = "256",
      description = "Also train each backbone for 2 epochs on N drawn image files, through the"
          + " training pipeline, and report the second epoch's images/s; 0 skips it"
          + " (default: ${DEFAULT-VALUE}).")
  int endToEndImages;

  @Mixin DeviceOption deviceOption;

  @Option(names = "--json", description = "Print JSON instead of a table.")
  boolean json;

  @Override
  public Integer call() {
    BenchSettings settings =
        new BenchSettings(
            deviceOption.device(), inputSize, batch, warmup, runs, trainRuns, matmulRuns,
            precisions, endToEndImages);
    BenchReport report = new BackboneBenchmark(settings, BackboneRegistry.load()).run(backbones);
    PrintWriter out = spec.commandLine().getOut();
    if (json) {
      Cli.printJson(out, report);
    } else {
      BenchTable.print(out, report);
    }
    out.flush();
    return 0;
  }
}
