package dev.sommelier.tasks.jobs.train;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNotEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.sommelier.tasks.data.source.DataSource;
import dev.sommelier.tasks.data.split.SplitRatios;
import dev.sommelier.tasks.data.synthetic.FileFormat;
import dev.sommelier.tasks.data.synthetic.Layout;
import dev.sommelier.tasks.data.synthetic.ShapeImages;
import dev.sommelier.tasks.train.EpochResult;
import dev.sommelier.tasks.train.FeatureFolder;
import dev.sommelier.tasks.train.FeatureUse;
import dev.sommelier.tasks.train.OptimizerKind;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * Head-only runs that share a {@link FeatureFolder}: the first computes the backbone features and
 * stores them, the next on the same images, backbone, weights and input size reads them back and
 * trains exactly as a run that computed them itself; another input size computes its own.
 */
class SharedFeaturesTest {

  @TempDir Path tmp;

  @Test
  void headOnlyRunsReuseStoredFeaturesAndTrainTheSame() throws Exception {
    Path shapes = tmp.resolve("shapes");
    new ShapeImages(3, 20, 32, FileFormat.PNG, Layout.CLASS_FOLDERS, 3).writeTo(shapes);
    FeatureFolder store = new FeatureFolder(tmp.resolve("features"));

    List<EpochResult> alone = new TrainJob(settings(shapes, "alone", 32)).run().epochs();
    List<EpochResult> first = new TrainJob(settings(shapes, "first", 32))
        .shareFeatures(store).run().epochs();
    List<EpochResult> second = new TrainJob(settings(shapes, "second", 32))
        .shareFeatures(store).run().epochs();
    new TrainJob(settings(shapes, "other-size", 40)).shareFeatures(store).run();

    List<FeatureUse> uses = store.uses();
    assertEquals(3, uses.size());
    assertTrue(uses.get(0).computed());
    assertFalse(uses.get(1).computed());
    assertTrue(uses.get(2).computed());
    assertEquals(uses.get(0).key(), uses.get(1).key());
    assertNotEquals(uses.get(0).key(), uses.get(2).key());
    int train = 36; // 6:2:2 of 20 per class, 3 classes
    assertEquals(train, uses.get(0).images());
    assertEquals(train, uses.get(1).images());
    try (var files = Files.list(store.dir())) {
      assertEquals(2, files.count());
    }
    for (int e = 0; e < alone.size(); e++) {
      assertEquals(alone.get(e).loss(), first.get(e).loss(), 1e-9);
      assertEquals(alone.get(e).loss(), second.get(e).loss(), 1e-9);
      assertEquals(alone.get(e).valLoss(), second.get(e).valLoss(), 1e-9);
    }
  }

  private TrainSettings settings(Path data, String out, int size) {
    return TrainSettings.builder(DataSource.folder(data), tmp.resolve(out))
        .split(SplitRatios.parse("6:2:2")).seed(7).backbone("simple_cnn").inputSize(size)
        .optimizer(OptimizerKind.ADAM).learningRate(0.01f).epochs(3).batchSize(8).workers(2)
        .build();
  }
}
