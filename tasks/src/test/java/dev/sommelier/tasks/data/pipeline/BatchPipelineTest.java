package dev.sommelier.tasks.data.pipeline;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNotEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.sommelier.backbones.Preprocessing;
import dev.sommelier.tasks.data.DataSet;
import dev.sommelier.tasks.data.ImageDecoder;
import dev.sommelier.tasks.data.ImageResizer;
import dev.sommelier.tasks.data.RgbImage;
import dev.sommelier.tasks.data.Sample;
import dev.sommelier.tasks.data.SkippedSample;
import dev.sommelier.tasks.data.TestImages;
import dev.sommelier.tasks.data.augment.AugmentOp;
import dev.sommelier.tasks.data.augment.AugmentationConfig;
import dev.sommelier.tasks.data.source.ClassFolders;
import dev.sommelier.tasks.data.synthetic.Glyph;
import dev.sommelier.tasks.data.synthetic.ShapeImages;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Random;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.atomic.AtomicInteger;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class BatchPipelineTest {

  @TempDir Path dir;

  private final AtomicInteger loads = new AtomicInteger();
  private final Set<String> loadingThreads = ConcurrentHashMap.newKeySet();

  @AfterEach
  void noPipelineThreadOutlivesItsPipeline() throws InterruptedException {
    long deadline = System.nanoTime() + 5_000_000_000L;
    while (System.nanoTime() < deadline && pipelineThreads() > 0) {
      Thread.sleep(10);
    }
    assertEquals(0, pipelineThreads(), "pipeline threads still alive after close");
  }

  private static long pipelineThreads() {
    return Thread.getAllStackTraces().keySet().stream()
        .filter(t -> t.isAlive() && t.getName().startsWith("sommelier-data-")).count();
  }

  /** {@code n} in-memory 16x16 shape images of 3 classes, counting loads and their threads. */
  private List<Sample> memorySamples(int n) {
    List<Sample> samples = new ArrayList<>();
    Random random = new Random(1);
    for (int i = 0; i < n; i++) {
      int k = i % 3;
      RgbImage img = ImageDecoder.convert(ShapeImages.draw(Glyph.values()[k], 16, random));
      samples.add(Sample.ofClass("m" + i, () -> {
        loads.incrementAndGet();
        loadingThreads.add(Thread.currentThread().getName());
        return img;
      }, k));
    }
    return samples;
  }

  /** 20 PNG files in 3 class folders plus an empty, a truncated and a garbage "image". */
  private DataSet filesWithThreeBad() throws Exception {
    ShapeImages.of(3, 7).withSize(32).withSeed(4).writeTo(dir);
    Files.delete(dir.resolve("circle/circle_0006.png"));
    Path good = dir.resolve("square/square_0001.png");
    byte[] png = Files.readAllBytes(good);
    TestImages.write(dir, "circle/empty.png", new byte[0]);
    TestImages.write(dir, "square/truncated.png", Arrays.copyOf(png, png.length / 2));
    byte[] garbage = new byte[300];
    new Random(2).nextBytes(garbage);
    TestImages.write(dir, "triangle/garbage.jpg", garbage);
    return ClassFolders.load(dir);
  }

  private static List<Batch> drain(EpochBatches batches) {
    List<Batch> out = new ArrayList<>();
    try (batches) {
      while (batches.hasNext()) {
        out.add(batches.next());
      }
    }
    return out;
  }

  private static List<Batch> run(DataSet data, int workers, int prefetch, int epoch) {
    try (BatchPipeline p = BatchPipeline.builder(data.samples(), 5, 24, 20)
        .augmentation(AugmentationConfig.all(0.5)).seed(99).workers(workers).prefetch(prefetch)
        .build()) {
      return drain(p.epoch(epoch));
    }
  }

  @Test
  void sameSeedSameBatchesWhateverTheThreads() throws Exception {
    DataSet data = filesWithThreeBad();
    List<Batch> one = run(data, 1, 1, 0);
    List<Batch> four = run(data, 4, 3, 0);
    assertEquals(one.size(), four.size());
    for (int b = 0; b < one.size(); b++) {
      assertEquals(one.get(b).ids(), four.get(b).ids());
      assertArrayEquals(one.get(b).classIndices(), four.get(b).classIndices());
      assertArrayEquals(one.get(b).pixels(), four.get(b).pixels(), 0f);
    }
    List<Batch> nextEpoch = run(data, 4, 3, 1);
    assertNotEquals(one.get(0).ids(), nextEpoch.get(0).ids());
  }

  @Test
  void badFilesAreSkippedCountedAndBatchesFilledFromTheNextSamples() throws Exception {
    DataSet data = filesWithThreeBad();
    assertEquals(23, data.size());
    try (BatchPipeline p = BatchPipeline.builder(data.samples(), 5, 24, 20).workers(2).seed(3)
        .build()) {
      List<Batch> batches = drain(p.epoch(0));
      assertEquals(List.of(5, 5, 5, 5), batches.stream().map(Batch::size).toList());
      assertEquals(List.of(dir.resolve("circle/empty.png").toString(),
          dir.resolve("square/truncated.png").toString(),
          dir.resolve("triangle/garbage.jpg").toString()),
          p.skipped().stream().map(SkippedSample::id).toList());
      assertEquals(List.of("empty file", "truncated (unexpected end of data)"),
          p.skipped().stream().limit(2).map(SkippedSample::reason).toList());
      List<Batch> again = drain(p.epoch(1));
      assertEquals(20, again.stream().mapToInt(Batch::size).sum());
      assertEquals(3, p.skipped().size());
      for (Batch b : batches) {
        assertEquals(5 * 24 * 20 * 3, b.pixels().length);
        for (int i = 0; i < b.size(); i++) {
          assertTrue(Float.isNaN(b.values()[i]));
          String folder = Path.of(b.ids().get(i)).getParent().getFileName().toString();
          assertEquals(data.classNames().get(b.classIndices()[i]), folder);
        }
      }
    }
  }

  @Test
  void workersDecodeAheadOfTheConsumer() throws Exception {
    List<Sample> samples = memorySamples(40);
    try (BatchPipeline p = BatchPipeline.builder(samples, 4, 8, 8).workers(2).prefetch(3).build()) {
      try (EpochBatches batches = p.epoch(0)) {
        long deadline = System.nanoTime() + 5_000_000_000L;
        while (loads.get() < 12 && System.nanoTime() < deadline) {
          Thread.sleep(5);
        }
        assertTrue(loads.get() >= 12, "loaded before the first next(): " + loads.get());
        assertTrue(batches.hasNext());
        assertEquals(4, batches.next().size());
      }
    }
    assertFalse(loadingThreads.isEmpty());
    for (String t : loadingThreads) {
      assertTrue(t.startsWith("sommelier-data-worker-"), t);
    }
  }

  @Test
  void unshuffledPassesKeepTheOrderAndEndShort() {
    List<Sample> samples = memorySamples(10);
    try (BatchPipeline p = BatchPipeline.builder(samples, 4, 16, 16).shuffle(false).workers(3)
        .build()) {
      List<Batch> batches = drain(p.epoch(5));
      assertEquals(List.of(4, 4, 2), batches.stream().map(Batch::size).toList());
      assertEquals(List.of("m8", "m9"), batches.get(2).ids());
      assertArrayEquals(new int[] {2, 0}, batches.get(2).classIndices());
      // same size, no augmentation, no preprocessing: the pixels are the image's bytes
      RgbImage m9 = samples.get(9).image().load();
      float[] want = ImageResizer.resize(m9, 16, 16);
      assertArrayEquals(want, Arrays.copyOfRange(batches.get(2).pixels(), 16 * 16 * 3, 2 * 16 * 16 * 3),
          0f);
    } catch (Exception e) {
      throw new AssertionError(e);
    }
  }

  @Test
  void preprocessingRunsOnEveryImage() {
    List<Sample> samples = memorySamples(6);
    float[] raw;
    try (BatchPipeline p = BatchPipeline.builder(samples, 6, 12, 12).shuffle(false).build()) {
      raw = drain(p.epoch(0)).get(0).pixels();
    }
    try (BatchPipeline p = BatchPipeline.builder(samples, 6, 12, 12).shuffle(false)
        .preprocessing(Preprocessing.TF).build()) {
      float[] tf = drain(p.epoch(0)).get(0).pixels();
      for (int i = 0; i < raw.length; i++) {
        assertEquals(raw[i] / 127.5f - 1f, tf[i], 1e-6f);
      }
    }
  }

  @Test
  void augmentedViewsAreWhatThePassesFeed() throws Exception {
    List<Sample> samples = memorySamples(6);
    try (BatchPipeline p = BatchPipeline.builder(samples, 6, 16, 16).shuffle(false)
        .augmentation(AugmentationConfig.DEFAULT).seed(11).workers(2).build()) {
      assertTrue(p.augments());
      float[][] views = p.augmentedViews(4, 3);
      assertEquals(4, views.length);
      assertArrayEquals(ImageResizer.resize(samples.get(4).image().load(), 16, 16), views[0], 0f,
          "the image as loaded");
      int pixels = 16 * 16 * 3;
      for (int e = 0; e < 3; e++) {
        float[] fed = Arrays.copyOfRange(drain(p.epoch(e)).get(0).pixels(), 4 * pixels,
            5 * pixels);
        assertArrayEquals(fed, views[e + 1], 0f, "pass " + e);
      }
      assertFalse(Arrays.equals(views[1], views[2]) && Arrays.equals(views[2], views[3]),
          "the passes augment differently");
    }
    try (BatchPipeline plain = BatchPipeline.builder(samples, 6, 16, 16).build()) {
      assertFalse(plain.augments());
      float[][] views = plain.augmentedViews(1, 2);
      assertArrayEquals(views[0], views[1], 0f);
      assertArrayEquals(views[0], views[2], 0f);
    }
  }

  @Test
  void plainBatchesAreTheImagesAsLoadedAndPreprocessedNeverAugmented() {
    List<Sample> samples = memorySamples(7);
    int[] order = {6, 0, 3, 1, 5};
    try (BatchPipeline augmenting = BatchPipeline.builder(samples, 2, 16, 16)
            .augmentation(AugmentationConfig.all(1)).preprocessing(Preprocessing.TF).seed(3)
            .workers(2).build();
        BatchPipeline plain = BatchPipeline.builder(samples, 2, 16, 16)
            .preprocessing(Preprocessing.TF).workers(2).build()) {
      List<Batch> expected = drain(plain.batches(order, 0));
      List<Batch> got = drain(augmenting.plainBatches(order));
      assertEquals(3, got.size());
      for (int b = 0; b < got.size(); b++) {
        assertEquals(expected.get(b).ids(), got.get(b).ids());
        assertArrayEquals(expected.get(b).pixels(), got.get(b).pixels(), 0f);
      }
      assertFalse(Arrays.equals(expected.get(0).pixels(),
          drain(augmenting.batches(order, 0)).get(0).pixels()), "a pass augments");
    }
  }

  @Test
  void cachedImagesAreDecodedOnce() {
    List<Sample> samples = memorySamples(9);
    try (BatchPipeline p = BatchPipeline.builder(samples, 4, 10, 10).cacheDecoded(true)
        .augmentation(AugmentationConfig.NONE.with(AugmentOp.FLIP)).build()) {
      int first = drain(p.epoch(0)).stream().mapToInt(Batch::size).sum();
      int second = drain(p.epoch(1)).stream().mapToInt(Batch::size).sum();
      assertEquals(9, first);
      assertEquals(9, second);
      assertEquals(9, loads.get());
    }
  }

  @Test
  void aNewPassClosesTheOldOneAndAClosedPipelineRefusesPasses() {
    List<Sample> samples = memorySamples(30);
    BatchPipeline p = BatchPipeline.builder(samples, 2, 8, 8).workers(2).build();
    EpochBatches first = p.epoch(0);
    assertTrue(first.hasNext());
    first.next();
    EpochBatches second = p.epoch(1);
    assertEquals(15, drain(second).size());
    p.close();
    assertThrows(IllegalStateException.class, () -> p.epoch(2));
  }
}
