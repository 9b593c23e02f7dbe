package dev.sommelier.tasks.explain;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.sommelier.backbones.BackboneRegistry;
import dev.sommelier.backbones.Preprocessing;
import dev.sommelier.core.Device;
import dev.sommelier.core.layers.BatchNormMode;
import dev.sommelier.heads.HeadSpec;
import dev.sommelier.heads.Pooling;
import dev.sommelier.tasks.model.KerasConversion;
import dev.sommelier.tasks.model.KerasModelConverter;
import dev.sommelier.tasks.model.ModelConfig;
import dev.sommelier.tasks.model.TaskModel;
import java.nio.file.Path;
import java.util.List;
import java.util.Random;
import org.junit.jupiter.api.Test;

/** Grad-CAM on the real architectures: a model imported from the Keras fixture, and ResNet50. */
class ExplainBackbonesTest {

  private static float[] images(int n, int size, Preprocessing p) {
    float[] x = new float[n * size * size * 3];
    Random r = new Random(8);
    for (int i = 0; i < x.length; i++) {
      x[i] = 255 * r.nextFloat();
    }
    p.applyInPlace(x);
    return x;
  }

  private static void assertNormalised(CamMap map) {
    float max = 0;
    for (float v : map.values()) {
      assertTrue(v >= 0 && v <= 1 && Float.isFinite(v), "value " + v);
      max = Math.max(max, v);
    }
    assertTrue(max == 1f || max == 0f, "max " + max);
  }

  @Test
  void explainsTheKerasMobileNetAtItsGradCamLayer() {
    Path keras = Path.of(System.getProperty("sommelier.fixtures", "../fixtures"),
        "keras-mobilenet-1.0-224").toAbsolutePath().normalize();
    try (KerasConversion c =
        KerasModelConverter.convert(keras, null, BackboneRegistry.load(), Device.CPU, 1)) {
      TaskModel m = c.model();
      float[] x = images(2, 224, Preprocessing.TF);
      GradCam cam = GradCam.of(m);
      assertEquals("conv_pw_13_relu", cam.layer());
      List<CamResult> results = cam.explain(x, 2, CamTarget.predictedClass(), CamMethod.GRAD_CAM);
      float[] predicted = m.predict(x, 2);
      for (int i = 0; i < 2; i++) {
        CamResult r = results.get(i);
        assertEquals(7, r.map().height());
        assertEquals(7, r.map().width());
        assertNormalised(r.map());
        assertArrayEquals(java.util.Arrays.copyOfRange(predicted, i * 1000, (i + 1) * 1000),
            r.prediction(), 1e-6f);
      }
    }
  }

  @Test
  void explainsWhatRaisesAndLowersAResNetRegressor() {
    try (TaskModel m = TaskModel.create(
        new ModelConfig("resnet50", 64, HeadSpec.regressor(4, Pooling.GAP), List.of(),
            BatchNormMode.FROZEN, 2), BackboneRegistry.load(), Device.CPU)) {
      float[] x = images(2, 64, Preprocessing.CAFFE);
      GradCam cam = GradCam.of(m);
      assertEquals("conv5_block3_out", cam.layer());
      for (boolean raising : new boolean[] {true, false}) {
        for (CamResult r : cam.explain(x, 2, CamTarget.value(raising), CamMethod.GRAD_CAM_PLUS_PLUS)) {
          assertEquals(2, r.map().height());
          assertEquals(2, r.map().width());
          assertNormalised(r.map());
        }
      }
    }
  }
}
