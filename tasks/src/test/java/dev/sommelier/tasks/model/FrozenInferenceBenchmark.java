package dev.sommelier.tasks.model;

import dev.sommelier.backbones.BackboneRegistry;
import dev.sommelier.core.Device;
import dev.sommelier.core.Precision;
import dev.sommelier.core.layers.BatchNormMode;
import dev.sommelier.heads.HeadSpec;
import dev.sommelier.heads.Pooling;
import dev.sommelier.tasks.explain.CamMethod;
import dev.sommelier.tasks.explain.CamTarget;
import dev.sommelier.tasks.explain.GradCam;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Locale;
import java.util.stream.IntStream;

/**
 * Images per second of today's inference graph (variables, batch-norm ops) against the frozen one,
 * for prediction and for Grad-CAM at the backbone's default layer, per backbone and precision, on
 * seeded random weights. The two graphs run alternately, round by round, so that a neighbour's
 * load on a shared machine falls on both; the median round is reported.
 *
 * <p>Run: {@code java -cp ... dev.sommelier.tasks.model.FrozenInferenceBenchmark [backbone ...]}
 * (default {@code mobilenet_v1 resnet50}); system properties {@code size} (224), {@code batch}
 * (16), {@code rounds} (5), {@code precisions} (fp32,mixed), {@code gradcam} (true), {@code
 * alternate} (true; false runs every round of today's graph, then every round of the frozen one),
 * {@code precisionsOnly} (false; true compares frozen float32 with frozen mixed instead).
 */
public final class FrozenInferenceBenchmark {

  private FrozenInferenceBenchmark() {}

  public static void main(String[] args) {
    List<String> backbones = args.length == 0 ? List.of("mobilenet_v1", "resnet50") : List.of(args);
    int size = Integer.getInteger("size", 224);
    int batch = Integer.getInteger("batch", 16);
    int rounds = Integer.getInteger("rounds", 5);
    boolean gradCam = Boolean.parseBoolean(System.getProperty("gradcam", "true"));
    List<Precision> precisions = Arrays.stream(System.getProperty("precisions", "fp32,mixed")
        .split(",")).map(Precision::parse).toList();
    System.out.printf(Locale.ROOT, "backbone precision what: today img/s, frozen img/s, ratio"
        + " (median of %d alternating rounds, batch %d, %dx%d, %d cores)%n", rounds, batch, size,
        size, Runtime.getRuntime().availableProcessors());
    for (String backbone : backbones) {
      ModelConfig config = new ModelConfig(backbone, size, HeadSpec.softmax(10, Pooling.GAP, 0f),
          IntStream.range(0, 10).mapToObj(i -> "c" + i).toList(), BatchNormMode.FROZEN, 3);
      if (Boolean.getBoolean("precisionsOnly")) {
        comparePrecisions(backbone, config, rounds, batch);
        continue;
      }
      for (Precision p : precisions) {
        try (TaskModel today = TaskModel.create(config, BackboneRegistry.load(), Device.CPU, p)) {
          long t0 = System.nanoTime();
          try (TaskModel frozen = today.frozen(p)) {
            double freezeSeconds = (System.nanoTime() - t0) / 1e9;
            float[] x = FrozenModelTest.images(today, batch);
            compare(backbone, p, "predict", rounds, batch,
                () -> today.predict(x, batch), () -> frozen.predict(x, batch));
            System.out.printf(Locale.ROOT, "  (freezing took %.1f s)%n", freezeSeconds);
            if (gradCam) {
              GradCam a = GradCam.of(today);
              GradCam b = GradCam.of(frozen);
              compare(backbone, p, "gradcam", rounds, batch,
                  () -> a.explain(x, batch, CamTarget.predictedClass(), CamMethod.GRAD_CAM),
                  () -> b.explain(x, batch, CamTarget.predictedClass(), CamMethod.GRAD_CAM));
            }
          }
        }
      }
    }
  }

  /** Frozen float32 against frozen mixed, alternating: "today" is float32 in the line printed. */
  private static void comparePrecisions(String backbone, ModelConfig config, int rounds,
      int batch) {
    try (TaskModel source = TaskModel.create(config, BackboneRegistry.load(), Device.CPU);
        TaskModel fp32 = source.frozen(Precision.FP32);
        TaskModel mixed = source.frozen(Precision.MIXED)) {
      float[] x = FrozenModelTest.images(source, batch);
      compare(backbone, Precision.MIXED, "frozen fp32 vs mixed predict", rounds, batch,
          () -> fp32.predict(x, batch), () -> mixed.predict(x, batch));
      GradCam a = GradCam.of(fp32);
      GradCam b = GradCam.of(mixed);
      compare(backbone, Precision.MIXED, "frozen fp32 vs mixed gradcam", rounds, batch,
          () -> a.explain(x, batch, CamTarget.predictedClass(), CamMethod.GRAD_CAM),
          () -> b.explain(x, batch, CamTarget.predictedClass(), CamMethod.GRAD_CAM));
    }
  }

  private static void compare(String backbone, Precision p, String what, int rounds, int batch,
      Runnable today, Runnable frozen) {
    today.run();
    frozen.run();
    List<Double> a = new ArrayList<>();
    List<Double> b = new ArrayList<>();
    boolean alternate = Boolean.parseBoolean(System.getProperty("alternate", "true"));
    for (int r = 0; r < rounds; r++) {
      a.add(seconds(today));
      if (alternate) {
        b.add(seconds(frozen));
      }
    }
    for (int r = 0; r < rounds && !alternate; r++) {
      b.add(seconds(frozen));
    }
    double ta = batch / median(a);
    double tb = batch / median(b);
    System.out.printf(Locale.ROOT, "%s %s %s: %.1f, %.1f, %.2fx%n", backbone, p.key(), what, ta,
        tb, tb / ta);
  }

  private static double seconds(Runnable r) {
    long t = System.nanoTime();
    r.run();
    return (System.nanoTime() - t) / 1e9;
  }

  private static double median(List<Double> v) {
    List<Double> s = v.stream().sorted().toList();
    return s.get(s.size() / 2);
  }
}
