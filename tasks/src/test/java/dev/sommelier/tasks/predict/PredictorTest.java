package dev.sommelier.tasks.predict;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.sommelier.backbones.BackboneRegistry;
import dev.sommelier.core.Device;
import dev.sommelier.core.Tensors;
import dev.sommelier.core.layers.BatchNormMode;
import dev.sommelier.heads.HeadSpec;
import dev.sommelier.heads.Pooling;
import dev.sommelier.tasks.data.RgbImage;
import dev.sommelier.tasks.eval.ClassProbability;
import dev.sommelier.tasks.explain.CamMethod;
import dev.sommelier.tasks.explain.CamResult;
import dev.sommelier.tasks.explain.CamTarget;
import dev.sommelier.tasks.explain.GradCam;
import dev.sommelier.tasks.model.ModelConfig;
import dev.sommelier.tasks.model.ModelStore;
import dev.sommelier.tasks.model.TaskModel;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Random;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.tensorflow.Result;
import org.tensorflow.SavedModelBundle;
import org.tensorflow.ndarray.Shape;
import org.tensorflow.types.TFloat32;

class PredictorTest {

  @TempDir Path tmp;

  private static TaskModel model() {
    return TaskModel.create(
        new ModelConfig("simple_cnn:blocks=2,width=4", 16, HeadSpec.softmax(3, Pooling.GAP, 0.5f),
            List.of("bass", "cello", "viola"), BatchNormMode.FROZEN, 5),
        BackboneRegistry.load(), Device.CPU);
  }

  private static List<RgbImage> images(int n) {
    Random r = new Random(2);
    List<RgbImage> out = new ArrayList<>();
    for (int i = 0; i < n; i++) {
      byte[] px = new byte[20 * 24 * 3];
      r.nextBytes(px);
      out.add(new RgbImage(24, 20, px));
    }
    return out;
  }

  @Test
  void ranksEveryClassAndGivesTheSameAnswersFromManyThreads() throws Exception {
    List<RgbImage> images = images(12);
    List<String> ids = new ArrayList<>();
    for (int i = 0; i < images.size(); i++) {
      ids.add("img" + i);
    }
    try (Predictor p = new Predictor(model())) {
      List<Prediction> sequential = new ArrayList<>();
      for (int i = 0; i < images.size(); i++) {
        sequential.add(p.predict(ids.get(i), images.get(i)));
      }
      Prediction first = sequential.get(0);
      assertEquals(3, first.classes().size());
      assertTrue(first.classes().get(0).probability() >= first.classes().get(1).probability());
      assertTrue(first.classes().get(1).probability() >= first.classes().get(2).probability());
      assertEquals(1.0, first.classes().stream().mapToDouble(ClassProbability::probability).sum(), 1e-5);
      ExecutorService pool = Executors.newFixedThreadPool(4);
      try {
        List<Future<Prediction>> futures = new ArrayList<>();
        for (int round = 0; round < 5; round++) {
          for (int i = 0; i < images.size(); i++) {
            int k = i;
            futures.add(pool.submit(() -> p.predict(ids.get(k), images.get(k))));
          }
        }
        for (int j = 0; j < futures.size(); j++) {
          assertEquals(sequential.get(j % images.size()), futures.get(j).get());
        }
      } finally {
        pool.shutdown();
      }
      List<Prediction> batch = p.predictAll(ids, images);
      for (int i = 0; i < images.size(); i++) {
        assertEquals(sequential.get(i).top().name(), batch.get(i).top().name());
        assertEquals(sequential.get(i).top().probability(), batch.get(i).top().probability(), 1e-5f);
      }
    }
  }

  @Test
  void anExportedSavedModelAnswersLikeTheModel() {
    float[] x = new float[2 * 16 * 16 * 3];
    Random random = new Random(3);
    for (int i = 0; i < x.length; i++) {
      x[i] = random.nextFloat();
    }
    float[] expected;
    try (TaskModel m = model()) {
      expected = m.predict(x, 2);
      ModelStore.exportSavedModel(m, tmp.resolve("saved"));
      ModelStore.save(m, tmp.resolve("model"), Map.of());
    }
    try (SavedModelBundle b = SavedModelBundle.load(tmp.resolve("saved").toString(), "serve");
        TFloat32 in = Tensors.of(Shape.of(2, 16, 16, 3), x);
        Result r = b.function("serving_default").call(Map.of("image", in))) {
      assertArrayEquals(expected, Tensors.values(r.get("predictions").orElseThrow()), 0f);
    }
    try (Predictor p = Predictor.load(tmp.resolve("model"), Device.CPU)) {
      assertEquals(List.of("bass", "cello", "viola"), p.model().config().classes());
      assertArrayEquals(expected, p.model().predict(x, 2), 0f);
    }
  }

  @Test
  void explainsItsAnswersWithOneExplainerPerLayerAndTheSameMapsAsGradCam() {
    List<RgbImage> images = images(3);
    List<String> ids = List.of("a", "b", "c");
    try (Predictor p = new Predictor(model())) {
      List<HeatMap> first = p.explainAll(ids, images, CamTarget.classProbability(1),
          CamMethod.GRAD_CAM, "block2_relu");
      long operations = count(p.model().runtime().graph().operations());
      List<HeatMap> again = p.explainAll(ids, images, CamTarget.classProbability(1),
          CamMethod.GRAD_CAM, "block2_relu");
      assertEquals(operations, count(p.model().runtime().graph().operations()),
          "the second call reuses the explainer and adds no operation");

      List<Prediction> predicted = p.predictAll(ids, images);
      List<CamResult> direct = GradCam.of(p.model(), "block2_relu").explain(
          inputsOf(p.model(), images), 3, CamTarget.classProbability(1), CamMethod.GRAD_CAM);
      for (int i = 0; i < 3; i++) {
        HeatMap h = first.get(i);
        assertEquals(predicted.get(i).top().name(), h.prediction().top().name());
        assertEquals(predicted.get(i).top().probability(), h.prediction().top().probability(),
            1e-6f);
        assertArrayEquals(direct.get(i).map().values(), h.map().values(), 1e-6f);
        assertArrayEquals(h.map().values(), again.get(i).map().values(), 0f);
        assertEquals(8, h.map().height(), "block2_relu of a 16x16 input");
        assertEquals(20 * 24, h.upsampled().length, "at the original 24x20 image");
        assertEquals(24, h.overlay().getWidth());
        assertTrue(h.peak().x() < 24 && h.peak().y() < 20);
      }
    }
  }

  private static float[] inputsOf(TaskModel m, List<RgbImage> images) {
    float[] x = dev.sommelier.tasks.data.ImageResizer.resizeAll(images, 16);
    m.backbone().spec().preprocessing().applyInPlace(x);
    return x;
  }

  private static long count(java.util.Iterator<?> it) {
    long n = 0;
    for (; it.hasNext(); it.next()) {
      n++;
    }
    return n;
  }
}
