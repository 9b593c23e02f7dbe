package dev.sommelier.tasks.model;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.sommelier.backbones.BackboneRegistry;
import dev.sommelier.backbones.Preprocessing;
import dev.sommelier.core.Device;
import dev.sommelier.core.Tensors;
import dev.sommelier.heads.Pooling;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import java.util.Random;
import java.util.stream.IntStream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.tensorflow.Result;
import org.tensorflow.SavedModelBundle;
import org.tensorflow.ndarray.Shape;
import org.tensorflow.types.TFloat32;

class KerasModelConverterTest {

  @TempDir Path tmp;

  private static Path fixture() {
    String root = System.getProperty("sommelier.fixtures", "../fixtures");
    return Path.of(root, "keras-mobilenet-1.0-224").toAbsolutePath().normalize();
  }

  @Test
  void kerasMobileNetBecomesASoftmaxModelThatPredictsWhatKerasPredicts() throws Exception {
    Path labels = tmp.resolve("labels.txt");
    Files.write(labels, IntStream.range(0, 1000).mapToObj(i -> "class " + i).toList());
    float[] images = new float[2 * 224 * 224 * 3];
    Random r = new Random(4);
    for (int i = 0; i < images.length; i++) {
      images[i] = 255 * r.nextFloat();
    }
    Preprocessing.TF.applyInPlace(images);
    float[] keras;
    try (SavedModelBundle b = SavedModelBundle.load(fixture().toString(), "serve");
        TFloat32 x = Tensors.of(Shape.of(2, 224, 224, 3), images);
        Result out = b.function("serving_default").call(Map.of("input_4", x))) {
      keras = Tensors.values(out.get("predictions").orElseThrow());
    }
    try (KerasConversion c =
        KerasModelConverter.convert(fixture(), labels, BackboneRegistry.load(), Device.CPU, 1)) {
      TaskModel m = c.model();
      assertEquals("class probabilities: softmax of Conv2D 'conv_preds' (1000 units)",
          c.facts().get("output"));
      assertEquals("mobilenet_v1:alpha=1.0", m.config().backbone());
      assertEquals("softmax", m.config().head().type());
      assertEquals(Pooling.GAP, m.config().head().pooling());
      assertEquals("class 999", m.config().classes().get(999));
      float[] ours = m.predict(images, 2);
      double max = 0;
      for (int i = 0; i < ours.length; i++) {
        max = Math.max(max, Math.abs(ours[i] - keras[i]));
      }
      assertTrue(max <= 1e-5, "max |difference| " + max);
      assertEquals(null, m.config().preprocessing(), "the fixture has no preprocessing layers");
      ModelStore.save(m, tmp.resolve("model"), Map.of("source", "keras"));
    }
    try (TaskModel m = ModelStore.load(tmp.resolve("model"), BackboneRegistry.load(), Device.CPU)) {
      assertEquals(List.of("class 0", "class 1"), m.config().classes().subList(0, 2));
      float[] reloaded = m.predict(images, 2);
      double max = 0;
      for (int i = 0; i < reloaded.length; i++) {
        max = Math.max(max, Math.abs(reloaded[i] - keras[i]));
      }
      assertTrue(max <= 1e-5, "max |difference| after reload " + max);
    }
  }
}
