package dev.sommelier.backbones.keras;

import dev.sommelier.backbones.BackboneRegistry;
import dev.sommelier.backbones.Preprocessing;
import dev.sommelier.core.Device;
import dev.sommelier.core.ModelRuntime;
import dev.sommelier.core.Tensors;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Random;
import org.tensorflow.Result;
import org.tensorflow.SavedModelBundle;
import org.tensorflow.SessionFunction;
import org.tensorflow.Signature;
import org.tensorflow.Tensor;
import org.tensorflow.ndarray.Shape;
import org.tensorflow.types.TFloat32;

/**
 * Proves an import faithful: runs the SavedModel's own {@code serving_default} and the rebuilt
 * graph on the same deterministic, non-constant images and reports the largest difference.
 */
public final class ImportVerifier {

  private ImportVerifier() {}

  /** Verifies the Keras SavedModel in {@code dir} on {@code images} seeded test images. */
  public static ImportVerification verify(
      Path dir, BackboneRegistry registry, Device device, int images, long seed) {
    try (SavedModelBundle bundle = SavedModelBundle.load(dir.toString(), "serve");
        ModelRuntime runtime = ModelRuntime.open(device, seed)) {
      ImportedModel model = KerasModelImporter.rebuild(dir, bundle, registry, runtime);
      int size = model.backbone().spec().inputSize();
      float[] pixels = testImages(images, size, seed, model.backbone().spec().preprocessing());
      Shape shape = Shape.of(images, size, size, 3);

      SessionFunction serving = bundle.function(Signature.DEFAULT_KEY);
      String inputName = serving.signature().inputNames().iterator().next();
      String outputName = serving.signature().outputNames().iterator().next();
      float[] expected;
      float[] actual;
      List<Long> outShape = new ArrayList<>();
      try (TFloat32 batch = Tensors.of(shape, pixels);
          Result saved = serving.call(Map.of(inputName, batch));
          Result rebuilt =
              runtime.session().runner().feed(model.input(), batch).fetch(model.output()).run()) {
        Tensor savedOut = saved.get(outputName).orElseThrow();
        expected = Tensors.values(savedOut);
        actual = Tensors.values(rebuilt.get(0));
        for (long d : savedOut.shape().asArray()) {
          outShape.add(d);
        }
      }
      return new ImportVerification(
          dir.toString(),
          model.backbone().spec().qualifiedName(),
          size,
          model.top().stream().map(l -> l.name() + " (" + l.className() + ")").toList(),
          images,
          outShape,
          model.importedVariables(),
          runtime.variables().parameterCount(),
          maxAbsDiff(expected, actual),
          maxAbs(expected),
          differAcrossImages(expected, images));
    }
  }

  /**
   * Smooth colour gradients with seeded noise, different for each image, in [0, 255], then
   * preprocessed for the backbone.
   */
  static float[] testImages(int n, int size, long seed, Preprocessing preprocessing) {
    Random random = new Random(seed);
    float[] px = new float[n * size * size * 3];
    int i = 0;
    for (int b = 0; b < n; b++) {
      double phase = random.nextDouble() * Math.PI * 2;
      double freq = 2 + 6 * random.nextDouble();
      for (int y = 0; y < size; y++) {
        for (int x = 0; x < size; x++) {
          for (int c = 0; c < 3; c++) {
            double wave = Math.sin(freq * Math.PI * (x + (c + 1) * y) / size + phase + c);
            double v = 127.5 + 100 * wave + 27 * (random.nextDouble() * 2 - 1);
            px[i++] = (float) Math.max(0, Math.min(255, v));
          }
        }
      }
    }
    preprocessing.applyInPlace(px);
    return px;
  }

  private static double maxAbsDiff(float[] a, float[] b) {
    if (a.length != b.length) {
      throw new IllegalStateException("output sizes differ: " + a.length + " vs " + b.length);
    }
    double m = 0;
    for (int i = 0; i < a.length; i++) {
      m = Math.max(m, Math.abs(a[i] - b[i]));
    }
    return m;
  }

  private static double maxAbs(float[] a) {
    double m = 0;
    for (float v : a) {
      m = Math.max(m, Math.abs(v));
    }
    return m;
  }

  private static boolean differAcrossImages(float[] out, int images) {
    int per = out.length / images;
    for (int b = 1; b < images; b++) {
      for (int j = 0; j < per; j++) {
        if (Math.abs(out[b * per + j] - out[j]) > 1e-6) {
          return true;
        }
      }
    }
    return false;
  }
}
