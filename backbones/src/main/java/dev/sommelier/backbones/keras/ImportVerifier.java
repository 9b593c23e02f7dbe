package dev.sommelier.backbones.keras;

import dev.sommelier.backbones.BackboneRegistry;
import dev.sommelier.core.Device;
import dev.sommelier.core.ModelRuntime;
import dev.sommelier.core.Tensors;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Random;
import org.tensorflow.Result;
import org.tensorflow.ndarray.Shape;
import org.tensorflow.types.TFloat32;

/**
 * Proves an import faithful: rebuilds a Keras model from any format, runs it on deterministic,
 * non-constant images and, when the source holds a model TensorFlow can run as saved (a
 * SavedModel's {@code serving_default}), runs that too and reports the largest difference. For
 * {@code .h5} and {@code .keras} files the import itself is the check: every weight used, every
 * shape right.
 */
public final class ImportVerifier {

  private ImportVerifier() {}

  /** Verifies the Keras model at {@code path} on {@code images} seeded test images. */
  public static ImportVerification verify(
      Path path, BackboneRegistry registry, Device device, int images, long seed) {
    try (KerasModelSource source = KerasModelSources.open(path);
        ModelRuntime runtime = ModelRuntime.open(device, seed)) {
      ImportedModel model = KerasModelImporter.rebuild(source, registry, runtime);
      int size = model.backbone().spec().inputSize();
      float[] raw = testImages(images, size, seed);
      float[] ours = raw.clone();
      model.preprocessing().applyInPlace(ours);
      float[] actual;
      List<Long> outShape = new ArrayList<>();
      try (TFloat32 batch = Tensors.of(Shape.of(images, size, size, 3), ours);
          Result rebuilt =
              runtime.session().runner().feed(model.input(), batch).fetch(model.output()).run()) {
        actual = Tensors.values(rebuilt.get(0));
        for (long d : rebuilt.get(0).shape().asArray()) {
          outShape.add(d);
        }
      }
      Double difference = null;
      String reference = null;
      if (source.reference().isPresent()) {
        ReferenceModel saved = source.reference().get();
        // A model with its own preprocessing layers takes pixels; one without, preprocessed input.
        float[] theirs = raw.clone();
        if (model.preprocessingLayers().transform().isEmpty()) {
          model.backbone().spec().preprocessing().applyInPlace(theirs);
        }
        difference = maxAbsDiff(saved.run(theirs, images, size), actual);
        reference = saved.description();
      }
      return new ImportVerification(
          path.toString(),
          source.format(),
          model.backbone().spec().qualifiedName(),
          size,
          model.preprocessing().description(),
          describe(model.preprocessingLayers().layers()),
          describe(model.top()),
          images,
          outShape,
          model.importedVariables(),
          runtime.variables().parameterCount(),
          model.ignoredWeights().size(),
          reference,
          difference,
          maxAbs(actual),
          differAcrossImages(actual, images));
    }
  }

  private static List<String> describe(List<KerasLayer> layers) {
    return layers.stream().map(l -> l.name() + " (" + l.className() + ")").toList();
  }

  /** Smooth colour gradients with seeded noise, different for each image, in [0, 255]. */
  static float[] testImages(int n, int size, long seed) {
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
